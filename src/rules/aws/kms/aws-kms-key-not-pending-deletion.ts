import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const keyId = '1234abcd-12ab-34cd-56ef-1234567890ab';
const metadata = (extra: Record<string, unknown> = {}) => ({
  AWSAccountId: '111122223333',
  KeyId: keyId,
  Arn: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
  CreationDate: '2025-05-01T00:00:00+00:00',
  Enabled: true,
  KeyUsage: 'ENCRYPT_DECRYPT',
  KeyState: 'Enabled',
  Origin: 'AWS_KMS',
  KeyManager: 'CUSTOMER',
  KeySpec: 'SYMMETRIC_DEFAULT',
  MultiRegion: false,
  ...extra,
});

export default defineAwsRule({
  id: 'aws-kms-key-not-pending-deletion',
  resourceType: 'aws.kms.key',
  category: 'encryption',
  severity: 'medium',
  fsbp: ['KMS.3'],
  // A key's state at run time: a template only creates keys, it cannot schedule their deletion.
  iac: false,
  appliesTo: { 'KeyMetadata.KeyManager': 'CUSTOMER' },
  needs: ['KeyMetadata.KeyState'],
  text: {
    title: {
      en: 'Customer managed KMS keys are not scheduled for deletion',
      ja: 'カスタマー管理の KMS キーが削除予定になっていない',
    },
    description: {
      en: 'Checks that no customer managed KMS key is in the PendingDeletion or PendingReplicaDeletion state.',
      ja: 'カスタマー管理の KMS キーが PendingDeletion または PendingReplicaDeletion の状態になっていないことを確認する。',
    },
    rationale: {
      en: 'Deleting a KMS key is irreversible: everything encrypted under it becomes unreadable for good. The waiting period exists so that a mistaken or malicious deletion can be noticed and cancelled in time.',
      ja: 'KMS キーの削除は元に戻せず、そのキーで暗号化されたデータはすべて永久に復号できなくなる。待機期間は、誤った削除や悪意ある削除に気付いて取り消すためにある。',
    },
    remediation: {
      text: {
        en: 'If the key is still needed, cancel the deletion and re-enable the key; if not, confirm that nothing still depends on it before the waiting period ends.',
        ja: 'キーがまだ必要なら削除をキャンセルしてキーを再度有効にする。不要であれば、待機期間が終わる前に、そのキーに依存するものが残っていないことを確認する。',
      },
      console: {
        en: 'KMS console → Customer managed keys → select the key → Key actions → Cancel key deletion; then Key actions → Enable.',
        ja: 'KMS コンソール → カスタマー管理型のキー → 対象のキーを選択 → キーのアクション → キーの削除をキャンセル。続けて キーのアクション → 有効化。',
      },
      cli: 'aws kms cancel-key-deletion --key-id <KEY_ID>\naws kms enable-key --key-id <KEY_ID>',
      url: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html',
    },
  },
  evaluate: ({ props, resource }) => {
    const state = props.KeyMetadata.KeyState;
    if (state !== 'PendingDeletion' && state !== 'PendingReplicaDeletion') return pass();
    const when = props.KeyMetadata.DeletionDate ?? '(unknown date)';
    return fail('KeyMetadata.KeyState', {
      en: `Key ${resource.name} is scheduled for deletion (${state}, deletion date ${when})`,
      ja: `キー ${resource.name} が削除予定になっている（${state}、削除予定日 ${when}）`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: { KeyMetadata: metadata() } },
        { props: { KeyMetadata: metadata({ KeyState: 'Disabled', Enabled: false }) } },
      ],
      fail: [
        {
          props: {
            KeyMetadata: metadata({
              KeyState: 'PendingDeletion',
              Enabled: false,
              DeletionDate: '2026-11-20T00:00:00+00:00',
              PendingDeletionWindowInDays: 30,
            }),
          },
        },
        { props: { KeyMetadata: metadata({ KeyState: 'PendingReplicaDeletion', Enabled: false, MultiRegion: true }) } },
      ],
      error: [
        { props: { KeyMetadata: metadata({ KeyState: undefined }) } },
        {
          props: { KeyMetadata: metadata({ KeyState: undefined }) },
          gaps: { 'KeyMetadata.KeyState': 'AccessDeniedException: kms:DescribeKey' },
        },
      ],
      notApplicable: [{ props: { KeyMetadata: metadata({ KeyManager: 'AWS' }) } }],
    },
  },
});
