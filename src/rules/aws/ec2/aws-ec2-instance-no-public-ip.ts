import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const instance = {
  InstanceId: 'i-0fedcba9876543210',
  ImageId: 'ami-0123456789abcdef0',
  InstanceType: 't3.small',
  State: { Code: 16, Name: 'running' },
  PrivateIpAddress: '10.0.1.25',
  SubnetId: 'subnet-0a1b2c3d',
  VpcId: 'vpc-0a1b2c3d',
};

const CLOUDFORMATION = {
  pass: [
    `Resources:
  AppSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0a1b2c3d
      CidrBlock: 10.0.1.0/24
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      SubnetId: !Ref AppSubnet
`,
  ],
  fail: [
    `Resources:
  Bastion:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      NetworkInterfaces:
        - DeviceIndex: '0'
          SubnetId: subnet-0a1b2c3d
          AssociatePublicIpAddress: true
`,
    `Resources:
  PublicSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0a1b2c3d
      CidrBlock: 10.0.0.0/24
      MapPublicIpOnLaunch: true
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      SubnetId: !Ref PublicSubnet
`,
  ],
  error: [
    // The subnet is not in the template: its auto-assign setting decides.
    `Parameters:
  SubnetId:
    Type: AWS::EC2::Subnet::Id
Resources:
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      SubnetId: !Ref SubnetId
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_instance" "app" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0a1b2c3d"
  associate_public_ip_address = false
}
`,
  ],
  fail: [
    `resource "aws_instance" "bastion" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0a1b2c3d"
  associate_public_ip_address = true
}
`,
    `resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = "subnet-0a1b2c3d"
}

resource "aws_eip" "web" {
  instance = aws_instance.web.id
  domain   = "vpc"
}
`,
  ],
  error: [
    `resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-instance-no-public-ip',
  resourceType: 'aws.ec2.instance',
  category: 'network',
  severity: 'high',
  appliesTo: { 'State.Name': ['pending', 'running', 'stopping', 'stopped'] },
  fsbp: ['EC2.9'],
  text: {
    title: {
      en: 'EC2 instances do not have a public IPv4 address',
      ja: 'EC2 インスタンスにパブリック IPv4 アドレスがない',
    },
    description: {
      en: 'Checks that the instance has no public IPv4 address (an auto-assigned one or an Elastic IP). In templates, an instance gets one when it asks for it (AssociatePublicIpAddress), when its subnet assigns them automatically, or when an Elastic IP is attached to it.',
      ja: 'インスタンスにパブリック IPv4 アドレス（自動割り当てまたは Elastic IP）がないことを確認する。テンプレートでは、インスタンス自身が要求した場合（AssociatePublicIpAddress）、サブネットが自動割り当てする場合、Elastic IP がアタッチされる場合にパブリックアドレスが付く。',
    },
    rationale: {
      en: 'An instance with a public address can be reached from the internet as soon as a security group rule allows it, and it can bypass the egress controls of NAT gateways and proxies. Servers should sit in private subnets behind load balancers, with Session Manager for administration.',
      ja: 'パブリックアドレスを持つインスタンスは、セキュリティグループのルールが許可した時点でインターネットから到達でき、NAT ゲートウェイやプロキシによる送信の制御も迂回できる。サーバーはロードバランサーの背後のプライベートサブネットに置き、管理には Session Manager を使う。',
    },
    remediation: {
      text: {
        en: 'Move the workload to a private subnet behind a load balancer (or NAT for outbound traffic) and launch it without a public address; release or disassociate Elastic IPs it does not need.',
        ja: 'ワークロードをロードバランサーの背後のプライベートサブネットに移し（送信には NAT を使い）、パブリックアドレスなしで起動する。不要な Elastic IP は関連付けを解除するか解放する。',
      },
      console: {
        en: 'EC2 console → Instances → select the instance → Networking tab shows the public IPv4 address. An auto-assigned address cannot be removed: launch a replacement in a private subnet (Launch instance → Network settings → Auto-assign public IP: Disable). For an Elastic IP: Elastic IPs → select it → Actions → Disassociate Elastic IP address.',
        ja: 'EC2 コンソール → インスタンス → 対象のインスタンスを選択 → ネットワーキング タブでパブリック IPv4 アドレスを確認する。自動割り当てのアドレスは外せないため、プライベートサブネットで代わりのインスタンスを起動する（インスタンスを起動 → ネットワーク設定 → パブリック IP の自動割り当て: 無効化）。Elastic IP の場合は Elastic IP → 対象を選択 → アクション → Elastic IP アドレスの関連付けを解除する。',
      },
      cli: 'aws ec2 disassociate-address --association-id <EIP_ASSOCIATION_ID>\naws ec2 run-instances --image-id <AMI_ID> --instance-type <TYPE> --subnet-id <PRIVATE_SUBNET_ID> --no-associate-public-ip-address',
      cloudformation:
        'NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false, SubnetId: <PRIVATE_SUBNET> }]',
      terraform: 'resource "aws_instance" → associate_public_ip_address = false, subnet_id = <private subnet>',
      url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html',
    },
  },
  evaluate: ({ props }) => {
    const ip: unknown = props.PublicIpAddress;
    if (isUnknown(ip)) return error(`unresolved value at PublicIpAddress: ${ip.$unknown}`);
    if (typeof ip === 'string' && ip !== '') {
      return fail('PublicIpAddress', {
        en: `Instance ${props.InstanceId ?? ''} has the public IPv4 address ${ip}`,
        ja: `インスタンス ${props.InstanceId ?? ''} にパブリック IPv4 アドレス ${ip} がある`,
      });
    }
    return pass();
  },
  fixtures: {
    live: {
      pass: [{ props: instance }, { props: { ...instance, State: { Code: 80, Name: 'stopped' } } }],
      fail: [
        {
          props: {
            ...instance,
            PublicIpAddress: '203.0.113.10',
            PublicDnsName: 'ec2-203-0-113-10.compute-1.amazonaws.com',
          },
        },
        { props: { ...instance, State: { Code: 0, Name: 'pending' }, PublicIpAddress: '198.51.100.7' } },
      ],
      error: [
        { props: { ...instance, PublicIpAddress: { $unknown: 'subnet outside the template' } } },
        { props: { ...instance, State: undefined } },
      ],
      notApplicable: [{ props: { ...instance, State: { Code: 48, Name: 'terminated' } } }],
    },
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
  },
});
