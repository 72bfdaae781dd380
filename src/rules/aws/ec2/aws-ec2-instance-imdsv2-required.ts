import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const instance = {
  InstanceId: 'i-0123456789abcdef0',
  InstanceType: 't3.micro',
  ImageId: 'ami-0abcdef1234567890',
  State: { Code: 16, Name: 'running' },
  VpcId: 'vpc-0a1b2c3d',
  SubnetId: 'subnet-0a1b2c3d',
};
const options = (HttpTokens: string, HttpEndpoint = 'enabled') => ({
  State: 'applied',
  HttpTokens,
  HttpPutResponseHopLimit: 2,
  HttpEndpoint,
  HttpProtocolIpv6: 'disabled',
  InstanceMetadataTags: 'disabled',
});

const CLOUDFORMATION = {
  pass: [
    `Resources:
  AppTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: required
          HttpEndpoint: enabled
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      SubnetId: subnet-0a1b2c3d
      LaunchTemplate:
        LaunchTemplateId: !Ref AppTemplate
        Version: !GetAtt AppTemplate.LatestVersionNumber
`,
  ],
  fail: [
    `Resources:
  AppTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: optional
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      SubnetId: subnet-0a1b2c3d
      LaunchTemplate:
        LaunchTemplateId: !Ref AppTemplate
        Version: !GetAtt AppTemplate.LatestVersionNumber
`,
  ],
  error: [
    // AWS::EC2::Instance has no metadata options of its own: the AMI and the account defaults decide.
    `Resources:
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      SubnetId: subnet-0a1b2c3d
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = "subnet-0a1b2c3d"
  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }
}
`,
  ],
  fail: [
    `resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = "subnet-0a1b2c3d"
  metadata_options {
    http_tokens = "optional"
  }
}
`,
  ],
  error: [
    `resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = "subnet-0a1b2c3d"
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-instance-imdsv2-required',
  resourceType: 'aws.ec2.instance',
  // IMDSv1 is the path by which SSRF bugs steal the instance role's credentials, so this is an identity control.
  category: 'identity',
  severity: 'high',
  appliesTo: { 'State.Name': ['pending', 'running', 'stopping', 'stopped'] },
  needs: ['MetadataOptions.HttpTokens'],
  text: {
    title: {
      en: 'EC2 instances allow only IMDSv2 for the instance metadata service',
      ja: 'EC2 インスタンスのメタデータサービスで IMDSv2 のみを許可している',
    },
    description: {
      en: 'Checks that the instance requires session tokens for the instance metadata service (HttpTokens "required", i.e. IMDSv2 only), or has the metadata endpoint turned off. Terminated and shutting-down instances are not applicable.',
      ja: 'インスタンスのメタデータサービスでセッショントークンが必須（HttpTokens が "required"、つまり IMDSv2 のみ）になっているか、メタデータのエンドポイントが無効になっていることを確認する。終了済み・終了処理中のインスタンスは該当なしとする。',
    },
    rationale: {
      en: 'IMDSv1 answers any plain GET request, so a server-side request forgery bug, an open proxy or a misconfigured WAF on the instance is enough to read the temporary credentials of its IAM role. IMDSv2 requires a PUT for a session token first, which such requests cannot do.',
      ja: 'IMDSv1 は単純な GET リクエストにも応答するため、インスタンス上の SSRF 脆弱性、オープンプロキシ、設定不備の WAF があるだけで、IAM ロールの一時的な認証情報を読み取られてしまう。IMDSv2 では先に PUT でセッショントークンを取得する必要があり、こうしたリクエストでは取得できない。',
    },
    remediation: {
      text: {
        en: 'Set the instance’s metadata options to require tokens (after checking that its software and SDKs support IMDSv2), and make IMDSv2 the default for new instances in launch templates, AMIs or the account-level defaults.',
        ja: 'ソフトウェアや SDK が IMDSv2 に対応していることを確認したうえで、インスタンスのメタデータオプションをトークン必須にする。新しいインスタンス向けにも、起動テンプレート・AMI・アカウントレベルのデフォルトで IMDSv2 を既定にする。',
      },
      console: {
        en: 'EC2 console → Instances → select the instance → Actions → Instance settings → Modify instance metadata options → Instance metadata service: Enable, IMDSv2: Required → Save.',
        ja: 'EC2 コンソール → インスタンス → 対象のインスタンスを選択 → アクション → インスタンスの設定 → インスタンスメタデータオプションの変更 → インスタンスメタデータサービス: 有効、IMDSv2: 必須 → 保存。',
      },
      cli: 'aws ec2 modify-instance-metadata-options --instance-id <INSTANCE_ID> --http-tokens required --http-endpoint enabled\n# default for new instances in the region:\naws ec2 modify-instance-metadata-defaults --http-tokens required --region <REGION>',
      cloudformation:
        'Type: AWS::EC2::LaunchTemplate\nProperties:\n  LaunchTemplateData:\n    MetadataOptions:\n      HttpTokens: required\n      HttpEndpoint: enabled',
      terraform:
        'resource "aws_instance" "i" {\n  metadata_options {\n    http_tokens   = "required"\n    http_endpoint = "enabled"\n  }\n}',
      url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
    },
  },
  evaluate: ({ props }) => {
    const o = props.MetadataOptions!;
    if (o.HttpTokens === 'required') return pass();
    if (o.HttpEndpoint === 'disabled') {
      return pass({
        en: 'The instance metadata endpoint is disabled',
        ja: 'インスタンスメタデータのエンドポイントが無効になっている',
      });
    }
    return fail('MetadataOptions.HttpTokens', {
      en: `Instance ${props.InstanceId ?? ''} accepts IMDSv1 requests (HttpTokens is ${String(o.HttpTokens)})`,
      ja: `インスタンス ${props.InstanceId ?? ''} が IMDSv1 のリクエストを受け付ける（HttpTokens が ${String(o.HttpTokens)}）`,
    });
  },
  fsbp: ['EC2.8'],
  fixtures: {
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
    live: {
      pass: [
        { props: { ...instance, MetadataOptions: options('required') } },
        // Metadata service turned off altogether.
        { props: { ...instance, MetadataOptions: options('optional', 'disabled') } },
        { props: { ...instance, State: { Code: 80, Name: 'stopped' }, MetadataOptions: options('required') } },
      ],
      fail: [
        { props: { ...instance, MetadataOptions: options('optional') } },
        { props: { ...instance, State: { Code: 80, Name: 'stopped' }, MetadataOptions: options('optional') } },
      ],
      error: [
        { props: { ...instance } },
        {
          props: {
            ...instance,
            MetadataOptions: { HttpTokens: { $unknown: 'var.http_tokens' }, HttpEndpoint: 'enabled' },
          },
        },
      ],
      notApplicable: [
        { props: { ...instance, State: { Code: 48, Name: 'terminated' }, MetadataOptions: options('optional') } },
        { props: { ...instance, State: { Code: 32, Name: 'shutting-down' } } },
      ],
    },
  },
});
