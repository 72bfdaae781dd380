import { error, fail, pass } from '../../../core/rule.js';
import type { IamUserProps } from '../../../inventory/aws/iam.js';
import { defineAwsRule } from '../../define.js';
import { consolePassword, unreadableProp } from '../lib/iam.js';

/**
 * OIDC issuers that only ever federate workloads (CI pipelines, Kubernetes service accounts), not people.
 * An IAM OIDC provider for one of them is not identity federation for users.
 */
const WORKLOAD_ISSUERS = [
  /\/token\.actions\.githubusercontent\.com$/,
  /\/oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\/[A-Za-z0-9]+$/,
  /\/app\.terraform\.io$/,
  /\/oidc\.circleci\.com\/org\/[^/]+$/,
  /\/gitlab\.com$/,
  /\/api\.bitbucket\.org\/2\.0\/workspaces\/[^/]+\/pipelines-config\/identity\/oidc$/,
];

const ssoProvider = {
  Arn: 'arn:aws:iam::111122223333:saml-provider/AWSSSO_0a1b2c3d4e5f6789_DO_NOT_DELETE',
  ValidUntil: '2125-01-10T00:00:00+00:00',
  CreateDate: '2025-01-10T00:00:00+00:00',
};
const githubOidc = {
  Arn: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
};
const base = {
  AccountId: '111122223333',
  SummaryMap: { Users: 2, AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 },
  SAMLProviderList: [],
  OpenIDConnectProviderList: [],
  Organization: null,
};
const consoleUser = {
  type: 'aws.iam.user',
  uid: 'arn:aws:iam::111122223333:user/alice',
  props: {
    Path: '/',
    UserName: 'alice',
    UserId: 'AIDASAMPLEUSERALICE01',
    Arn: 'arn:aws:iam::111122223333:user/alice',
    CreateDate: '2024-02-01T09:00:00+00:00',
    PasswordLastUsed: '2026-10-28T07:55:12+00:00',
    LoginProfile: { UserName: 'alice', CreateDate: '2024-02-01T09:01:00+00:00', PasswordResetRequired: false },
    MFADevices: [],
    AccessKeyMetadata: [],
    AttachedManagedPolicies: [],
    UserPolicyList: [],
    GroupList: ['developers'],
  },
};
const ciUser = {
  type: 'aws.iam.user',
  uid: 'arn:aws:iam::111122223333:user/ci-deployer',
  props: {
    ...consoleUser.props,
    UserName: 'ci-deployer',
    Arn: 'arn:aws:iam::111122223333:user/ci-deployer',
    LoginProfile: null,
  },
};

export default defineAwsRule({
  id: 'aws-iam-identity-federation',
  resourceType: 'aws.account',
  category: 'identity',
  severity: 'medium',
  // Account-wide: identity providers and IAM users of the whole account, which a template does not show.
  iac: false,
  uses: ['aws.iam.user'],
  needs: ['SAMLProviderList', 'OpenIDConnectProviderList'],
  text: {
    title: {
      en: 'IAM users are managed centrally via identity federation or AWS Organizations',
      ja: 'IAM ユーザーが ID フェデレーションまたは AWS Organizations で一元管理されている',
    },
    description: {
      en: 'Fails when IAM users sign in to the console with passwords while the account has no central identity: no SAML provider (IAM Identity Center creates one in each account), no OIDC provider for people (CI and Kubernetes issuers do not count) and no AWS Organizations membership. Passes when no IAM user has a console password.',
      ja: 'IAM ユーザーがパスワードでコンソールにサインインしているのに、アカウントに一元的な ID 管理がない場合、つまり SAML プロバイダー（IAM Identity Center は各アカウントに作成する）、人のための OIDC プロバイダー（CI や Kubernetes の発行者は数えない）、AWS Organizations への所属のいずれもない場合に違反とする。コンソールパスワードを持つ IAM ユーザーがいなければ準拠とする。',
    },
    rationale: {
      en: "Users kept in each account are created and removed by hand, so leavers keep access and MFA and password rules differ from place to place. A central identity provider gives one place to grant, review and revoke access, with the company's own MFA and sign-in policies.",
      ja: 'アカウントごとに作成した IAM ユーザーは手作業で追加・削除されるため、退職者のアクセスが残り、MFA やパスワードのルールもばらつく。一元的な ID プロバイダーなら、アクセスの付与・棚卸・剥奪を 1 か所で行え、社内の MFA やサインインのポリシーも適用できる。',
    },
    remediation: {
      text: {
        en: "Connect the account to IAM Identity Center (through AWS Organizations) or to the company's SAML identity provider, give people permission sets or roles, and then remove the IAM users' console passwords.",
        ja: 'AWS Organizations 経由で IAM Identity Center に、または社内の SAML ID プロバイダーにアカウントを接続し、利用者には許可セットやロールを割り当ててから、IAM ユーザーのコンソールパスワードを削除する。',
      },
      console: {
        en: 'IAM Identity Center console → Enable → AWS accounts → assign users or groups with permission sets; or IAM console → Identity providers → Add provider → SAML → upload the metadata document. Then IAM console → Users → each user → Security credentials → Manage console access → Disable.',
        ja: 'IAM Identity Center コンソール → 有効にする → AWS アカウント → ユーザーまたはグループに許可セットを割り当てる。または IAM コンソール → ID プロバイダ → プロバイダを追加 → SAML → メタデータドキュメントをアップロード。その後 IAM コンソール → ユーザー → 各ユーザー → セキュリティ認証情報 → コンソールアクセスを管理 → 無効化。',
      },
      cli: 'aws iam create-saml-provider --name <PROVIDER_NAME> --saml-metadata-document file://metadata.xml\naws iam list-saml-providers\naws iam delete-login-profile --user-name <USER>',
      cloudformation: 'AWS::IAM::SAMLProvider → Name, SamlMetadataDocument',
      terraform:
        'resource "aws_iam_saml_provider" "idp" {\n  name                   = "<PROVIDER_NAME>"\n  saml_metadata_document = file("metadata.xml")\n}',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers.html',
    },
  },
  evaluate: ({ resource, props, lookups }) => {
    const saml = props.SAMLProviderList.length;
    const peopleOidc = props.OpenIDConnectProviderList.filter(
      (p) => !WORKLOAD_ISSUERS.some((re) => re.test(p.Arn ?? '')),
    ).length;
    const orgUnknown = unreadableProp(resource, 'Organization');
    const inOrg = orgUnknown === undefined && props.Organization !== null && props.Organization !== undefined;

    const consoleUsers: string[] = [];
    let unknownUser: string | undefined;
    for (const u of lookups.ofType<IamUserProps>('aws.iam.user', resource.account)) {
      const cp = consolePassword(u);
      if ('unknown' in cp) unknownUser ??= `${u.uid}: ${cp.unknown}`;
      else if (cp.enabled) consoleUsers.push(u.props.UserName ?? u.name);
    }
    const remaining = consoleUsers.length
      ? {
          en: `; ${consoleUsers.length} IAM user(s) still have console passwords`,
          ja: `。コンソールパスワードを持つ IAM ユーザーがまだ ${consoleUsers.length} 人いる`,
        }
      : { en: '', ja: '' };

    if (saml > 0 || peopleOidc > 0 || inOrg) {
      const how = saml > 0 ? 'SAML' : peopleOidc > 0 ? 'OIDC' : 'AWS Organizations';
      return pass({ en: `Central identity: ${how}${remaining.en}`, ja: `一元的な ID 管理: ${how}${remaining.ja}` });
    }
    if (consoleUsers.length > 0) {
      if (orgUnknown !== undefined) return error(orgUnknown);
      return fail('SAMLProviderList', {
        en: `${consoleUsers.length} IAM user(s) sign in with console passwords (${consoleUsers.slice(0, 5).join(', ')}) and the account has no SAML or OIDC identity provider and is in no organization`,
        ja: `${consoleUsers.length} 人の IAM ユーザー（${consoleUsers.slice(0, 5).join('、')}）がコンソールパスワードでサインインしており、アカウントには SAML・OIDC の ID プロバイダーも組織への所属もない`,
      });
    }
    if (unknownUser) return error(unknownUser);
    return pass({ en: 'No IAM user has a console password', ja: 'コンソールパスワードを持つ IAM ユーザーがいない' });
  },
  fixtures: {
    live: {
      pass: [
        { props: { ...base, SAMLProviderList: [ssoProvider] }, related: [ciUser] },
        { props: base, related: [ciUser] },
        // In an organization: central management is available, though alice still has a password.
        {
          props: { ...base, Organization: { Id: 'o-a1b2c3d4e5', MasterAccountId: '999988887777', FeatureSet: 'ALL' } },
          related: [consoleUser, ciUser],
        },
        {
          props: {
            ...base,
            OpenIDConnectProviderList: [{ Arn: 'arn:aws:iam::111122223333:oidc-provider/login.example.co.jp/oauth2' }],
          },
          related: [consoleUser],
        },
      ],
      fail: [
        { props: base, related: [consoleUser, ciUser] },
        // A GitHub Actions OIDC provider federates pipelines, not people.
        { props: { ...base, OpenIDConnectProviderList: [githubOidc] }, related: [consoleUser] },
        // GetLoginProfile failed for alice, but her credential report row shows a password.
        {
          props: base,
          related: [
            {
              ...consoleUser,
              props: {
                ...consoleUser.props,
                LoginProfile: undefined,
                CredentialReport: { user: 'alice', password_enabled: 'true' },
              },
              gaps: { LoginProfile: 'AccessDenied: iam:GetLoginProfile' },
            },
          ],
        },
      ],
      error: [
        {
          props: base,
          errors: [
            {
              service: 'iam',
              operation: 'ListUsers',
              code: 'AccessDenied',
              region: 'global',
              resourceType: 'aws.iam.user',
            },
          ],
        },
        {
          props: { ...base, SAMLProviderList: undefined },
          gaps: { SAMLProviderList: 'AccessDenied: iam:ListSAMLProviders' },
        },
        {
          props: { ...base, Organization: undefined },
          gaps: { Organization: 'AccessDeniedException: organizations:DescribeOrganization' },
          related: [consoleUser],
        },
        {
          props: base,
          related: [
            {
              ...consoleUser,
              props: { ...consoleUser.props, LoginProfile: undefined },
              gaps: { LoginProfile: 'Throttling: iam:GetLoginProfile' },
            },
          ],
        },
      ],
    },
  },
});
