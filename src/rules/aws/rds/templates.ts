/**
 * Small builders for the IaC fixture texts of the database, analytics and container rules: a whole CloudFormation
 * template with one resource (and parameters without defaults, for ERROR fixtures), or a Terraform main.tf with
 * variables without defaults and the resource. Extra resources can be appended as raw text.
 */

/** A CloudFormation template (YAML) with one resource `logicalId` of `type`; `params` have no Default. */
export function cfnTemplate(
  type: string,
  properties: readonly string[],
  opts: { logicalId?: string; params?: readonly string[]; extra?: string } = {},
): string {
  const params = opts.params ?? [];
  const head = params.length ? `Parameters:\n${params.map((p) => `  ${p}:\n    Type: String\n`).join('')}` : '';
  const body = properties.map((l) => `      ${l}`).join('\n');
  return `AWSTemplateFormatVersion: '2010-09-09'\n${head}Resources:\n  ${opts.logicalId ?? 'Resource'}:\n    Type: ${type}\n    Properties:\n${body}\n${opts.extra ?? ''}`;
}

/** A Terraform main.tf with `variables` (no default) and one resource block. */
export function tfConfig(
  type: string,
  name: string,
  body: readonly string[],
  opts: { variables?: readonly string[]; extra?: string } = {},
): string {
  const vars = (opts.variables ?? []).map((v) => `variable "${v}" {}\n\n`).join('');
  return `${vars}resource "${type}" "${name}" {\n${body.map((l) => `  ${l}`).join('\n')}\n}\n${opts.extra ?? ''}`;
}
