/** aws.iac.template: one file of a scanned template or configuration, for checks on the file as a whole. */
export interface IacTemplateProps {
  format: 'cloudformation' | 'terraform';
  /** Hard-coded secrets found in the file; never the value, only what and where. */
  Secrets: Array<{ kind: string; file: string; line: number; path?: string }>;
}
