// Placeholder types: the helper that owns this file replaces each with the SDK output shape (Json<...>).
export type EksClusterProps = Record<string, unknown>;
export type RedshiftClusterProps = Record<string, unknown>;
export type ElastiCacheReplicationGroupProps = Record<string, unknown>;
export type OpenSearchDomainProps = Record<string, unknown>;
