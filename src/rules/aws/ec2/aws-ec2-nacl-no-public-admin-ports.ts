import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { describeOpenings, networkAclPublicIngress, parsePorts } from '../lib/network.js';

const nacl = {
  NetworkAclId: 'acl-0a1b2c3d4e5f67890',
  VpcId: 'vpc-0a1b2c3d',
  IsDefault: false,
  OwnerId: '111122223333',
};
/** The entries every network ACL ends with (rule 32767, shown as "*" in the console). */
const defaultDeny = [
  { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
  { RuleNumber: 32768, Protocol: '-1', RuleAction: 'deny', Egress: false, Ipv6CidrBlock: '::/0' },
  { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' },
];
const entry = (
  RuleNumber: number,
  Protocol: string,
  RuleAction: 'allow' | 'deny',
  cidr: string,
  ports?: [number, number],
  Egress = false,
) => ({
  RuleNumber,
  Protocol,
  RuleAction,
  Egress,
  ...(cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr }),
  ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
});

const CLOUDFORMATION = {
  pass: [
    `Resources:
  WebAcl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-0a1b2c3d
  AllowHttps:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref WebAcl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
      PortRange:
        From: 443
        To: 443
  AllowSshFromOffice:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref WebAcl
      RuleNumber: 110
      Protocol: 6
      RuleAction: allow
      CidrBlock: 203.0.113.0/24
      PortRange:
        From: 22
        To: 22
`,
  ],
  fail: [
    `Resources:
  WebAcl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-0a1b2c3d
  AllowSsh:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref WebAcl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      Egress: false
      CidrBlock: 0.0.0.0/0
      PortRange:
        From: 22
        To: 22
`,
  ],
  error: [
    `Parameters:
  AdminCidr:
    Type: String
Resources:
  WebAcl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-0a1b2c3d
  AllowAdmin:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref WebAcl
      RuleNumber: 100
      Protocol: -1
      RuleAction: allow
      CidrBlock: !Ref AdminCidr
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_network_acl" "web" {
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }
  egress {
    protocol   = "-1"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}
`,
  ],
  fail: [
    `resource "aws_network_acl" "web" {
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_network_acl_rule" "rdp" {
  network_acl_id = aws_network_acl.web.id
  rule_number    = 120
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 1024
  to_port        = 65535
}
`,
    `resource "aws_network_acl" "web" {
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    protocol   = "-1"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}
`,
  ],
  error: [
    `variable "admin_cidr" {
  type = string
}

resource "aws_network_acl" "web" {
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = var.admin_cidr
    from_port  = 22
    to_port    = 22
  }
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-nacl-no-public-admin-ports',
  resourceType: 'aws.ec2.network_acl',
  category: 'network',
  severity: 'medium',
  needs: ['Entries'],
  /** Remote administration ports (SSH, RDP). TCP (6), UDP (17) and all protocols (-1) count. */
  params: { ports: '22,3389' },
  text: {
    title: {
      en: 'No network ACL allows ingress from 0.0.0.0/0 or ::/0 to remote server administration ports',
      ja: '0.0.0.0/0 または ::/0 からリモート管理用ポートへの受信を許可するネットワーク ACL がない',
    },
    description: {
      en: 'Checks that, evaluating the inbound entries in rule-number order as AWS does, traffic from the whole internet (0.0.0.0/0 or ::/0) to the remote administration ports (SSH 22 and RDP 3389 by default, TCP or UDP) is not allowed. An earlier DENY for the same traffic wins over a later ALLOW; outbound entries are not judged.',
      ja: 'AWS と同じくインバウンドエントリをルール番号順に評価したとき、インターネット全体（0.0.0.0/0 または ::/0）からリモート管理用ポート（既定では SSH 22 と RDP 3389、TCP または UDP）への通信が許可されないことを確認する。同じ通信に対する先の DENY は後の ALLOW より優先される。アウトバウンドエントリは判定しない。',
    },
    rationale: {
      en: 'Network ACLs are the subnet-wide layer of defence. If they let the internet reach SSH and RDP, a single over-permissive security group on any instance in the subnet exposes it to scanning, password guessing and exploits.',
      ja: 'ネットワーク ACL はサブネット全体に効く防御層である。ここでインターネットから SSH や RDP への通信を許可していると、サブネット内のどれか 1 つのインスタンスでセキュリティグループを緩めただけで、スキャンやパスワード推測、脆弱性攻撃にさらされる。',
    },
    remediation: {
      text: {
        en: 'Add inbound DENY entries for ports 22 and 3389 from 0.0.0.0/0 (and ::/0) with rule numbers lower than the ALLOW entries, or narrow the ALLOW entries to the administrators’ networks.',
        ja: '0.0.0.0/0（および ::/0）からのポート 22 と 3389 を拒否するインバウンドの DENY エントリを ALLOW エントリより小さいルール番号で追加するか、ALLOW エントリを管理者のネットワークに限定する。',
      },
      console: {
        en: 'VPC console → Security → Network ACLs → select the ACL → Inbound rules → Edit inbound rules → Add new rule (a low rule number, Type SSH (22) / RDP (3389), Source 0.0.0.0/0, Deny) or narrow the source of the Allow rule → Save changes.',
        ja: 'VPC コンソール → セキュリティ → ネットワーク ACL → 対象の ACL を選択 → インバウンドルール → インバウンドルールを編集 → 新しいルールを追加（小さいルール番号、タイプ SSH (22) / RDP (3389)、ソース 0.0.0.0/0、拒否）するか、許可ルールのソースを限定 → 変更を保存。',
      },
      cli: 'aws ec2 create-network-acl-entry --network-acl-id <ACL_ID> --ingress --rule-number 10 --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny\naws ec2 create-network-acl-entry --network-acl-id <ACL_ID> --ingress --rule-number 11 --protocol tcp --port-range From=3389,To=3389 --cidr-block 0.0.0.0/0 --rule-action deny\naws ec2 create-network-acl-entry --network-acl-id <ACL_ID> --ingress --rule-number 12 --protocol tcp --port-range From=22,To=22 --ipv6-cidr-block ::/0 --rule-action deny',
      cloudformation:
        'Type: AWS::EC2::NetworkAclEntry\nProperties:\n  NetworkAclId: !Ref Acl\n  RuleNumber: 10\n  Protocol: 6\n  PortRange: { From: 22, To: 22 }\n  CidrBlock: 0.0.0.0/0\n  Egress: false\n  RuleAction: deny',
      terraform:
        'resource "aws_network_acl_rule" "deny_ssh" {\n  network_acl_id = aws_network_acl.acl.id\n  rule_number    = 10\n  egress         = false\n  protocol       = "tcp"\n  rule_action    = "deny"\n  cidr_block     = "0.0.0.0/0"\n  from_port      = 22\n  to_port        = 22\n}',
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
    },
  },
  evaluate: ({ props, params }) => {
    const ports = parsePorts(params.ports);
    if (ports === undefined) return error(`invalid parameter ports: ${String(params.ports)} (expected e.g. "22,3389")`);
    const scan = networkAclPublicIngress(props.Entries ?? [], {
      ports,
      transports: ['tcp', 'udp'],
      families: ['ipv4', 'ipv6'],
    });
    if (scan.open.length > 0) {
      const d = describeOpenings(scan.open);
      return fail(scan.open[0]!.path, {
        en: `Inbound entries allow the internet to reach administration ports: ${d.en}`,
        ja: `インバウンドエントリがインターネットから管理用ポートへの通信を許可している: ${d.ja}`,
      });
    }
    if (scan.unresolved.length > 0) return error(`unresolved value at ${scan.unresolved[0]}`);
    return pass();
  },
  fsbp: ['EC2.21'],
  fixtures: {
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
    live: {
      pass: [
        {
          // Web subnet: HTTP(S) and ephemeral ports from anywhere, with RDP carved out of the ephemeral range first;
          // SSH only from the admin network; egress open.
          props: {
            ...nacl,
            Entries: [
              entry(90, '6', 'deny', '0.0.0.0/0', [3389, 3389]),
              entry(100, '6', 'allow', '0.0.0.0/0', [443, 443]),
              entry(110, '6', 'allow', '0.0.0.0/0', [80, 80]),
              entry(120, '6', 'allow', '0.0.0.0/0', [1024, 65535]),
              entry(130, '6', 'allow', '203.0.113.0/24', [22, 22]),
              entry(100, '-1', 'allow', '0.0.0.0/0', undefined, true),
              ...defaultDeny,
            ],
          },
        },
        {
          // Earlier DENY entries win over a later allow-all (listed out of order, as the API may return them).
          props: {
            ...nacl,
            Entries: [
              entry(200, '-1', 'allow', '0.0.0.0/0'),
              entry(201, '-1', 'allow', '::/0'),
              entry(10, '6', 'deny', '0.0.0.0/0', [22, 22]),
              entry(11, '6', 'deny', '0.0.0.0/0', [3389, 3389]),
              entry(12, '17', 'deny', '0.0.0.0/0', [0, 65535]),
              entry(13, '6', 'deny', '::/0', [0, 1023]),
              entry(14, '6', 'deny', '::/0', [3000, 4000]),
              entry(15, '17', 'deny', '::/0', [22, 3389]),
              ...defaultDeny,
            ],
          },
        },
        // Only the built-in default DENY entries.
        { props: { ...nacl, Entries: defaultDeny } },
      ],
      fail: [
        {
          // A new VPC's default network ACL: rule 100 allows all traffic from anywhere.
          props: {
            ...nacl,
            IsDefault: true,
            Entries: [
              entry(100, '-1', 'allow', '0.0.0.0/0'),
              entry(101, '-1', 'allow', '::/0'),
              entry(100, '-1', 'allow', '0.0.0.0/0', undefined, true),
              ...defaultDeny,
            ],
          },
        },
        {
          // A narrower DENY does not shut out the rest of the internet; RDP inside 3000-4000.
          props: {
            ...nacl,
            Entries: [
              entry(90, '6', 'deny', '198.51.100.0/24', [3389, 3389]),
              entry(100, '6', 'allow', '0.0.0.0/0', [3000, 4000]),
              ...defaultDeny,
            ],
          },
        },
        {
          // TCP 22 is denied first, but UDP 22 still falls through to the allow-all.
          props: {
            ...nacl,
            Entries: [
              entry(10, '6', 'deny', '0.0.0.0/0', [22, 22]),
              entry(11, '6', 'deny', '0.0.0.0/0', [3389, 3389]),
              entry(100, '-1', 'allow', '0.0.0.0/0'),
              ...defaultDeny,
            ],
          },
        },
        {
          // The usual ephemeral-port entry for return traffic (1024-65535) contains RDP 3389.
          props: {
            ...nacl,
            Entries: [
              entry(100, '6', 'allow', '0.0.0.0/0', [443, 443]),
              entry(120, '6', 'allow', '0.0.0.0/0', [1024, 65535]),
              ...defaultDeny,
            ],
          },
        },
        // IPv6 only.
        { props: { ...nacl, Entries: [entry(100, '6', 'allow', '::/0', [22, 22]), ...defaultDeny] } },
        {
          // The DENY comes after the ALLOW, so it never matches.
          props: {
            ...nacl,
            Entries: [
              entry(100, '6', 'allow', '0.0.0.0/0', [22, 22]),
              entry(110, '6', 'deny', '0.0.0.0/0', [22, 22]),
              ...defaultDeny,
            ],
          },
        },
      ],
      error: [
        { props: { ...nacl } },
        {
          props: {
            ...nacl,
            Entries: [
              entry(100, '6', 'allow', '10.0.0.0/8', [22, 22]),
              {
                RuleNumber: 110,
                Protocol: '6',
                RuleAction: 'allow',
                Egress: false,
                CidrBlock: { $unknown: 'var.cidr' },
                PortRange: { From: 22, To: 22 },
              },
              ...defaultDeny,
            ],
          },
        },
        { props: { ...nacl, Entries: defaultDeny }, params: { ports: '22,99999' } },
      ],
    },
  },
});
