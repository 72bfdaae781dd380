import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const KIND_NAMES: Record<string, { en: string; ja: string }> = {
  'aws-access-key-id': { en: 'AWS access key ID', ja: 'AWS アクセスキー ID' },
  'aws-secret-access-key': { en: 'AWS secret access key', ja: 'AWS シークレットアクセスキー' },
  'private-key': { en: 'private key', ja: '秘密鍵' },
  'github-token': { en: 'GitHub token', ja: 'GitHub トークン' },
  'slack-token': { en: 'Slack token', ja: 'Slack トークン' },
  'plain-text-secret-property': {
    en: 'password or secret in a property',
    ja: 'プロパティに平文のパスワード・シークレット',
  },
  'secret-default': { en: 'secret default of a parameter or variable', ja: 'パラメータ・変数のシークレットの既定値' },
};
const kindName = (kind: string) => KIND_NAMES[kind] ?? { en: kind, ja: kind };

export default defineAwsRule({
  id: 'aws-iac-no-hardcoded-secrets',
  resourceType: 'aws.iac.template',
  category: 'identity',
  severity: 'critical',
  needs: ['Secrets'],
  text: {
    title: {
      en: 'Templates hold no hard-coded secrets',
      ja: 'テンプレートにシークレットがハードコードされていない',
    },
    description: {
      en: 'Looks through every template, Terraform file and .tfvars file for credentials with a recognisable form (AWS access keys, private keys, GitHub and Slack tokens), for literal values in properties named like passwords or secrets (MasterUserPassword, password, AuthToken…), and for secret-named or NoEcho parameters and variables with a literal default. The finding names the kind and the line; the value is never printed or stored.',
      ja: 'すべてのテンプレート、Terraform ファイル、.tfvars ファイルから、形式で見分けられる認証情報（AWS アクセスキー、秘密鍵、GitHub・Slack のトークン）、パスワードやシークレットを表す名前のプロパティ（MasterUserPassword、password、AuthToken など）に直接書かれた値、シークレットらしい名前または NoEcho のパラメータ・変数に設定された既定値を探す。検出結果には種類と行だけを示し、値そのものは出力も保存もしない。',
    },
    rationale: {
      en: 'A secret written in a template is copied to every clone, fork, CI log and artifact of the repository, and stays in its history after it is removed. Anyone who can read the code can use it, and rotating it means finding every copy.',
      ja: 'テンプレートに書かれたシークレットは、リポジトリのクローン、フォーク、CI ログ、成果物のすべてに複製され、削除しても履歴に残る。コードを読める人なら誰でも使え、ローテーションにはすべての複製を洗い出す必要がある。',
    },
    remediation: {
      text: {
        en: 'Remove the value, rotate the credential, and reference it from AWS Secrets Manager or SSM Parameter Store instead (CloudFormation dynamic references, Terraform data sources or manage_master_user_password).',
        ja: '値を削除して認証情報をローテーションし、代わりに AWS Secrets Manager または SSM パラメータストアから参照する（CloudFormation の動的参照、Terraform のデータソースや manage_master_user_password）。',
      },
      console: {
        en: 'Secrets Manager console → Store a new secret → enter the value → name it; then reference the secret from the template.',
        ja: 'Secrets Manager コンソール → 新しいシークレットを保存する → 値を入力 → 名前を付けて保存し、テンプレートからそのシークレットを参照する。',
      },
      cli: 'aws secretsmanager create-secret --name <NAME> --secret-string file://secret.txt',
      cloudformation: "MasterUserPassword: '{{resolve:secretsmanager:<SECRET_NAME>:SecretString:password}}'",
      terraform:
        'manage_master_user_password = true  # or: password = data.aws_secretsmanager_secret_version.db.secret_string',
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html',
    },
  },
  evaluate: ({ props }) => {
    const secrets = props.Secrets;
    if (secrets.length === 0) return pass();
    const list = (lang: 'en' | 'ja') =>
      secrets.map((s) => `${lang === 'en' ? 'line' : '行'} ${s.line} (${kindName(s.kind)[lang]})`).join(', ');
    return fail('Secrets.0', {
      en: `${secrets.length} hard-coded secret(s): ${list('en')}`,
      ja: `ハードコードされたシークレットが ${secrets.length} 件ある: ${list('ja')}`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: { format: 'cloudformation', Secrets: [], Suppressions: [] } }],
      fail: [
        {
          props: {
            format: 'terraform',
            Secrets: [{ kind: 'aws-access-key-id', line: 3 }],
            Suppressions: [],
          },
        },
      ],
      error: [{ props: { format: 'terraform', Suppressions: [] } }],
    },
    cloudformation: {
      pass: [
        `Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: 20
      MasterUsername: app
      MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
`,
      ],
      fail: [
        `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: 20
      MasterUsername: app
      MasterUserPassword: Sup3rSecretPassw0rd
`,
        `Parameters:
  ApiToken:
    Type: String
    NoEcho: true
    Default: tok-8f2c1a9e77
Resources:
  Topic:
    Type: AWS::SNS::Topic
`,
      ],
    },
    terraform: {
      pass: [
        `variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "app" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  username          = "app"
  password          = var.db_password
}
`,
      ],
      fail: [
        `provider "aws" {
  region     = "ap-northeast-1"
  access_key = "AKIA2Q7ZK4HXVN3LBW6D"
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}
`,
        `resource "aws_db_instance" "app" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  username          = "app"
  password          = "Sup3rSecretPassw0rd"
}
`,
      ],
    },
  },
});
