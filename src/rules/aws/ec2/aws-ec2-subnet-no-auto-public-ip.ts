import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const subnet = {
  SubnetId: 'subnet-0a1b2c3d4e5f60718',
  VpcId: 'vpc-0a1b2c3d',
  CidrBlock: '10.0.1.0/24',
  AvailabilityZone: 'us-east-1a',
  State: 'available',
  DefaultForAz: false,
  AssignIpv6AddressOnCreation: false,
  OwnerId: '111122223333',
};

const CLOUDFORMATION = {
  pass: [
    `Resources:
  AppSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0a1b2c3d
      CidrBlock: 10.0.1.0/24
`,
    `Resources:
  AppSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0a1b2c3d
      CidrBlock: 10.0.1.0/24
      MapPublicIpOnLaunch: false
`,
  ],
  fail: [
    `Resources:
  PublicSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0a1b2c3d
      CidrBlock: 10.0.0.0/24
      MapPublicIpOnLaunch: true
`,
  ],
  error: [
    `Parameters:
  Public:
    Type: String
    AllowedValues: ['true', 'false']
Resources:
  AppSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0a1b2c3d
      CidrBlock: 10.0.1.0/24
      MapPublicIpOnLaunch: !Ref Public
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_subnet" "app" {
  vpc_id     = "vpc-0a1b2c3d"
  cidr_block = "10.0.1.0/24"
}
`,
  ],
  fail: [
    `resource "aws_subnet" "public" {
  vpc_id                  = "vpc-0a1b2c3d"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = "true"
}
`,
  ],
  error: [
    `variable "public" {
  type = bool
}

resource "aws_subnet" "app" {
  vpc_id                  = "vpc-0a1b2c3d"
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = var.public
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-subnet-no-auto-public-ip',
  resourceType: 'aws.ec2.subnet',
  category: 'network',
  severity: 'medium',
  needs: ['MapPublicIpOnLaunch'],
  fsbp: ['EC2.15'],
  text: {
    title: {
      en: 'Subnets do not assign public IPv4 addresses automatically',
      ja: 'サブネットでパブリック IPv4 アドレスが自動で割り当てられない',
    },
    description: {
      en: 'Checks that the subnet attribute MapPublicIpOnLaunch is false, so network interfaces launched in it get no public IPv4 address unless one is asked for. Default subnets have it on when AWS creates them.',
      ja: 'サブネットの属性 MapPublicIpOnLaunch が false であり、そこで起動したネットワークインターフェイスに、明示的に要求しない限りパブリック IPv4 アドレスが付かないことを確認する。デフォルトサブネットは作成時に有効になっている。',
    },
    rationale: {
      en: 'With automatic assignment, every instance launched in the subnet is directly addressable from the internet, and its security group becomes the only barrier. Public addresses should be a deliberate choice per workload, not a subnet default.',
      ja: '自動割り当てが有効だと、サブネットで起動したインスタンスはすべてインターネットから直接アドレス指定でき、セキュリティグループが唯一の防御になる。パブリックアドレスはサブネットの既定ではなく、ワークロードごとの意図的な選択にするべきである。',
    },
    remediation: {
      text: {
        en: 'Turn off auto-assignment of public IPv4 addresses on the subnet; give a public address (or an Elastic IP) only to the instances that must be reachable, or place them behind a load balancer.',
        ja: 'サブネットのパブリック IPv4 アドレスの自動割り当てを無効にする。到達可能にする必要のあるインスタンスにだけパブリックアドレス（または Elastic IP）を付けるか、ロードバランサーの背後に置く。',
      },
      console: {
        en: 'VPC console → Subnets → select the subnet → Actions → Edit subnet settings → clear "Enable auto-assign public IPv4 address" → Save.',
        ja: 'VPC コンソール → サブネット → 対象のサブネットを選択 → アクション → サブネットの設定を編集 → 「パブリック IPv4 アドレスの自動割り当てを有効化」のチェックを外す → 保存。',
      },
      cli: 'aws ec2 modify-subnet-attribute --subnet-id <SUBNET_ID> --no-map-public-ip-on-launch',
      cloudformation: 'AWS::EC2::Subnet → MapPublicIpOnLaunch: false',
      terraform: 'resource "aws_subnet" → map_public_ip_on_launch = false',
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/modify-subnets.html',
    },
  },
  evaluate: ({ props }) =>
    props.MapPublicIpOnLaunch === true
      ? fail('MapPublicIpOnLaunch', {
          en: `Subnet ${props.SubnetId ?? ''} assigns a public IPv4 address to every network interface launched in it`,
          ja: `サブネット ${props.SubnetId ?? ''} で起動したネットワークインターフェイスすべてにパブリック IPv4 アドレスが割り当てられる`,
        })
      : pass(),
  fixtures: {
    live: {
      pass: [{ props: { ...subnet, MapPublicIpOnLaunch: false } }],
      fail: [
        { props: { ...subnet, MapPublicIpOnLaunch: true } },
        { props: { ...subnet, DefaultForAz: true, CidrBlock: '172.31.0.0/20', MapPublicIpOnLaunch: true } },
      ],
      error: [{ props: { ...subnet } }, { props: { ...subnet, MapPublicIpOnLaunch: { $unknown: 'var.public' } } }],
    },
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
  },
});
