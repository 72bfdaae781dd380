import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { DAY_MS, day, parseIsoDate } from '../lib/credential-report.js';

const cert = {
  Path: '/cloudfront/',
  ServerCertificateName: 'www-example-com-2026',
  ServerCertificateId: 'ASCASAMPLECERT0000001',
  Arn: 'arn:aws:iam::111122223333:server-certificate/cloudfront/www-example-com-2026',
  UploadDate: '2026-03-01T00:00:00+00:00',
  Expiration: '2027-03-31T23:59:59+00:00',
};

export default defineAwsRule({
  id: 'aws-iam-server-certificate-not-expired',
  resourceType: 'aws.iam.server_certificate',
  category: 'identity',
  severity: 'low',
  // Expiry is a runtime fact of an uploaded certificate; templates rarely carry the certificate body.
  iac: false,
  needs: ['Expiration'],
  text: {
    title: {
      en: 'Expired SSL/TLS certificates stored in IAM are removed',
      ja: 'IAM に保存された期限切れの SSL/TLS 証明書が削除されている',
    },
    description: {
      en: 'Checks that no server certificate stored in IAM has passed its expiration date.',
      ja: 'IAM に保存されたサーバー証明書が有効期限を過ぎていないことを確認する。',
    },
    rationale: {
      en: 'An expired certificate left in IAM can be attached to a load balancer or CloudFront distribution by mistake, breaking the service and teaching users to click through certificate warnings. Certificates no longer in use should not be kept at all.',
      ja: '期限切れの証明書を IAM に残しておくと、誤ってロードバランサーや CloudFront にアタッチされてサービス障害を起こし、利用者に証明書の警告を無視させる習慣を付けてしまう。使わなくなった証明書は保持しない。',
    },
    remediation: {
      text: {
        en: 'Check that nothing uses the certificate any more, then delete it from IAM. Prefer AWS Certificate Manager, which renews certificates it issues.',
        ja: '証明書がどこからも使われていないことを確認してから IAM から削除する。証明書は、発行した証明書を自動更新する AWS Certificate Manager で管理するのが望ましい。',
      },
      console: {
        en: 'IAM server certificates have no console page: use the AWS CLI. (Certificates in AWS Certificate Manager: ACM console → List certificates → select → Delete.)',
        ja: 'IAM のサーバー証明書はコンソールで操作できないため、AWS CLI を使う（AWS Certificate Manager の証明書なら ACM コンソール → 証明書を一覧表示 → 選択 → 削除）。',
      },
      cli: 'aws iam list-server-certificates --query "ServerCertificateMetadataList[?Expiration<\'$(date -u +%Y-%m-%dT%H:%M:%S)\'].[ServerCertificateName,Expiration]"\naws iam delete-server-certificate --server-certificate-name <CERTIFICATE_NAME>',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html',
    },
  },
  evaluate: ({ props, now }) => {
    const expires = parseIsoDate(props.Expiration);
    if (!expires) return error(`unreadable Expiration: ${String(props.Expiration)}`);
    if (expires.getTime() < now.getTime()) {
      const days = Math.floor((now.getTime() - expires.getTime()) / DAY_MS);
      return fail('Expiration', {
        en: `Certificate ${props.ServerCertificateName} expired on ${day(expires)}${days > 0 ? `, ${days} days ago` : ''}`,
        ja: `証明書 ${props.ServerCertificateName} は ${day(expires)} に有効期限が切れている${days > 0 ? `（${days} 日前）` : ''}`,
      });
    }
    return pass({ en: `Expires on ${day(expires)}`, ja: `有効期限は ${day(expires)}` });
  },
  fixtures: {
    live: {
      pass: [
        { props: cert },
        // Expiring at this very moment: still valid (notAfter is inclusive).
        { props: { ...cert, Expiration: '2026-11-01T00:00:00+00:00' } },
      ],
      fail: [
        { props: { ...cert, ServerCertificateName: 'www-example-com-2024', Expiration: '2025-03-31T23:59:59+00:00' } },
        { props: { ...cert, Expiration: '2026-10-31T23:59:59+00:00' } },
      ],
      error: [
        { props: { ...cert, Expiration: undefined } },
        // IaC: the certificate body comes from a parameter, so its expiry is not known.
        { props: { ...cert, Expiration: { $unknown: 'CertificateBody: !Ref CertBody' } } },
        { props: { ...cert, Expiration: 'soon' } },
      ],
    },
  },
});
