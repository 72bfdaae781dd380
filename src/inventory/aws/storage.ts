// Placeholder types: the helper that owns this file replaces each with the SDK output shape (Json<...>).
export type DynamoDbTableProps = Record<string, unknown>;
export type SqsQueueProps = Record<string, unknown>;
export type EcrRepositoryProps = Record<string, unknown>;
