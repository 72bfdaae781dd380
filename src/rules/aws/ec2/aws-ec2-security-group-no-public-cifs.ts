import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { ipPermission } from '../lib/fixture-shapes.js';
import { describeOpenings, securityGroupPublicIngress } from '../lib/network.js';

const sg = { GroupId: 'sg-0123456789abcdef0', GroupName: 'file-share', VpcId: 'vpc-0a1b2c3d', OwnerId: '111122223333' };
const allEgress = [
  { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
];
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
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 203.0.113.0/24
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
          FromPort: 445
          ToPort: 445
          CidrIp: 0.0.0.0/0
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
      CidrIp: 0.0.0.0/0
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
          FromPort: 445
          ToPort: 445
          CidrIp: !Ref AdminCidr
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
  from_port         = 400
  to_port           = 500
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`,
    `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "0.0.0.0/0"
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
    from_port   = 445
    to_port     = 445
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-security-group-no-public-cifs',
  resourceType: 'aws.ec2.security_group',
  category: 'network',
  severity: 'high',
  needs: ['IpPermissions'],
  text: {
    title: {
      en: 'No security group allows ingress from the internet to CIFS/SMB (TCP 445)',
      ja: 'インターネットから CIFS/SMB（TCP 445）への受信を許可するセキュリティグループがない',
    },
    description: {
      en: 'Checks that no inbound rule of the security group lets 0.0.0.0/0 or ::/0 reach TCP port 445, whether by a rule for 445, a port range that contains it, or an all-traffic rule (protocol -1).',
      ja: 'セキュリティグループのインバウンドルールで、0.0.0.0/0 または ::/0 から TCP ポート 445 に到達できるもの（445 のルール、445 を含むポート範囲、すべての通信（プロトコル -1）のルール）がないことを確認する。',
    },
    rationale: {
      en: 'SMB exposed to the internet is a favourite target of worms and ransomware (EternalBlue/WannaCry) and of password spraying against file shares. File sharing should only be reachable from trusted networks.',
      ja: 'インターネットに公開された SMB は、ワームやランサムウェア（EternalBlue/WannaCry）や、ファイル共有へのパスワードスプレー攻撃の格好の標的になる。ファイル共有には信頼できるネットワークからのみ到達できるようにする。',
    },
    remediation: {
      text: {
        en: 'Remove the inbound rules that open TCP 445 to 0.0.0.0/0 or ::/0, and allow only the CIDRs or security groups of the clients that need the share (or use a VPN).',
        ja: '0.0.0.0/0 または ::/0 に TCP 445 を開放しているインバウンドルールを削除し、共有が必要なクライアントの CIDR またはセキュリティグループのみを許可する（または VPN を使う）。',
      },
      console: {
        en: 'EC2 console → Network & Security → Security Groups → select the group → Inbound rules → Edit inbound rules → delete or narrow the rule whose source is 0.0.0.0/0 or ::/0 → Save rules.',
        ja: 'EC2 コンソール → ネットワーク & セキュリティ → セキュリティグループ → 対象のグループを選択 → インバウンドルール → インバウンドのルールを編集 → ソースが 0.0.0.0/0 または ::/0 のルールを削除または限定 → ルールを保存。',
      },
      cli: "aws ec2 revoke-security-group-ingress --group-id <SG_ID> --protocol tcp --port 445 --cidr 0.0.0.0/0\naws ec2 revoke-security-group-ingress --group-id <SG_ID> --ip-permissions 'IpProtocol=tcp,FromPort=445,ToPort=445,Ipv6Ranges=[{CidrIpv6=::/0}]'\naws ec2 authorize-security-group-ingress --group-id <SG_ID> --protocol tcp --port 445 --cidr <TRUSTED_CIDR>",
      cloudformation:
        'SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 445\n    ToPort: 445\n    CidrIp: <TRUSTED_CIDR>   # not 0.0.0.0/0',
      terraform:
        'resource "aws_vpc_security_group_ingress_rule" "smb" {\n  security_group_id = aws_security_group.sg.id\n  ip_protocol       = "tcp"\n  from_port         = 445\n  to_port           = 445\n  cidr_ipv4         = "<TRUSTED_CIDR>"  # not 0.0.0.0/0\n}',
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    },
  },
  evaluate: ({ props }) => {
    const scan = securityGroupPublicIngress(props.IpPermissions ?? [], {
      ports: [445],
      transports: ['tcp'],
      families: ['ipv4', 'ipv6'],
    });
    if (scan.open.length > 0) {
      const d = describeOpenings(scan.open);
      return fail(scan.open[0]!.path, {
        en: `TCP 445 (SMB) is open to the internet: ${d.en}`,
        ja: `TCP 445（SMB）がインターネットに公開されている: ${d.ja}`,
      });
    }
    if (scan.unresolved.length > 0) return error(`unresolved value at ${scan.unresolved[0]}`);
    return pass();
  },
  fixtures: {
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
    live: {
      pass: [
        {
          // 445 only from the VPC; HTTPS from anywhere; self-reference for all traffic; UDP 445 and ICMP are not SMB;
          // egress to anywhere is not judged.
          props: {
            ...sg,
            IpPermissions: [
              perm('tcp', 445, 445, ['10.0.0.0/16']),
              perm('tcp', 443, 443, ['0.0.0.0/0'], ['::/0']),
              {
                IpProtocol: '-1',
                IpRanges: [],
                Ipv6Ranges: [],
                PrefixListIds: [],
                UserIdGroupPairs: [{ GroupId: 'sg-0123456789abcdef0', UserId: '111122223333' }],
              },
              perm('udp', 445, 445, ['0.0.0.0/0']),
              perm('icmp', -1, -1, ['0.0.0.0/0']),
            ],
            IpPermissionsEgress: allEgress,
          },
        },
        { props: { ...sg, IpPermissions: [], IpPermissionsEgress: allEgress } },
      ],
      fail: [
        { props: { ...sg, IpPermissions: [perm('tcp', 445, 445, ['0.0.0.0/0'])], IpPermissionsEgress: allEgress } },
        { props: { ...sg, IpPermissions: [perm('-1', undefined, undefined, [], ['::/0'])], IpPermissionsEgress: [] } },
        {
          props: {
            ...sg,
            IpPermissions: [perm('tcp', 80, 80, ['0.0.0.0/0']), perm('6', 0, 65535, ['192.168.0.0/16', '0.0.0.0/0'])],
            IpPermissionsEgress: allEgress,
          },
        },
        { props: { ...sg, IpPermissions: [perm('tcp', 400, 500, [], ['::/0'])], IpPermissionsEgress: allEgress } },
      ],
      error: [
        { props: { ...sg, IpPermissionsEgress: allEgress } },
        {
          props: {
            ...sg,
            IpPermissions: [
              {
                IpProtocol: 'tcp',
                FromPort: 445,
                ToPort: 445,
                IpRanges: [{ CidrIp: { $unknown: 'Ref AllowedCidr' } }],
              },
            ],
            IpPermissionsEgress: allEgress,
          },
        },
      ],
    },
  },
});
