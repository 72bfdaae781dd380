import { sessionKeyFor } from '../demo-index.js';
import type { FakeContext, FakeHandlers, FakeInput } from '../types.js';

/** STS as the scanner uses it: who am I, and temporary credentials in a member account (--org). */
export function stsHandlers(): FakeHandlers {
  return {
    sts: {
      GetCallerIdentity: (_input: FakeInput, ctx: FakeContext) => ({
        UserId: 'AIDAEXAMPLEMAMORISCAN',
        Account: ctx.account,
        Arn: `arn:aws:iam::${ctx.account}:user/mamori-scanner`,
      }),
      AssumeRole: (input: FakeInput) => {
        const roleArn = String(input.RoleArn);
        const account = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1] ?? '000000000000';
        const roleName = roleArn.split('/').pop();
        return {
          Credentials: {
            AccessKeyId: sessionKeyFor(account),
            SecretAccessKey: 'fake-session-secret',
            SessionToken: 'fake-session-token',
            Expiration: new Date(Date.now() + 3_600_000),
          },
          AssumedRoleUser: {
            AssumedRoleId: `AROAEXAMPLE:${String(input.RoleSessionName)}`,
            Arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${String(input.RoleSessionName)}`,
          },
        };
      },
    },
  };
}
