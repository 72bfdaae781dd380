import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { ipPermission } from '../lib/fixture-shapes.js';
import { describeOpenings, parsePorts, securityGroupPublicIngress } from '../lib/network.js';

const sg = { GroupId: 'sg-0b1c2d3e4f5a60718', GroupName: 'app', VpcId: 'vpc-0a1b2c3d', OwnerId: '111122223333' };
const egress = [ipPermission('-1', undefined, undefined, ['0.0.0.0/0'])];
const perm = ipPermission;

const CLOUDFORMATION = {
  pass: [
    `Resources:
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: vpc-0a1b2c3d
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          CidrIp: 10.0.0.0/16
`,
  ],
  fail: [
    `Resources:
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: vpc-0a1b2c3d
  PostgresFromAnywhere:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt AppSg.GroupId
      IpProtocol: tcp
      FromPort: 5432
      ToPort: 5432
      CidrIpv6: ::/0
`,
  ],
  error: [
    `Parameters:
  DbPort:
    Type: Number
Resources:
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: vpc-0a1b2c3d
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: !Ref DbPort
          ToPort: !Ref DbPort
          CidrIp: 0.0.0.0/0
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
  ],
  fail: [
    `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    from_port   = 3000
    to_port     = 3500
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
    `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "mysql" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 3306
  to_port           = 3306
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`,
  ],
  error: [
    `variable "port" {
  type = number
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-security-group-no-public-high-risk-ports',
  resourceType: 'aws.ec2.security_group',
  category: 'network',
  severity: 'high',
  needs: ['IpPermissions'],
  /**
   * Ports of services that should never face the internet directly: file transfer, remote shells and desktops,
   * mail, RPC/SMB, databases, search and dashboards, development servers. TCP and UDP both count.
   */
  params: {
    ports: '20,21,22,23,25,110,135,143,445,1433,1434,3000,3306,3389,4333,5000,5432,5500,5601,8080,8088,8888,9200,9300',
  },
  fsbp: ['EC2.19'],
  text: {
    title: {
      en: 'Security groups do not allow unrestricted access to high-risk ports',
      ja: 'セキュリティグループで高リスクのポートへの制限のないアクセスを許可していない',
    },
    description: {
      en: 'Checks that no inbound rule lets 0.0.0.0/0 or ::/0 reach a high-risk port (remote shells and desktops, file transfer, mail, SMB/RPC, databases, search engines, dashboards and development servers; the list is a parameter), by a rule for the port, a range that contains it, or an all-traffic rule.',
      ja: '0.0.0.0/0 または ::/0 から高リスクのポート（リモートシェル・デスクトップ、ファイル転送、メール、SMB/RPC、データベース、検索エンジン、ダッシュボード、開発用サーバー。一覧はパラメータ）に到達できるインバウンドルール（そのポートのルール、ポートを含む範囲、すべての通信のルール）がないことを確認する。',
    },
    rationale: {
      en: 'These services are the usual targets of internet-wide scanning: exposed databases and search clusters are read or ransomed, and remote access ports face constant password guessing. They belong behind private networks, VPNs or load balancers.',
      ja: 'これらのサービスはインターネット全体のスキャンの典型的な標的であり、公開されたデータベースや検索クラスターは読み取られたり身代金を要求されたりし、リモートアクセス用のポートは絶えずパスワード推測を受ける。プライベートネットワーク、VPN、ロードバランサーの背後に置くべきである。',
    },
    remediation: {
      text: {
        en: 'Remove the rules that open these ports to 0.0.0.0/0 or ::/0 and allow only the CIDRs or security groups of the clients that need them.',
        ja: 'これらのポートを 0.0.0.0/0 または ::/0 に開放しているルールを削除し、必要なクライアントの CIDR またはセキュリティグループだけを許可する。',
      },
      console: {
        en: 'EC2 console → Network & Security → Security Groups → select the group → Inbound rules → Edit inbound rules → restrict the Source of the rule or delete it → Save rules.',
        ja: 'EC2 コンソール → ネットワーク & セキュリティ → セキュリティグループ → 対象のグループを選択 → インバウンドルール → インバウンドのルールを編集 → ルールのソースを限定するか削除 → ルールを保存。',
      },
      cli: 'aws ec2 revoke-security-group-ingress --group-id <SG_ID> --protocol tcp --port <PORT> --cidr 0.0.0.0/0\naws ec2 authorize-security-group-ingress --group-id <SG_ID> --protocol tcp --port <PORT> --source-group <CLIENT_SG_ID>',
      cloudformation: 'SecurityGroupIngress: SourceSecurityGroupId or a trusted CidrIp instead of 0.0.0.0/0',
      terraform: 'referenced_security_group_id or a trusted cidr_ipv4 instead of 0.0.0.0/0',
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    },
  },
  evaluate: ({ props, params }) => {
    const ports = parsePorts(params.ports);
    if (ports === undefined) return error(`invalid parameter ports: ${String(params.ports)}`);
    const scan = securityGroupPublicIngress(props.IpPermissions ?? [], {
      ports,
      transports: ['tcp', 'udp'],
      families: ['ipv4', 'ipv6'],
    });
    if (scan.open.length > 0) {
      const d = describeOpenings(scan.open);
      return fail(scan.open[0]!.path, {
        en: `High-risk ports are open to the internet: ${d.en}`,
        ja: `高リスクのポートがインターネットに公開されている: ${d.ja}`,
      });
    }
    if (scan.unresolved.length > 0) return error(`unresolved value at ${scan.unresolved[0]}`);
    return pass();
  },
  fixtures: {
    live: {
      pass: [
        {
          props: {
            ...sg,
            IpPermissions: [
              perm('tcp', 443, 443, ['0.0.0.0/0'], ['::/0']),
              perm('tcp', 5432, 5432, ['10.0.0.0/16']),
              perm('tcp', 9201, 9299, ['0.0.0.0/0']),
            ],
            IpPermissionsEgress: egress,
          },
        },
      ],
      fail: [
        { props: { ...sg, IpPermissions: [perm('tcp', 5432, 5432, ['0.0.0.0/0'])], IpPermissionsEgress: egress } },
        { props: { ...sg, IpPermissions: [perm('tcp', 9000, 9300, [], ['::/0'])], IpPermissionsEgress: egress } },
        { props: { ...sg, IpPermissions: [perm('-1', undefined, undefined, ['0.0.0.0/0'])], IpPermissionsEgress: [] } },
        { props: { ...sg, IpPermissions: [perm('udp', 135, 135, ['0.0.0.0/0'])], IpPermissionsEgress: egress } },
      ],
      error: [
        { props: { ...sg, IpPermissionsEgress: egress } },
        {
          props: {
            ...sg,
            IpPermissions: [
              {
                IpProtocol: 'tcp',
                FromPort: { $unknown: 'var.port' },
                ToPort: 5432,
                IpRanges: [{ CidrIp: '0.0.0.0/0' }],
              },
            ],
            IpPermissionsEgress: egress,
          },
        },
        { props: { ...sg, IpPermissions: [], IpPermissionsEgress: egress }, params: { ports: 'mysql' } },
      ],
    },
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
  },
});
