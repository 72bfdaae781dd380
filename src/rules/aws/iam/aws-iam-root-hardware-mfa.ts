import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { isRootArn, ROOT_VIRTUAL_MFA_NAME } from '../lib/iam.js';

const summary = { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 4 };
const rootUser = {
  Arn: 'arn:aws:iam::111122223333:root',
  UserId: '111122223333',
  CreateDate: '2018-06-11T02:41:07+00:00',
  PasswordLastUsed: '2026-03-02T09:12:44+00:00',
};
const aliceDevice = {
  SerialNumber: 'arn:aws:iam::111122223333:mfa/alice-phone',
  User: {
    Path: '/',
    UserName: 'alice',
    UserId: 'AIDASAMPLEUSERALICE01',
    Arn: 'arn:aws:iam::111122223333:user/alice',
    CreateDate: '2023-01-10T00:00:00+00:00',
  },
  EnableDate: '2023-01-10T00:05:00+00:00',
};

export default defineAwsRule({
  id: 'aws-iam-root-hardware-mfa',
  resourceType: 'aws.account',
  category: 'identity',
  severity: 'high',
  // The root user is outside any template: its MFA devices are runtime facts.
  iac: false,
  fsbp: ['IAM.6'],
  needs: ['SummaryMap.AccountMFAEnabled', 'VirtualMFADevices'],
  text: {
    title: {
      en: "Hardware MFA is enabled for the 'root' user",
      ja: 'root ユーザーでハードウェア MFA が有効になっている',
    },
    description: {
      en: 'Checks that the root user has MFA enabled and that none of its MFA devices is a virtual (authenticator app) device, so it signs in only with a hardware key or token.',
      ja: 'root ユーザーで MFA が有効になっており、その MFA デバイスに仮想 MFA（認証アプリ）が含まれないこと、つまりハードウェアキーまたはトークンでのみサインインできることを確認する。',
    },
    rationale: {
      en: 'A virtual MFA device lives on a phone or laptop that can be lost, backed up to the cloud, cloned or used by malware. A FIDO security key or hardware TOTP token kept in a safe is much harder to steal or phish, which matters for the one user that cannot be restricted.',
      ja: '仮想 MFA はスマートフォンや PC 上にあり、紛失・クラウドへのバックアップ・複製・マルウェアによる悪用の危険がある。金庫に保管した FIDO セキュリティキーやハードウェア TOTP トークンは盗難やフィッシングに強く、権限を制限できない唯一のユーザーである root には特に重要である。',
    },
    remediation: {
      text: {
        en: 'Register a FIDO security key or hardware TOTP token for the root user, then remove its virtual MFA devices.',
        ja: 'root ユーザーに FIDO セキュリティキーまたはハードウェア TOTP トークンを登録し、仮想 MFA デバイスを削除する。',
      },
      console: {
        en: 'Sign in as root → account menu → Security credentials → Multi-factor authentication (MFA) → Assign MFA device → Passkey or security key / Hardware TOTP token; then select each Authenticator app device → Remove.',
        ja: 'root ユーザーでサインイン → アカウントメニュー → セキュリティ認証情報 → 多要素認証 (MFA) → MFA デバイスの割り当て → パスキーまたはセキュリティキー / ハードウェア TOTP トークン を登録し、認証アプリのデバイスを選択して 削除。',
      },
      cli: '# Root MFA devices are managed in the console while signed in as root. To see which virtual devices belong to root:\naws iam list-virtual-mfa-devices --assignment-status Assigned --query "VirtualMFADevices[?ends_with(User.Arn, \':root\')].SerialNumber"',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-hw-mfa-for-root.html',
    },
  },
  evaluate: ({ props, resource }) => {
    if (props.SummaryMap.AccountMFAEnabled !== 1) {
      return fail('SummaryMap.AccountMFAEnabled', {
        en: 'The root user has no MFA device at all',
        ja: 'root ユーザーに MFA デバイスが 1 つも設定されていない',
      });
    }
    const account = props.AccountId ?? resource.account;
    const i = props.VirtualMFADevices.findIndex(
      (d) =>
        isRootArn(d.User?.Arn, account) ||
        // The console's default name for root; an unassigned leftover has neither User nor EnableDate.
        (d.SerialNumber?.endsWith(`/${ROOT_VIRTUAL_MFA_NAME}`) === true &&
          (d.User !== undefined || d.EnableDate !== undefined)),
    );
    if (i >= 0) {
      return fail(`VirtualMFADevices.${i}`, {
        en: `The root user signs in with a virtual MFA device (${props.VirtualMFADevices[i]?.SerialNumber})`,
        ja: `root ユーザーに仮想 MFA デバイス (${props.VirtualMFADevices[i]?.SerialNumber}) が割り当てられている`,
      });
    }
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        { props: { AccountId: '111122223333', SummaryMap: summary, VirtualMFADevices: [aliceDevice] } },
        // A root virtual device that was deactivated stays listed, unassigned: it no longer signs anyone in.
        {
          props: {
            AccountId: '111122223333',
            SummaryMap: summary,
            VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::111122223333:mfa/root-account-mfa-device' }, aliceDevice],
          },
        },
      ],
      fail: [
        {
          props: { AccountId: '111122223333', SummaryMap: { ...summary, AccountMFAEnabled: 0 }, VirtualMFADevices: [] },
        },
        {
          props: {
            AccountId: '111122223333',
            SummaryMap: summary,
            VirtualMFADevices: [
              aliceDevice,
              {
                SerialNumber: 'arn:aws:iam::111122223333:mfa/root-account-mfa-device',
                User: rootUser,
                EnableDate: '2018-06-11T03:00:00+00:00',
              },
            ],
          },
        },
        // Root may hold several MFA devices; a custom-named authenticator app still counts.
        {
          props: {
            AccountId: '111122223333',
            SummaryMap: summary,
            VirtualMFADevices: [
              {
                SerialNumber: 'arn:aws:iam::111122223333:mfa/ops-iphone',
                User: rootUser,
                EnableDate: '2025-02-01T00:00:00+00:00',
              },
            ],
          },
        },
      ],
      error: [
        {
          props: { AccountId: '111122223333', SummaryMap: summary },
          gaps: { VirtualMFADevices: 'AccessDenied: iam:ListVirtualMFADevices' },
        },
        { props: { AccountId: '111122223333', SummaryMap: {}, VirtualMFADevices: [] } },
      ],
    },
  },
});
