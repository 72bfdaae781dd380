export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is worse; used for --fail-on thresholds and sorting. */
export const severityRank = (s: Severity): number => SEVERITIES.length - SEVERITIES.indexOf(s);

export const isSeverity = (s: string): s is Severity => (SEVERITIES as readonly string[]).includes(s);
