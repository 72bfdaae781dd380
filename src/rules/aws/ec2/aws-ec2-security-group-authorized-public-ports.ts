import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { ipPermission } from '../lib/fixture-shapes.js';
import { parsePorts, type WorldPermission, worldOpenPermissions } from '../lib/network.js';

const sg = { GroupId: 'sg-0a1b2c3d4e5f60718', GroupName: 'web', VpcId: 'vpc-0a1b2c3d', OwnerId: '111122223333' };
const egress = [ipPermission('-1', undefined, undefined, ['0.0.0.0/0'])];
const perm = ipPermission;

/** Ports in a list parameter; '' means none. */
const portList = (v: unknown): number[] | undefined => (String(v ?? '').trim() === '' ? [] : parsePorts(String(v)));

const describe = (o: WorldPermission): string =>
  o.protocol === 'all'
    ? `all traffic from ${o.cidr} (${o.path})`
    : o.range.from === o.range.to
      ? `${o.ipProtocol} ${o.range.from} from ${o.cidr} (${o.path})`
      : `${o.ipProtocol} ${o.range.from}-${o.range.to} from ${o.cidr} (${o.path})`;

const CLOUDFORMATION = {
  pass: [
    `Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: public web server
      VpcId: vpc-0a1b2c3d
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 80
          ToPort: 80
          CidrIpv6: ::/0
        - IpProtocol: tcp
          FromPort: 8080
          ToPort: 8080
          CidrIp: 10.0.0.0/8
`,
  ],
  fail: [
    `Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: public web server
      VpcId: vpc-0a1b2c3d
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
  Admin:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref WebSg
      IpProtocol: tcp
      FromPort: 8443
      ToPort: 8443
      CidrIp: 0.0.0.0/0
`,
  ],
  error: [
    `Parameters:
  ClientCidr:
    Type: String
Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: public web server
      VpcId: vpc-0a1b2c3d
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          CidrIp: !Ref ClientCidr
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
`,
  ],
  fail: [
    `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
`,
    `resource "aws_security_group" "dns" {
  name   = "dns"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    from_port   = 53
    to_port     = 53
    protocol    = "udp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
  ],
  error: [
    `variable "client_cidrs" {
  type = list(string)
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = var.client_cidrs
  }
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-security-group-authorized-public-ports',
  resourceType: 'aws.ec2.security_group',
  category: 'network',
  severity: 'high',
  needs: ['IpPermissions'],
  /** TCP and UDP ports that may be open to the whole internet (comma-separated; '' for none). */
  params: { authorizedTcpPorts: '80,443', authorizedUdpPorts: '' },
  fsbp: ['EC2.18'],
  text: {
    title: {
      en: 'Security groups allow unrestricted inbound traffic only to authorized ports',
      ja: 'セキュリティグループで制限のない受信を許可するのは承認済みのポートだけになっている',
    },
    description: {
      en: 'Checks that every inbound rule open to 0.0.0.0/0 or ::/0 covers only authorized ports (TCP 80 and 443 by default; no UDP port). An all-traffic rule (protocol -1), a port range that reaches beyond the authorized ports, or an open UDP port fails. ICMP and other protocols without ports are not judged.',
      ja: '0.0.0.0/0 または ::/0 に開いているインバウンドルールが、承認済みのポート（既定では TCP 80 と 443、UDP はなし）だけを対象にしていることを確認する。すべての通信（プロトコル -1）のルール、承認済みのポートを超えるポート範囲、開放された UDP ポートは違反とする。ICMP などポートのないプロトコルは判定しない。',
    },
    rationale: {
      en: 'Every port reachable from anywhere is attack surface: databases, admin consoles and debug endpoints opened "temporarily" are found by internet-wide scans within hours. Keeping an explicit list of public ports makes any other opening a visible exception.',
      ja: 'どこからでも到達できるポートはすべて攻撃対象になる。「一時的に」開けたデータベースや管理画面、デバッグ用エンドポイントは、インターネット全体のスキャンで数時間のうちに見つかる。公開してよいポートを明示しておけば、それ以外の開放は例外として目に見える。',
    },
    remediation: {
      text: {
        en: 'Restrict the source of the rule to the networks or security groups that need it, or put the service behind a load balancer; add a port to the parameter only when it is meant to be public.',
        ja: 'ルールの送信元を必要なネットワークまたはセキュリティグループに限定するか、サービスをロードバランサーの背後に置く。公開を意図したポートだけをパラメータに追加する。',
      },
      console: {
        en: 'EC2 console → Network & Security → Security Groups → select the group → Inbound rules → Edit inbound rules → change the Source of the 0.0.0.0/0 or ::/0 rule to a specific CIDR or security group, or delete it → Save rules.',
        ja: 'EC2 コンソール → ネットワーク & セキュリティ → セキュリティグループ → 対象のグループを選択 → インバウンドルール → インバウンドのルールを編集 → 0.0.0.0/0 または ::/0 のルールのソースを特定の CIDR またはセキュリティグループに変更するか削除 → ルールを保存。',
      },
      cli: 'aws ec2 revoke-security-group-ingress --group-id <SG_ID> --security-group-rule-ids <RULE_ID>\naws ec2 authorize-security-group-ingress --group-id <SG_ID> --protocol tcp --port <PORT> --cidr <TRUSTED_CIDR>',
      cloudformation: 'SecurityGroupIngress: CidrIp / CidrIpv6 set to a trusted range instead of 0.0.0.0/0 or ::/0',
      terraform: 'cidr_blocks / ipv6_cidr_blocks (or cidr_ipv4 / cidr_ipv6) set to a trusted range',
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    },
  },
  evaluate: ({ props, params }) => {
    const tcp = portList(params.authorizedTcpPorts);
    const udp = portList(params.authorizedUdpPorts);
    if (tcp === undefined || udp === undefined) {
      return error(
        `invalid parameters authorizedTcpPorts=${params.authorizedTcpPorts}, authorizedUdpPorts=${params.authorizedUdpPorts}`,
      );
    }
    const scan = worldOpenPermissions(props.IpPermissions ?? []);
    const bad = scan.open.filter((o) => {
      if (o.protocol === 'other') return false;
      if (o.protocol === 'all') return true;
      const allowed = o.protocol === 'tcp' ? tcp : udp;
      for (let p = o.range.from; p <= o.range.to; p++) if (!allowed.includes(p)) return true;
      return false;
    });
    if (bad.length > 0) {
      const list = bad.map(describe).join('; ');
      return fail(bad[0]!.path, {
        en: `Inbound traffic from anywhere reaches ports outside the authorized ones (TCP ${tcp.join(', ') || 'none'}, UDP ${udp.join(', ') || 'none'}): ${list}`,
        ja: `承認済みのポート（TCP ${tcp.join(', ') || 'なし'}、UDP ${udp.join(', ') || 'なし'}）以外に、どこからでも受信できるルールがある: ${list}`,
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
              perm('tcp', 80, 80, ['0.0.0.0/0']),
              perm('tcp', 22, 22, ['203.0.113.0/24']),
              perm('icmp', 8, -1, ['0.0.0.0/0']),
            ],
            IpPermissionsEgress: egress,
          },
        },
        { props: { ...sg, IpPermissions: [], IpPermissionsEgress: egress } },
        {
          props: { ...sg, IpPermissions: [perm('udp', 53, 53, ['0.0.0.0/0'])], IpPermissionsEgress: egress },
          params: { authorizedUdpPorts: '53' },
        },
      ],
      fail: [
        { props: { ...sg, IpPermissions: [perm('tcp', 80, 443, ['0.0.0.0/0'])], IpPermissionsEgress: egress } },
        {
          props: {
            ...sg,
            IpPermissions: [perm('-1', undefined, undefined, [], ['::/0'])],
            IpPermissionsEgress: egress,
          },
        },
        { props: { ...sg, IpPermissions: [perm('udp', 53, 53, ['0.0.0.0/0'])], IpPermissionsEgress: egress } },
        { props: { ...sg, IpPermissions: [perm('tcp', 3306, 3306, ['0.0.0.0/0'])], IpPermissionsEgress: egress } },
      ],
      error: [
        { props: { ...sg, IpPermissionsEgress: egress } },
        {
          props: {
            ...sg,
            IpPermissions: [
              { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: { $unknown: 'var.cidr' } }] },
            ],
            IpPermissionsEgress: egress,
          },
        },
        { props: { ...sg, IpPermissions: [], IpPermissionsEgress: egress }, params: { authorizedTcpPorts: 'http' } },
      ],
    },
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
  },
});
