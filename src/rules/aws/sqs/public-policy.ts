import { error, fail, pass, type Verdict } from '../../../core/rule.js';
import type { Text } from '../../../core/text.js';
import type { PolicyDocument } from '../../../inventory/json.js';
import { describeActions, statementPath } from '../lib/iam.js';
import { publicAllowStatements, statements } from '../lib/policy.js';

/** An unresolved IaC value somewhere inside. */
const unresolved = (v: unknown): boolean => v !== undefined && JSON.stringify(v).includes('"$unknown"');

/**
 * The verdict of a "resource policy grants nothing to everyone" rule (SQS queue, ECR repository policies):
 * FAIL on the first Allow for Principal "*" without a restricting condition; ERROR when an Allow statement's
 * principal or condition is unresolved (it could be "*"); PASS otherwise, and for no policy at all.
 */
export function publicPolicyVerdict(doc: PolicyDocument | null, subject: Text): Verdict {
  const first = publicAllowStatements(doc)[0];
  if (doc && first) {
    return fail(statementPath('Policy', doc, first), {
      en: `${subject.en} allows ${describeActions(first, 'en')} to any principal without a restricting condition`,
      ja: `${subject.ja}が制限条件なしで任意のプリンシパルに ${describeActions(first, 'ja')} を許可している`,
    });
  }
  if (statements(doc).some((s) => s.Effect !== 'Deny' && (unresolved(s.Principal) || unresolved(s.Condition)))) {
    return error('the policy has unresolved values, so its principals cannot be judged');
  }
  return pass();
}
