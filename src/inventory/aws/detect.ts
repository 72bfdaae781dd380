// Placeholder types: the helper that owns this file replaces each with the SDK output shape (Json<...>).
export type ConfigRecorderProps = Record<string, unknown>;
export type GuardDutyDetectorProps = Record<string, unknown>;
export type AccessAnalyzerProps = Record<string, unknown>;
