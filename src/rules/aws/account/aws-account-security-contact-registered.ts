import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const contact = {
  AlternateContactType: 'SECURITY',
  Name: 'Security Operations',
  Title: 'CSIRT',
  EmailAddress: 'security-alerts@example.com',
  PhoneNumber: '+81-3-1234-5678',
};
const others = { BILLING: null, OPERATIONS: null };

export default defineAwsRule({
  id: 'aws-account-security-contact-registered',
  resourceType: 'aws.account',
  category: 'identity',
  severity: 'medium',
  // Account settings (alternate contacts) are outside templates.
  iac: false,
  fsbp: ['Account.1'],
  needs: ['AlternateContacts.SECURITY'],
  text: {
    title: {
      en: 'A security contact is registered for the account',
      ja: 'アカウントにセキュリティの連絡先が登録されている',
    },
    description: {
      en: 'Checks that the security alternate contact of the account is set, with a name, an e-mail address and a phone number.',
      ja: 'アカウントの代替連絡先のうちセキュリティの連絡先が、名前・メールアドレス・電話番号とともに設定されていることを確認する。',
    },
    rationale: {
      en: 'AWS sends abuse reports, compromise notices and security advisories to the security contact. Without one they go only to the root e-mail address, which often nobody reads in time.',
      ja: 'AWS は不正利用の報告、侵害の通知、セキュリティ勧告をセキュリティの連絡先に送る。未設定だと root ユーザーのメールアドレスにしか届かず、誰も気付かないまま対応が遅れやすい。',
    },
    remediation: {
      text: {
        en: 'Register a security contact that reaches the team on call (a shared mailbox and phone line rather than one person).',
        ja: '当番チームに確実に届くセキュリティの連絡先（個人ではなく共有のメールボックスと電話番号）を登録する。',
      },
      console: {
        en: 'Account menu (top right) → Account → Alternate contacts → Edit → Security contact: enter full name, title, e-mail address and phone number → Update.',
        ja: '右上のアカウントメニュー → アカウント → 代替の連絡先 → 編集 → セキュリティの連絡先に氏名・役職・メールアドレス・電話番号を入力 → 更新。',
      },
      cli: 'aws account put-alternate-contact --alternate-contact-type SECURITY --name "<NAME>" --title "<TITLE>" --email-address <EMAIL> --phone-number "<PHONE>"\n# For a member account, from the management account: add --account-id <ACCOUNT_ID>',
      terraform:
        'resource "aws_account_alternate_contact" "security" {\n  alternate_contact_type = "SECURITY"\n  name                   = "<NAME>"\n  title                  = "<TITLE>"\n  email_address          = "<EMAIL>"\n  phone_number           = "<PHONE>"\n}',
      url: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html',
    },
  },
  evaluate: ({ props }) => {
    const c = props.AlternateContacts.SECURITY;
    if (c === null) {
      return fail('AlternateContacts.SECURITY', {
        en: 'No security contact is registered',
        ja: 'セキュリティの連絡先が登録されていない',
      });
    }
    const missing = (['Name', 'EmailAddress', 'PhoneNumber'] as const).filter((f) => !c[f]?.trim());
    if (missing.length > 0) {
      return fail('AlternateContacts.SECURITY', {
        en: `The security contact lacks ${missing.join(', ')}`,
        ja: `セキュリティの連絡先に ${missing.join('、')} が設定されていない`,
      });
    }
    return pass({
      en: `Security contact: ${c.Name} <${c.EmailAddress}>`,
      ja: `セキュリティの連絡先: ${c.Name} <${c.EmailAddress}>`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: { AccountId: '111122223333', AlternateContacts: { SECURITY: contact, ...others } } }],
      fail: [
        { props: { AccountId: '111122223333', AlternateContacts: { SECURITY: null, ...others } } },
        {
          props: {
            AccountId: '111122223333',
            AlternateContacts: { SECURITY: { ...contact, PhoneNumber: ' ' }, ...others },
          },
        },
        // A billing contact does not stand in for the security contact.
        {
          props: {
            AccountId: '111122223333',
            AlternateContacts: {
              SECURITY: null,
              BILLING: { ...contact, AlternateContactType: 'BILLING' },
              OPERATIONS: null,
            },
          },
        },
      ],
      error: [
        {
          props: { AccountId: '111122223333', AlternateContacts: { BILLING: null, OPERATIONS: null } },
          gaps: { 'AlternateContacts.SECURITY': 'AccessDeniedException: account:GetAlternateContact' },
        },
        { props: { AccountId: '111122223333' } },
      ],
    },
  },
});
