import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const org = {
  Organization: {
    Id: 'o-a1b2c3d4e5',
    Arn: 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5',
    FeatureSet: 'ALL',
    MasterAccountArn: 'arn:aws:organizations::111122223333:account/o-a1b2c3d4e5/111122223333',
    MasterAccountId: '111122223333',
    MasterAccountEmail: 'aws-management@example.com',
  },
  Roots: [
    {
      Id: 'r-ab12',
      Arn: 'arn:aws:organizations::111122223333:root/o-a1b2c3d4e5/r-ab12',
      Name: 'Root',
      PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
    },
  ],
  Policies: [],
  DelegatedAdministrators: [],
  EnabledFeatures: ['RootCredentialsManagement', 'RootSessions'],
};

export default defineAwsRule({
  id: 'aws-organizations-centralized-root-access',
  resourceType: 'aws.organizations.organization',
  category: 'identity',
  severity: 'medium',
  // Organization settings are runtime facts of the management account.
  iac: false,
  needs: ['EnabledFeatures'],
  text: {
    title: {
      en: 'Centralized root access is enabled in AWS Organizations',
      ja: 'AWS Organizations で root アクセスの一元管理が有効になっている',
    },
    description: {
      en: 'Checks that the organization has centralized root access management (the IAM feature RootCredentialsManagement) enabled, so member accounts can run without root credentials. RootSessions, which lets the management account perform the few root-only tasks in members, is reported when missing but not required.',
      ja: '組織で root アクセスの一元管理（IAM の機能 RootCredentialsManagement）が有効になっており、メンバーアカウントを root の認証情報なしで運用できることを確認する。メンバーアカウントで root にしかできない作業を管理アカウントから実行する RootSessions は、無効なら付記するが必須とはしない。',
    },
    rationale: {
      en: 'Every member account is created with a root user whose password, keys and MFA each account must guard. Centralized root access lets you delete those credentials and block their recovery, removing a whole class of long-lived, unrestricted credentials from the organization.',
      ja: 'メンバーアカウントはそれぞれ root ユーザーを持ち、各アカウントでそのパスワード・キー・MFA を守る必要がある。root アクセスを一元管理すれば、それらの認証情報を削除して復旧も防げるため、組織から長期かつ無制限の認証情報をまとめて取り除ける。',
    },
    remediation: {
      text: {
        en: "Enable trusted access for IAM in Organizations, enable root credentials management (and privileged root sessions), then delete the member accounts' root credentials.",
        ja: 'Organizations で IAM の信頼されたアクセスを有効にし、root 認証情報の管理（と特権 root セッション）を有効にしてから、メンバーアカウントの root 認証情報を削除する。',
      },
      console: {
        en: 'Sign in to the management account → IAM console → Root access management → Enable → select "Root credentials management" and "Privileged root actions in member accounts" → Enable.',
        ja: '管理アカウントにサインイン → IAM コンソール → ルートアクセス管理 → 有効にする →「ルート認証情報管理」と「メンバーアカウントでの特権ルートアクション」を選択 → 有効にする。',
      },
      cli: 'aws organizations enable-aws-service-access --service-principal iam.amazonaws.com\naws iam enable-organizations-root-credentials-management\naws iam enable-organizations-root-sessions\naws iam list-organizations-features',
      terraform:
        'resource "aws_iam_organizations_features" "this" {\n  enabled_features = ["RootCredentialsManagement", "RootSessions"]\n}',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-enable-root-access.html',
    },
  },
  evaluate: ({ props }) => {
    if (!props.EnabledFeatures.includes('RootCredentialsManagement')) {
      return fail('EnabledFeatures', {
        en:
          props.Organization.FeatureSet === 'ALL'
            ? 'Root credentials management is not enabled for the organization'
            : 'Root credentials management is not enabled (it needs the organization to have all features enabled)',
        ja:
          props.Organization.FeatureSet === 'ALL'
            ? '組織で root 認証情報の管理が有効になっていない'
            : '組織で root 認証情報の管理が有効になっていない（組織ですべての機能を有効にする必要がある）',
      });
    }
    return props.EnabledFeatures.includes('RootSessions')
      ? pass()
      : pass({
          en: 'RootSessions (privileged root actions in member accounts) is not enabled',
          ja: 'RootSessions（メンバーアカウントでの特権ルートアクション）は有効になっていない',
        });
  },
  fixtures: {
    live: {
      pass: [{ props: org }, { props: { ...org, EnabledFeatures: ['RootCredentialsManagement'] } }],
      fail: [
        { props: { ...org, EnabledFeatures: [] } },
        // Privileged sessions alone do not remove the members' root credentials.
        { props: { ...org, EnabledFeatures: ['RootSessions'] } },
        {
          props: {
            ...org,
            Organization: { ...org.Organization, FeatureSet: 'CONSOLIDATED_BILLING' },
            EnabledFeatures: [],
          },
        },
      ],
      error: [
        {
          props: { ...org, EnabledFeatures: undefined },
          gaps: { EnabledFeatures: 'ServiceAccessNotEnabledException: iam:ListOrganizationsFeatures' },
        },
        { props: { ...org, EnabledFeatures: undefined } },
      ],
    },
  },
});
