/** aws.iac.template: one file of a scanned template or configuration, for checks on the file as a whole. */
export type IacTemplateProps = {
  format: 'cloudformation' | 'terraform';
  /** Hard-coded secrets found in the file: what kind and where, never the value. */
  Secrets: Array<{ kind: string; line: number; path?: string }>;
  /** Inline suppressions written in the file (`Metadata.mamori.skip`, `# mamori:skip`). */
  Suppressions: Array<{ ruleId: string; reason?: string; line: number }>;
};
