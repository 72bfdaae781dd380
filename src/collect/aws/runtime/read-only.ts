/**
 * The scanner only reads. An operation is allowed when its name starts with a read verb, or when it is one of
 * the few non-verb reads a scan needs. Enforced on every call (send) and checked over the source by a test.
 */
const READ_PREFIXES = ['List', 'Get', 'Describe'] as const;
const EXTRA_READS = new Set([
  // Asks IAM to build the credential report it then reads with GetCredentialReport; changes no configuration.
  'GenerateCredentialReport',
  // Temporary credentials for member accounts (--org); changes nothing in them.
  'AssumeRole',
]);
/** Read-looking names that can change state or reveal secrets, never called. */
const DENIED = new Set([
  'GetSecretValue',
  'GetParametersByPath',
  'GetParameter',
  'GetParameters',
  'GetObject',
  'GetPasswordData',
]);

export function isReadOnlyOperation(operation: string): boolean {
  if (DENIED.has(operation)) return false;
  return (
    EXTRA_READS.has(operation) ||
    READ_PREFIXES.some((p) => operation.startsWith(p) && /^[A-Z]/.test(operation.slice(p.length)))
  );
}

/** 'DescribeSecurityGroupsCommand' → 'DescribeSecurityGroups' */
export const operationOf = (command: object): string => command.constructor.name.replace(/Command$/, '');

export class NotReadOnlyError extends Error {
  constructor(operation: string) {
    super(`refused to call ${operation}: mamori's collectors only call read-only operations`);
    this.name = 'NotReadOnlyError';
  }
}
