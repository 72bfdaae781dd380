import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

// CIS AWS Foundations v6.0.0/v7.0.0 4.7 (v5.0.0 3.7).
const vpc = {
  VpcId: 'vpc-0a1b2c3d4e5f60718',
  OwnerId: '111122223333',
  CidrBlock: '10.20.0.0/16',
  State: 'available',
  IsDefault: false,
  InstanceTenancy: 'default',
  DhcpOptionsId: 'dopt-0f1e2d3c4b5a69788',
  CidrBlockAssociationSet: [
    {
      AssociationId: 'vpc-cidr-assoc-0c1d2e3f4a5b6c7d8',
      CidrBlock: '10.20.0.0/16',
      CidrBlockState: { State: 'associated' },
    },
  ],
  Tags: [{ Key: 'Name', Value: 'prod' }],
};
// The default flow log record format: ${version} ${account-id} … ${log-status}.
const DEFAULT_FORMAT = [
  'version',
  'account-id',
  'interface-id',
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'action',
  'log-status',
]
  .map((field) => `\${${field}}`)
  .join(' ');
const flowLog = (over: Record<string, unknown> = {}) => ({
  FlowLogId: 'fl-0123456789abcdef0',
  CreationTime: '2025-05-20T01:02:03.000Z',
  DeliverLogsStatus: 'SUCCESS',
  FlowLogStatus: 'ACTIVE',
  ResourceId: vpc.VpcId,
  TrafficType: 'ALL',
  LogDestinationType: 'cloud-watch-logs',
  LogGroupName: '/vpc/flow-logs/prod',
  LogDestination: 'arn:aws:logs:us-east-1:111122223333:log-group:/vpc/flow-logs/prod',
  DeliverLogsPermissionArn: 'arn:aws:iam::111122223333:role/vpc-flow-logs',
  LogFormat: DEFAULT_FORMAT,
  MaxAggregationInterval: 600,
  ...over,
});

const CLOUDFORMATION = {
  pass: [
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.20.0.0/16
  VpcFlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc
      ResourceType: VPC
      TrafficType: ALL
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::vpc-flow-logs-111122223333
`,
  ],
  fail: [
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.20.0.0/16
`,
    `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.20.0.0/16
  VpcFlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc
      ResourceType: VPC
      TrafficType: ACCEPT
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::vpc-flow-logs-111122223333
`,
  ],
  error: [
    `Parameters:
  Traffic:
    Type: String
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.20.0.0/16
  VpcFlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc
      ResourceType: VPC
      TrafficType: !Ref Traffic
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::vpc-flow-logs-111122223333
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::vpc-flow-logs-111122223333"
}
`,
  ],
  fail: [
    `resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}
`,
  ],
  error: [
    `variable "traffic_type" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = var.traffic_type
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::vpc-flow-logs-111122223333"
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-vpc-flow-logs-enabled',
  resourceType: 'aws.ec2.vpc',
  category: 'logging-monitoring',
  severity: 'medium',
  needs: ['FlowLogs'],
  text: {
    title: { en: 'VPC flow logging is enabled in all VPCs', ja: 'すべての VPC でフローログが有効になっている' },
    description: {
      en: 'Checks that the VPC has an active flow log that captures rejected traffic (traffic type REJECT or ALL) and whose delivery is not failing.',
      ja: 'VPC に、拒否された通信を記録する（トラフィックタイプが REJECT または ALL の）有効なフローログがあり、配信が失敗していないことを確認する。',
    },
    rationale: {
      en: 'Flow logs are the network record of an incident: which addresses talked to which, and what was blocked. Rejected traffic in particular shows scanning and attempts to reach what the security groups protect.',
      ja: 'フローログはインシデント時のネットワークの記録であり、どのアドレス同士が通信し、何が遮断されたかを示す。特に拒否された通信は、スキャンやセキュリティグループで守っている対象への接続試行を示す。',
    },
    remediation: {
      text: {
        en: 'Create a flow log on the VPC for ALL (or at least REJECT) traffic, delivered to CloudWatch Logs or S3.',
        ja: 'VPC に、すべて（少なくとも拒否）のトラフィックを CloudWatch Logs または S3 に配信するフローログを作成する。',
      },
      console: {
        en: 'VPC console → Your VPCs → the VPC → Flow logs tab → Create flow log → Filter: All (or Reject) → destination: CloudWatch Logs or S3 bucket → Create flow log.',
        ja: 'VPC コンソール → お使いの VPC → 対象の VPC → フローログ タブ → フローログを作成 → フィルタ: すべて（または拒否）→ 送信先: CloudWatch Logs または S3 バケット → フローログを作成。',
      },
      cli: 'aws ec2 create-flow-logs --resource-type VPC --resource-ids <VPC_ID> --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::<FLOW_LOG_BUCKET>/',
      cloudformation:
        'AWS::EC2::FlowLog ResourceType: VPC, ResourceId: <VPC_ID>, TrafficType: ALL, LogDestinationType: s3, LogDestination: <BUCKET_ARN>',
      terraform:
        'aws_flow_log: vpc_id = "<VPC_ID>", traffic_type = "ALL", log_destination_type = "s3", log_destination = "<BUCKET_ARN>"',
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
    },
  },
  evaluate: ({ props }) => {
    const logs = props.FlowLogs;
    const capturing = logs.filter(
      (f) => f.FlowLogStatus === 'ACTIVE' && (f.TrafficType === 'ALL' || f.TrafficType === 'REJECT'),
    );
    const working = capturing.find((f) => f.DeliverLogsStatus !== 'FAILED');
    if (working) {
      return pass({
        en: `Flow log ${working.FlowLogId} (${working.TrafficType}) to ${working.LogDestinationType}`,
        ja: `フローログ ${working.FlowLogId}（${working.TrafficType}）の配信先は ${working.LogDestinationType}`,
      });
    }
    if (capturing.length > 0) {
      const i = logs.indexOf(capturing[0]!);
      return fail(`FlowLogs.${i}.DeliverLogsStatus`, {
        en: `Flow log ${capturing[0]!.FlowLogId} of ${props.VpcId} fails to deliver logs (${capturing[0]!.DeliverLogsErrorMessage ?? 'FAILED'})`,
        ja: `${props.VpcId} のフローログ ${capturing[0]!.FlowLogId} の配信が失敗している（${capturing[0]!.DeliverLogsErrorMessage ?? 'FAILED'}）`,
      });
    }
    if (logs.length > 0) {
      return fail('FlowLogs.0.TrafficType', {
        en: `${props.VpcId} has flow logs, but none active for REJECT or ALL traffic (${logs.map((f) => `${f.FlowLogId}: ${f.TrafficType}`).join(', ')})`,
        ja: `${props.VpcId} にフローログはあるが、REJECT または ALL のトラフィックを記録する有効なものがない（${logs.map((f) => `${f.FlowLogId}: ${f.TrafficType}`).join('、')}）`,
      });
    }
    return fail('FlowLogs', { en: `${props.VpcId} has no flow log`, ja: `${props.VpcId} にフローログがない` });
  },
  fsbp: ['EC2.6'],
  fixtures: {
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
    live: {
      pass: [
        { props: { ...vpc, FlowLogs: [flowLog()] } },
        {
          props: {
            ...vpc,
            FlowLogs: [
              flowLog({ FlowLogId: 'fl-0aaa1111bbbb2222c', TrafficType: 'ACCEPT' }),
              flowLog({
                FlowLogId: 'fl-0ddd3333eeee4444f',
                TrafficType: 'REJECT',
                LogDestinationType: 's3',
                LogGroupName: undefined,
                DeliverLogsPermissionArn: undefined,
                LogDestination: 'arn:aws:s3:::vpc-flow-logs-111122223333/prod/',
              }),
            ],
          },
        },
      ],
      fail: [
        { props: { ...vpc, FlowLogs: [] } },
        { props: { ...vpc, FlowLogs: [flowLog({ TrafficType: 'ACCEPT' })] } },
        {
          props: {
            ...vpc,
            FlowLogs: [
              flowLog({
                DeliverLogsStatus: 'FAILED',
                DeliverLogsErrorMessage: 'Access error',
              }),
            ],
          },
        },
      ],
      error: [
        { props: { ...vpc } },
        { props: { ...vpc, FlowLogs: [] }, gaps: { FlowLogs: 'UnauthorizedOperation: ec2:DescribeFlowLogs' } },
      ],
    },
  },
});
