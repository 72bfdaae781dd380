import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const GUARDRAIL_TYPES = new Set(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);

const root = {
  TargetId: 'r-ab12',
  Arn: 'arn:aws:organizations::111122223333:root/o-a1b2c3d4e5/r-ab12',
  Name: 'Root',
  Type: 'ROOT',
};
const workloadsOu = {
  TargetId: 'ou-ab12-11111111',
  Arn: 'arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-11111111',
  Name: 'Workloads',
  Type: 'ORGANIZATIONAL_UNIT',
};
const fullAccess = {
  Id: 'p-FullAWSAccess',
  Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
  Name: 'FullAWSAccess',
  Description: 'Allows access to every operation',
  Type: 'SERVICE_CONTROL_POLICY',
  AwsManaged: true,
  Targets: [root, workloadsOu],
};
const rcpFullAccess = {
  Id: 'p-RCPFullAWSAccess',
  Arn: 'arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess',
  Name: 'RCPFullAWSAccess',
  Description: 'Allows access to every resource',
  Type: 'RESOURCE_CONTROL_POLICY',
  AwsManaged: true,
  Targets: [root],
};
const denyLeave = {
  Id: 'p-a1b2c3d4',
  Arn: 'arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/service_control_policy/p-a1b2c3d4',
  Name: 'deny-leave-org-and-disable-trail',
  Description: 'Members cannot leave the organization or stop CloudTrail',
  Type: 'SERVICE_CONTROL_POLICY',
  AwsManaged: false,
  Targets: [workloadsOu],
};
const org = {
  Organization: {
    Id: 'o-a1b2c3d4e5',
    Arn: 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5',
    FeatureSet: 'ALL',
    MasterAccountId: '111122223333',
  },
  Roots: [
    {
      Id: 'r-ab12',
      Arn: root.Arn,
      Name: 'Root',
      PolicyTypes: [
        { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
        { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' },
      ],
    },
  ],
  Policies: [fullAccess, rcpFullAccess, denyLeave],
  DelegatedAdministrators: [],
  EnabledFeatures: [],
};

export default defineAwsRule({
  id: 'aws-organizations-scp-guardrails',
  resourceType: 'aws.organizations.organization',
  category: 'account-separation',
  severity: 'medium',
  // Judged on the whole organization (policies and their targets), which a template shows only in part.
  iac: false,
  needs: ['Policies'],
  text: {
    title: {
      en: "Authorization guardrails (SCPs or RCPs) apply to the organization's accounts",
      ja: '組織のアカウントに認可のガードレール（SCP または RCP）が適用されている',
    },
    description: {
      en: 'Checks that at least one service control policy or resource control policy other than the AWS managed FullAWSAccess / RCPFullAWSAccess is attached to the root, an OU or an account.',
      ja: 'AWS 管理の FullAWSAccess / RCPFullAWSAccess 以外のサービスコントロールポリシーまたはリソースコントロールポリシーが、ルート・OU・アカウントのいずれかに少なくとも 1 つアタッチされていることを確認する。',
    },
    rationale: {
      en: 'SCPs cap what any principal in a member account can do, and RCPs cap what can be done to its resources, whatever IAM policies say. They stop the actions no account should take (leaving the organization, disabling CloudTrail or GuardDuty, using unapproved regions) even when an administrator credential is stolen.',
      ja: 'SCP はメンバーアカウント内のプリンシパルができる操作の上限を、RCP はそのリソースに対して可能な操作の上限を、IAM ポリシーの内容にかかわらず定める。管理者の認証情報が盗まれても、組織からの離脱、CloudTrail や GuardDuty の無効化、未承認リージョンの利用など、どのアカウントにも不要な操作を防げる。',
    },
    remediation: {
      text: {
        en: 'Write SCPs (and RCPs) that deny the actions your organization never allows, test them on a sandbox OU, then attach them to the root or the OUs that hold workloads.',
        ja: '組織として許可しない操作を拒否する SCP（と RCP）を作成し、検証用の OU で試してから、ルートまたはワークロードを収容する OU にアタッチする。',
      },
      console: {
        en: 'Organizations console (management account) → Policies → Service control policies (or Resource control policies) → Enable if needed → Create policy → Actions → Attach policy → choose the root or OUs.',
        ja: 'Organizations コンソール（管理アカウント）→ ポリシー → サービスコントロールポリシー（またはリソースコントロールポリシー）→ 必要なら有効化 → ポリシーを作成 → アクション → ポリシーをアタッチ → ルートまたは OU を選択。',
      },
      cli: 'aws organizations enable-policy-type --root-id <ROOT_ID> --policy-type SERVICE_CONTROL_POLICY\naws organizations create-policy --name <NAME> --type SERVICE_CONTROL_POLICY --description "<DESCRIPTION>" --content file://scp.json\naws organizations attach-policy --policy-id <POLICY_ID> --target-id <ROOT_OR_OU_ID>',
      cloudformation:
        'AWS::Organizations::Policy → Type: SERVICE_CONTROL_POLICY, Content: <policy>, TargetIds: [<ROOT_OR_OU_ID>]',
      terraform:
        'resource "aws_organizations_policy" "guardrail" {\n  name    = "<NAME>"\n  type    = "SERVICE_CONTROL_POLICY"\n  content = data.aws_iam_policy_document.guardrail.json\n}\nresource "aws_organizations_policy_attachment" "guardrail" {\n  policy_id = aws_organizations_policy.guardrail.id\n  target_id = "<ROOT_OR_OU_ID>"\n}',
      url: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
    },
  },
  evaluate: ({ props }) => {
    const guardrails = props.Policies.filter(
      (p) => GUARDRAIL_TYPES.has(p.Type ?? '') && p.AwsManaged !== true && (p.Targets ?? []).length > 0,
    );
    if (guardrails.length > 0) {
      return pass({
        en: `Guardrails attached: ${guardrails.map((p) => p.Name).join(', ')}`,
        ja: `アタッチされたガードレール: ${guardrails.map((p) => p.Name).join('、')}`,
      });
    }
    const detached = props.Policies.filter((p) => GUARDRAIL_TYPES.has(p.Type ?? '') && p.AwsManaged !== true).length;
    return fail('Policies', {
      en: `No SCP or RCP of your own is attached to the root, an OU or an account${detached ? ` (${detached} exist but are attached nowhere)` : ''}`,
      ja: `独自の SCP・RCP がルート・OU・アカウントのどれにもアタッチされていない${detached ? `（${detached} 件あるが未アタッチ）` : ''}`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: org },
        // A resource control policy on one account is a guardrail too.
        {
          props: {
            ...org,
            Policies: [
              fullAccess,
              {
                Id: 'p-rcp0001',
                Arn: 'arn:aws:organizations::111122223333:policy/o-a1b2c3d4e5/resource_control_policy/p-rcp0001',
                Name: 'enforce-tls-and-org-only',
                Type: 'RESOURCE_CONTROL_POLICY',
                AwsManaged: false,
                Targets: [{ TargetId: '444455556666', Name: 'prod-app', Type: 'ACCOUNT' }],
              },
            ],
          },
        },
      ],
      fail: [
        // Only the AWS managed allow-all policies.
        { props: { ...org, Policies: [fullAccess, rcpFullAccess] } },
        // A custom SCP that was written but never attached.
        { props: { ...org, Policies: [fullAccess, { ...denyLeave, Targets: [] }] } },
        { props: { ...org, Roots: [{ ...org.Roots[0], PolicyTypes: [] }], Policies: [] } },
      ],
      error: [
        {
          props: { ...org, Policies: undefined },
          gaps: { Policies: 'AWSOrganizationsNotInUseException: organizations:ListPolicies' },
        },
        // The targets of one policy could not be read.
        { props: org, gaps: { 'Policies.2.Targets': 'TooManyRequestsException: organizations:ListTargetsForPolicy' } },
      ],
    },
  },
});
