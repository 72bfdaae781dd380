/**
 * PASS and FAIL are judgements; ERROR means the check could not run (never a PASS);
 * MANUAL needs a person; EXCEPTED carries an exception; N/A means the rule's scope does not cover the resource.
 */
export const STATUSES = ['FAIL', 'ERROR', 'PASS', 'MANUAL', 'EXCEPTED', 'N/A'] as const;
export type Status = (typeof STATUSES)[number];
