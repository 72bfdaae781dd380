import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { ipPermission } from '../lib/fixture-shapes.js';
import { describeOpenings, parsePorts, securityGroupPublicIngress } from '../lib/network.js';

const sg = { GroupId: 'sg-0fedcba9876543210', GroupName: 'web', VpcId: 'vpc-0a1b2c3d', OwnerId: '111122223333' };
const allEgress = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] }];
const perm = ipPermission;

const CLOUDFORMATION = {
  pass: [
    `Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: vpc-0a1b2c3d
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIpv6: ::/0
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`,
  ],
  fail: [
    `Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: vpc-0a1b2c3d
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIpv6: ::/0
`,
    // A separate ingress resource joined to its group; protocol -1 is all traffic.
    `Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: vpc-0a1b2c3d
  AllFromAnywhere:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt WebSg.GroupId
      IpProtocol: "-1"
      CidrIpv6: ::/0
`,
  ],
  error: [
    `Parameters:
  AdminCidr:
    Type: String
Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: vpc-0a1b2c3d
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 3389
          ToPort: 3389
          CidrIpv6: !Ref AdminCidr
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
`,
  ],
  fail: [
    `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 3000
  to_port           = 4000
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"]
}
`,
    `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv6         = "::/0"
}
`,
  ],
  error: [
    `variable "admin_cidr" {
  type = string
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    ipv6_cidr_blocks = [var.admin_cidr]
  }
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-security-group-no-public-admin-ipv6',
  resourceType: 'aws.ec2.security_group',
  category: 'network',
  severity: 'high',
  needs: ['IpPermissions'],
  /** Remote administration ports (SSH, RDP); add e.g. 5985,5986 for WinRM. TCP and UDP both count (RDP uses UDP 3389 too). */
  params: { ports: '22,3389' },
  text: {
    title: {
      en: 'No security group allows ingress from ::/0 to remote server administration ports',
      ja: '::/0 からリモート管理用ポートへの受信を許可するセキュリティグループがない',
    },
    description: {
      en: 'Checks that no inbound rule of the security group lets ::/0 (any IPv6 address) reach the remote administration ports (SSH 22 and RDP 3389 by default, TCP or UDP), whether by a rule for the port, a port range that contains it, or an all-traffic rule (protocol -1).',
      ja: 'セキュリティグループのインバウンドルールで、::/0（すべての IPv6 アドレス）からリモート管理用ポート（既定では SSH 22 と RDP 3389、TCP または UDP）に到達できるもの（そのポートのルール、ポートを含む範囲、すべての通信（プロトコル -1）のルール）がないことを確認する。',
    },
    rationale: {
      en: 'SSH and RDP open to the internet are scanned within minutes of exposure and face constant password guessing and exploits. Administrative access should come only from known networks, or through Session Manager without any inbound port.',
      ja: 'インターネットに公開された SSH や RDP は、公開から数分でスキャンされ、パスワード推測や脆弱性攻撃を絶えず受ける。管理アクセスは既知のネットワークからに限定するか、受信ポートを開けずに Session Manager を使う。',
    },
    remediation: {
      text: {
        en: 'Remove the inbound rules that open the administration ports to ::/0; allow only the administrators’ CIDRs or security groups, or use Systems Manager Session Manager.',
        ja: '::/0 に管理用ポートを開放しているインバウンドルールを削除し、管理者の CIDR またはセキュリティグループのみを許可するか、Systems Manager Session Manager を使う。',
      },
      console: {
        en: 'EC2 console → Network & Security → Security Groups → select the group → Inbound rules → Edit inbound rules → delete or narrow the rule whose source is ::/0 → Save rules.',
        ja: 'EC2 コンソール → ネットワーク & セキュリティ → セキュリティグループ → 対象のグループを選択 → インバウンドルール → インバウンドのルールを編集 → ソースが ::/0 のルールを削除または限定 → ルールを保存。',
      },
      cli: "aws ec2 revoke-security-group-ingress --group-id <SG_ID> --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,Ipv6Ranges=[{CidrIpv6=::/0}]'\naws ec2 revoke-security-group-ingress --group-id <SG_ID> --ip-permissions 'IpProtocol=tcp,FromPort=3389,ToPort=3389,Ipv6Ranges=[{CidrIpv6=::/0}]'\naws ec2 authorize-security-group-ingress --group-id <SG_ID> --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,Ipv6Ranges=[{CidrIpv6=<ADMIN_IPV6_CIDR>}]'",
      cloudformation:
        'SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 22\n    ToPort: 22\n    CidrIpv6: <ADMIN_IPV6_CIDR>   # not ::/0',
      terraform:
        'resource "aws_vpc_security_group_ingress_rule" "ssh" {\n  security_group_id = aws_security_group.sg.id\n  ip_protocol       = "tcp"\n  from_port         = 22\n  to_port           = 22\n  cidr_ipv6         = "<ADMIN_IPV6_CIDR>"  # not ::/0\n}',
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    },
  },
  evaluate: ({ props, params }) => {
    const ports = parsePorts(params.ports);
    if (ports === undefined) return error(`invalid parameter ports: ${String(params.ports)} (expected e.g. "22,3389")`);
    const scan = securityGroupPublicIngress(props.IpPermissions ?? [], {
      ports,
      transports: ['tcp', 'udp'],
      families: ['ipv6'],
    });
    if (scan.open.length > 0) {
      const d = describeOpenings(scan.open);
      return fail(scan.open[0]!.path, {
        en: `Administration ports are open to ::/0: ${d.en}`,
        ja: `管理用ポートが ::/0 に公開されている: ${d.ja}`,
      });
    }
    if (scan.unresolved.length > 0) return error(`unresolved value at ${scan.unresolved[0]}`);
    return pass();
  },
  fsbp: ['EC2.14'],
  fixtures: {
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
    live: {
      pass: [
        {
          // SSH from the admin network only; HTTPS from anywhere; 0.0.0.0/0 is the other rule's business; ICMP all types
          // (FromPort -1) carries no ports; a security group reference is not the internet; egress is not judged.
          props: {
            ...sg,
            IpPermissions: [
              perm('tcp', 22, 22, ['203.0.113.0/24']),
              perm('tcp', 443, 443, ['0.0.0.0/0'], ['::/0']),
              perm('tcp', 3389, 3389, ['0.0.0.0/0']),
              perm('icmpv6', -1, -1, [], ['::/0']),
              {
                IpProtocol: 'tcp',
                FromPort: 22,
                ToPort: 22,
                IpRanges: [],
                Ipv6Ranges: [],
                PrefixListIds: [],
                UserIdGroupPairs: [{ GroupId: 'sg-0aaaabbbbccccdddd', UserId: '111122223333' }],
              },
            ],
            IpPermissionsEgress: allEgress,
          },
        },
        { props: { ...sg, IpPermissions: [perm('tcp', 8080, 8443, [], ['::/0'])], IpPermissionsEgress: allEgress } },
      ],
      fail: [
        { props: { ...sg, IpPermissions: [perm('tcp', 22, 22, [], ['::/0'])], IpPermissionsEgress: allEgress } },
        {
          // RDP inside a port range.
          props: { ...sg, IpPermissions: [perm('tcp', 3000, 4000, [], ['::/0'])], IpPermissionsEgress: allEgress },
        },
        {
          // All traffic (protocol -1 has no FromPort/ToPort).
          props: { ...sg, IpPermissions: [perm('-1', undefined, undefined, [], ['::/0'])], IpPermissionsEgress: [] },
        },
        { props: { ...sg, IpPermissions: [perm('tcp', 0, 65535, [], ['::/0'])], IpPermissionsEgress: allEgress } },
        { props: { ...sg, IpPermissions: [perm('udp', 3389, 3389, [], ['::/0'])], IpPermissionsEgress: allEgress } },
        {
          // A port list from a framework or config: WinRM.
          props: { ...sg, IpPermissions: [perm('tcp', 5986, 5986, [], ['::/0'])], IpPermissionsEgress: allEgress },
          params: { ports: '22,3389,5985,5986' },
        },
      ],
      error: [
        { props: { ...sg, IpPermissionsEgress: allEgress } },
        {
          props: {
            ...sg,
            IpPermissions: [
              {
                IpProtocol: 'tcp',
                FromPort: 22,
                ToPort: 22,
                Ipv6Ranges: [{ CidrIpv6: { $unknown: 'var.admin_cidr' } }],
              },
            ],
            IpPermissionsEgress: allEgress,
          },
        },
        {
          props: { ...sg, IpPermissions: [perm('tcp', 22, 22, ['10.0.0.0/8'])], IpPermissionsEgress: allEgress },
          params: { ports: 'ssh' },
        },
      ],
    },
  },
});
