import { isUnknown } from '../../../core/resource.js';
import { error, fail, notApplicable, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { isWorldCidr, prefixLength } from '../lib/network.js';

const table = {
  RouteTableId: 'rtb-0a1b2c3d4e5f67890',
  VpcId: 'vpc-0a1b2c3d',
  OwnerId: '111122223333',
  Associations: [{ Main: false, RouteTableAssociationId: 'rtbassoc-0a1b2c3d', SubnetId: 'subnet-0a1b2c3d' }],
};
const local = { DestinationCidrBlock: '10.10.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' };
const igw = { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0a1b2c3d', Origin: 'CreateRoute', State: 'active' };
const pcx = 'pcx-0a1b2c3d4e5f67890';
const peer = (dest: Record<string, string>, State = 'active') => ({
  ...dest,
  VpcPeeringConnectionId: pcx,
  Origin: 'CreateRoute',
  State,
});

/**
 * How the rule decides "least access" (CIS leaves it to judgement): a route through a peering connection FAILs
 * when its destination is broader than any one VPC CIDR block can be. An IPv4 VPC block is at most /16 and an IPv6
 * one at most /44 (IPAM; Amazon-provided blocks are /56), so a shorter prefix, and above all 0.0.0.0/0 or ::/0,
 * routes addresses the peer cannot own: the peering is used as a wide path instead of to reach named networks.
 * Stricter limits (e.g. /24, only the subnets needed) are params. All peering routes are judged, whatever their
 * State: a blackhole route to a pending connection becomes active once it is accepted.
 */

const CLOUDFORMATION = {
  pass: [
    `Resources:
  Peering:
    Type: AWS::EC2::VPCPeeringConnection
    Properties:
      VpcId: vpc-0a1b2c3d
      PeerVpcId: vpc-0f9e8d7c
  AppRoutes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: vpc-0a1b2c3d
  ToPeer:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref AppRoutes
      DestinationCidrBlock: 10.20.1.0/24
      VpcPeeringConnectionId: !Ref Peering
`,
  ],
  fail: [
    `Resources:
  Peering:
    Type: AWS::EC2::VPCPeeringConnection
    Properties:
      VpcId: vpc-0a1b2c3d
      PeerVpcId: vpc-0f9e8d7c
  AppRoutes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: vpc-0a1b2c3d
  ToPeer:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref AppRoutes
      DestinationCidrBlock: 0.0.0.0/0
      VpcPeeringConnectionId: !Ref Peering
`,
  ],
  error: [
    `Parameters:
  PeerCidr:
    Type: String
Resources:
  AppRoutes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: vpc-0a1b2c3d
  ToPeer:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref AppRoutes
      DestinationCidrBlock: !Ref PeerCidr
      VpcPeeringConnectionId: pcx-0a1b2c3d4e5f67890
`,
  ],
  notApplicable: [
    `Resources:
  PublicRoutes:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: vpc-0a1b2c3d
  Default:
    Type: AWS::EC2::Route
    Properties:
      RouteTableId: !Ref PublicRoutes
      DestinationCidrBlock: 0.0.0.0/0
      GatewayId: igw-0a1b2c3d
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_route_table" "app" {
  vpc_id = "vpc-0a1b2c3d"
  route {
    cidr_block                = "10.20.0.0/16"
    vpc_peering_connection_id = "pcx-0a1b2c3d4e5f67890"
  }
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = "nat-0a1b2c3d4e5f67890"
  }
}
`,
  ],
  fail: [
    `resource "aws_route_table" "app" {
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_route" "to_peer" {
  route_table_id            = aws_route_table.app.id
  destination_cidr_block    = "10.0.0.0/8"
  vpc_peering_connection_id = "pcx-0a1b2c3d4e5f67890"
}
`,
  ],
  error: [
    `variable "peer_cidr" {
  type = string
}

resource "aws_route_table" "app" {
  vpc_id = "vpc-0a1b2c3d"
  route {
    cidr_block                = var.peer_cidr
    vpc_peering_connection_id = "pcx-0a1b2c3d4e5f67890"
  }
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-peering-routes-least-access',
  resourceType: 'aws.ec2.route_table',
  category: 'network',
  severity: 'medium',
  needs: ['Routes'],
  params: { minIpv4PrefixLength: 16, minIpv6PrefixLength: 44 },
  text: {
    title: {
      en: 'Routes to VPC peering connections are least access',
      ja: 'VPC ピアリング接続へのルートが最小限のアクセスになっている',
    },
    description: {
      en: 'Checks that every route of the route table that targets a VPC peering connection has a specific destination: not 0.0.0.0/0 or ::/0, and no broader than /16 for IPv4 or /44 for IPv6 (adjustable). Route tables without peering routes are not applicable.',
      ja: 'ルートテーブルで VPC ピアリング接続を宛先とするすべてのルートが、具体的な送信先を持つことを確認する。0.0.0.0/0 や ::/0 ではなく、IPv4 では /16、IPv6 では /44（変更可能）より広くないこと。ピアリングのルートがないルートテーブルは該当なしとする。',
    },
    rationale: {
      en: 'A peering connection joins two networks. Routing more than the peer networks that are actually needed widens the paths between them, so a compromise on one side reaches more of the other, and mistakes in security groups are not caught by routing.',
      ja: 'ピアリング接続は 2 つのネットワークをつなぐ。実際に必要なピア側のネットワーク以上をルーティングすると両者間の経路が広がり、一方が侵害されたときに他方のより多くの範囲に到達でき、セキュリティグループの設定ミスもルーティングで防げなくなる。',
    },
    remediation: {
      text: {
        en: 'Replace broad routes through the peering connection with routes to the specific peer CIDRs (ideally only the subnets that must communicate).',
        ja: 'ピアリング接続を経由する広いルートを、ピア側の具体的な CIDR（できれば通信が必要なサブネットのみ）へのルートに置き換える。',
      },
      console: {
        en: 'VPC console → Route tables → select the table → Routes → Edit routes → remove the broad route targeting the peering connection (pcx-…) → Add route with the specific peer CIDR and the same target → Save changes.',
        ja: 'VPC コンソール → ルートテーブル → 対象のテーブルを選択 → ルート → ルートを編集 → ピアリング接続（pcx-…）を宛先とする広いルートを削除 → ピア側の具体的な CIDR と同じターゲットでルートを追加 → 変更を保存。',
      },
      cli: 'aws ec2 delete-route --route-table-id <RTB_ID> --destination-cidr-block <BROAD_CIDR>\naws ec2 create-route --route-table-id <RTB_ID> --destination-cidr-block <PEER_SUBNET_CIDR> --vpc-peering-connection-id <PCX_ID>',
      cloudformation:
        'Type: AWS::EC2::Route\nProperties:\n  RouteTableId: !Ref RouteTable\n  DestinationCidrBlock: <PEER_SUBNET_CIDR>   # not 0.0.0.0/0 or a /8\n  VpcPeeringConnectionId: !Ref Peering',
      terraform:
        'resource "aws_route" "to_peer" {\n  route_table_id            = aws_route_table.rt.id\n  destination_cidr_block    = "<PEER_SUBNET_CIDR>"  # not 0.0.0.0/0 or a /8\n  vpc_peering_connection_id = aws_vpc_peering_connection.p.id\n}',
      url: 'https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html',
    },
  },
  evaluate: ({ props, params }) => {
    const minV4 = Number(params.minIpv4PrefixLength);
    const minV6 = Number(params.minIpv6PrefixLength);
    if (!Number.isInteger(minV4) || minV4 < 0 || minV4 > 32 || !Number.isInteger(minV6) || minV6 < 0 || minV6 > 128) {
      return error(
        `invalid parameters minIpv4PrefixLength=${params.minIpv4PrefixLength}, minIpv6PrefixLength=${params.minIpv6PrefixLength}`,
      );
    }
    const broad: Array<{ path: string; text: string }> = [];
    const unresolved: string[] = [];
    const prefixLists: string[] = [];
    let peering = 0;
    (props.Routes ?? []).forEach((route, i) => {
      const path = `Routes.${i}`;
      if (isUnknown(route)) {
        unresolved.push(path);
        return;
      }
      if (route.VpcPeeringConnectionId === undefined) return;
      peering++;
      const target = isUnknown(route.VpcPeeringConnectionId) ? 'a peering connection' : route.VpcPeeringConnectionId;
      const v4: unknown = route.DestinationCidrBlock;
      const v6: unknown = route.DestinationIpv6CidrBlock;
      if (isUnknown(v4) || isUnknown(v6) || isUnknown(route.DestinationPrefixListId)) {
        unresolved.push(path);
        return;
      }
      for (const [cidr, min] of [
        [v4, minV4],
        [v6, minV6],
      ] as const) {
        if (typeof cidr !== 'string') continue;
        const len = prefixLength(cidr);
        if (len === undefined) unresolved.push(path);
        else if (isWorldCidr(cidr) || len < min) broad.push({ path, text: `${cidr} → ${target}` });
      }
      if (typeof route.DestinationPrefixListId === 'string' && v4 === undefined && v6 === undefined) {
        prefixLists.push(`${path} (${route.DestinationPrefixListId} → ${target})`);
      }
    });
    if (broad.length > 0) {
      const list = broad.map((b) => b.text).join(', ');
      return fail(broad[0]!.path, {
        en: `Peering routes broader than /${minV4} (IPv4) or /${minV6} (IPv6): ${list}`,
        ja: `/${minV4}（IPv4）または /${minV6}（IPv6）より広いピアリングのルートがある: ${list}`,
      });
    }
    if (unresolved.length > 0) return error(`unresolved or malformed route destination at ${unresolved[0]}`);
    if (prefixLists.length > 0) {
      return error(`peering route to a prefix list, whose entries are not collected: ${prefixLists.join(', ')}`);
    }
    if (peering === 0) return notApplicable();
    return pass({
      en: `${peering} peering route(s), each /${minV4} (IPv4) or /${minV6} (IPv6) or narrower`,
      ja: `ピアリングのルート ${peering} 件はいずれも、IPv4 は /${minV4}、IPv6 は /${minV6} と同じかそれより狭い範囲に限定されている`,
    });
  },
  fixtures: {
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
    live: {
      pass: [
        {
          props: {
            ...table,
            Routes: [
              local,
              igw,
              peer({ DestinationCidrBlock: '10.20.1.0/24' }),
              peer({ DestinationCidrBlock: '10.20.2.0/24' }),
              peer({ DestinationIpv6CidrBlock: '2600:1f18:4a3:6900::/56' }),
            ],
          },
        },
        // A whole peer VPC (/16) is the broadest allowed by default.
        { props: { ...table, Routes: [local, peer({ DestinationCidrBlock: '10.20.0.0/16' })] } },
      ],
      fail: [
        // The default route goes through the peering connection.
        { props: { ...table, Routes: [local, peer({ DestinationCidrBlock: '0.0.0.0/0' })] } },
        // A /8 covers far more than any peer VPC, and ::/0 even for a blackhole (pending) route.
        {
          props: {
            ...table,
            Routes: [
              local,
              igw,
              peer({ DestinationCidrBlock: '10.0.0.0/8' }),
              peer({ DestinationIpv6CidrBlock: '::/0' }, 'blackhole'),
            ],
          },
        },
        // An organisation that wants subnet-level routes only.
        {
          props: { ...table, Routes: [local, peer({ DestinationCidrBlock: '10.20.0.0/16' })] },
          params: { minIpv4PrefixLength: 24 },
        },
      ],
      error: [
        { props: { ...table }, gaps: { Routes: 'UnauthorizedOperation: ec2:DescribeRouteTables' } },
        { props: { ...table, Routes: [local, peer({ DestinationPrefixListId: 'pl-0123456789abcdef0' })] } },
        {
          props: {
            ...table,
            Routes: [local, { DestinationCidrBlock: { $unknown: 'Ref PeerCidr' }, VpcPeeringConnectionId: pcx }],
          },
        },
      ],
      notApplicable: [{ props: { ...table, Routes: [local, igw] } }, { props: { ...table, Routes: [local] } }],
    },
  },
});
