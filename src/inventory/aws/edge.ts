// Placeholder types: the helper that owns this file replaces each with the SDK output shape (Json<...>).
export type ListenerProps = Record<string, unknown>;
export type CloudFrontDistributionProps = Record<string, unknown>;
export type ApiGatewayStageProps = Record<string, unknown>;
