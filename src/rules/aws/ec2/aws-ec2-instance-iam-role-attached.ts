import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const instance = {
  InstanceId: 'i-0abcd1234efgh5678',
  ImageId: 'ami-0123456789abcdef0',
  InstanceType: 't3.medium',
  State: { Code: 16, Name: 'running' },
  LaunchTime: '2026-09-01T00:00:00+00:00',
  PrivateIpAddress: '10.0.1.25',
  SubnetId: 'subnet-0123456789abcdef0',
  VpcId: 'vpc-0123456789abcdef0',
  MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 2, State: 'applied' },
  Tags: [{ Key: 'Name', Value: 'web-1' }],
};
const profile = {
  Arn: 'arn:aws:iam::111122223333:instance-profile/web-app',
  Id: 'AIPASAMPLEPROFILE0001',
};

const CLOUDFORMATION = {
  pass: [
    `Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
  AppProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles:
        - !Ref AppRole
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      SubnetId: subnet-0a1b2c3d
      IamInstanceProfile: !Ref AppProfile
`,
  ],
  fail: [
    `Resources:
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      SubnetId: subnet-0a1b2c3d
`,
  ],
  error: [
    `Parameters:
  ProfileName:
    Type: String
Resources:
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      SubnetId: subnet-0a1b2c3d
      IamInstanceProfile: !Ref ProfileName
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_instance" "app" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  subnet_id            = "subnet-0a1b2c3d"
  iam_instance_profile = aws_iam_instance_profile.app.name
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = "app"
}
`,
  ],
  fail: [
    `resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = "subnet-0a1b2c3d"
}
`,
  ],
  error: [
    `variable "profile" {
  type = string
}

resource "aws_instance" "app" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  subnet_id            = "subnet-0a1b2c3d"
  iam_instance_profile = var.profile
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-instance-iam-role-attached',
  resourceType: 'aws.ec2.instance',
  category: 'identity',
  severity: 'low',
  appliesTo: { 'State.Name': ['pending', 'running', 'stopping', 'stopped'] },
  text: {
    title: {
      en: 'IAM instance roles are used for AWS resource access from instances',
      ja: 'インスタンスから AWS リソースへのアクセスに IAM インスタンスロールが使われている',
    },
    description: {
      en: 'Checks that each EC2 instance that is pending, running, stopping or stopped has an IAM instance profile (and so a role) attached. Terminated and shutting-down instances are not in scope.',
      ja: '起動中・実行中・停止中・停止済みの EC2 インスタンスごとに、IAM インスタンスプロファイル（つまりロール）がアタッチされていることを確認する。終了済み・終了処理中のインスタンスは該当なしとする。',
    },
    rationale: {
      en: 'Without a role, software on the instance that calls AWS needs long-lived access keys stored on disk or in code, where they leak and never rotate. A role gives it short-lived credentials that AWS rotates automatically.',
      ja: 'ロールがないと、インスタンス上で AWS を呼び出すソフトウェアはディスクやコードに長期のアクセスキーを置くことになり、漏えいしやすくローテーションもされない。ロールがあれば、AWS が自動でローテーションする一時的な認証情報を使える。',
    },
    remediation: {
      text: {
        en: 'Attach an instance profile whose role has only the permissions the workload needs (Systems Manager access at least, for management), and remove access keys from the instance.',
        ja: 'ワークロードに必要な権限だけ（管理用に少なくとも Systems Manager へのアクセス）を持つロールのインスタンスプロファイルをアタッチし、インスタンス上のアクセスキーを削除する。',
      },
      console: {
        en: 'EC2 console → Instances → select the instance → Actions → Security → Modify IAM role → choose the role → Update IAM role.',
        ja: 'EC2 コンソール → インスタンス → 対象インスタンスを選択 → アクション → セキュリティ → IAM ロールを変更 → ロールを選択 → IAM ロールの更新。',
      },
      cli: 'aws ec2 associate-iam-instance-profile --instance-id <INSTANCE_ID> --iam-instance-profile Name=<INSTANCE_PROFILE_NAME>',
      cloudformation: 'AWS::EC2::Instance → IamInstanceProfile: <INSTANCE_PROFILE_NAME>',
      terraform: 'resource "aws_instance" → iam_instance_profile = aws_iam_instance_profile.<NAME>.name',
      url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
    },
  },
  evaluate: ({ props }) =>
    isUnknown(props.IamInstanceProfile) || isUnknown(props.IamInstanceProfile?.Arn)
      ? error('unresolved value at IamInstanceProfile')
      : props.IamInstanceProfile?.Arn
        ? pass({
            en: `Instance profile ${props.IamInstanceProfile.Arn}`,
            ja: `インスタンスプロファイル ${props.IamInstanceProfile.Arn}`,
          })
        : fail('IamInstanceProfile', {
            en: `Instance ${props.InstanceId} has no IAM instance profile`,
            ja: `インスタンス ${props.InstanceId} に IAM インスタンスプロファイルがアタッチされていない`,
          }),
  fixtures: {
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
    live: {
      pass: [
        { props: { ...instance, IamInstanceProfile: profile } },
        { props: { ...instance, State: { Code: 80, Name: 'stopped' }, IamInstanceProfile: profile } },
      ],
      fail: [
        { props: instance },
        // Stopped instances keep their configuration and can be started at any time.
        { props: { ...instance, State: { Code: 80, Name: 'stopped' } } },
        { props: { ...instance, State: { Code: 0, Name: 'pending' } } },
      ],
      error: [
        { props: { ...instance, State: undefined } },
        { props: { ...instance, IamInstanceProfile: { $unknown: 'Ref ProfileName' } } },
        { props: { ...instance, State: { Code: 16 } }, gaps: { 'State.Name': 'unresolved in snapshot' } },
      ],
      notApplicable: [
        { props: { ...instance, State: { Code: 48, Name: 'terminated' } } },
        { props: { ...instance, State: { Code: 32, Name: 'shutting-down' } } },
      ],
    },
  },
});
