import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const base = { GroupId: 'sg-0d1e2f3a4b5c6d7e8', GroupName: 'default', VpcId: 'vpc-0a1b2c3d', OwnerId: '111122223333' };
const selfRef = {
  IpProtocol: '-1',
  IpRanges: [],
  Ipv6Ranges: [],
  PrefixListIds: [],
  UserIdGroupPairs: [{ GroupId: 'sg-0d1e2f3a4b5c6d7e8', UserId: '111122223333' }],
};
const anyEgress = {
  IpProtocol: '-1',
  IpRanges: [{ CidrIp: '0.0.0.0/0' }],
  Ipv6Ranges: [],
  PrefixListIds: [],
  UserIdGroupPairs: [],
};

// Only Terraform can adopt a VPC's default security group (aws_default_security_group); CloudFormation cannot.
const TERRAFORM = {
  pass: [
    `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}
`,
  ],
  fail: [
    `resource "aws_default_security_group" "default" {
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-default-security-group-restricts-all',
  resourceType: 'aws.ec2.security_group',
  category: 'network',
  severity: 'medium',
  appliesTo: { GroupName: 'default' },
  needs: ['IpPermissions', 'IpPermissionsEgress'],
  text: {
    title: {
      en: 'The default security group of every VPC restricts all traffic',
      ja: 'すべての VPC のデフォルトセキュリティグループがすべての通信を制限している',
    },
    description: {
      en: 'Checks that the default security group of the VPC has no inbound and no outbound rules.',
      ja: 'VPC のデフォルトセキュリティグループに、インバウンドルールとアウトバウンドルールが 1 つもないことを確認する。',
    },
    rationale: {
      en: 'Resources launched without an explicit security group land in the default one, which by default lets its members talk to each other and reach anywhere. Emptying it makes such mistakes fail closed and pushes teams to purpose-built, least-privilege groups.',
      ja: 'セキュリティグループを指定せずに起動したリソースはデフォルトセキュリティグループに入り、既定ではメンバー同士の通信とあらゆる宛先への送信が許可される。ルールを空にしておけば、こうした指定漏れは通信できない側に倒れ、用途ごとの最小権限のグループを使うよう促せる。',
    },
    remediation: {
      text: {
        en: 'Move resources to purpose-built security groups, then delete every inbound and outbound rule of the default security group (it cannot be deleted itself).',
        ja: 'リソースを用途ごとのセキュリティグループに移したうえで、デフォルトセキュリティグループのインバウンドルールとアウトバウンドルールをすべて削除する（グループ自体は削除できない）。',
      },
      console: {
        en: 'EC2 console → Network & Security → Security Groups → select the group named "default" of the VPC → Inbound rules → Edit inbound rules → Delete all → Save rules; repeat on Outbound rules.',
        ja: 'EC2 コンソール → ネットワーク & セキュリティ → セキュリティグループ → 対象 VPC の「default」グループを選択 → インバウンドルール → インバウンドのルールを編集 → すべて削除 → ルールを保存。アウトバウンドルールも同様にする。',
      },
      cli: 'aws ec2 describe-security-group-rules --filters Name=group-id,Values=<SG_ID> --query "SecurityGroupRules[].[SecurityGroupRuleId,IsEgress]"\naws ec2 revoke-security-group-ingress --group-id <SG_ID> --security-group-rule-ids <RULE_IDS>\naws ec2 revoke-security-group-egress --group-id <SG_ID> --security-group-rule-ids <RULE_IDS>',
      terraform:
        '# Adopts the default security group and removes all its rules (no ingress/egress blocks).\nresource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n}',
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
    },
  },
  evaluate: ({ props }) => {
    const inbound = props.IpPermissions ?? [];
    const outbound = props.IpPermissionsEgress ?? [];
    if (inbound.length === 0 && outbound.length === 0) return pass();
    return fail(inbound.length > 0 ? 'IpPermissions' : 'IpPermissionsEgress', {
      en: `The default security group ${props.GroupId ?? ''} of ${props.VpcId ?? 'the VPC'} has ${inbound.length} inbound and ${outbound.length} outbound rule(s)`,
      ja: `${props.VpcId ?? 'VPC'} のデフォルトセキュリティグループ ${props.GroupId ?? ''} にインバウンドルールが ${inbound.length} 件、アウトバウンドルールが ${outbound.length} 件ある`,
    });
  },
  fsbp: ['EC2.2'],
  iac: ['terraform'],
  fixtures: {
    terraform: TERRAFORM,
    live: {
      pass: [{ props: { ...base, IpPermissions: [], IpPermissionsEgress: [] } }],
      fail: [
        // As AWS creates it: members may talk to each other, and egress goes anywhere.
        { props: { ...base, IpPermissions: [selfRef], IpPermissionsEgress: [anyEgress] } },
        { props: { ...base, IpPermissions: [], IpPermissionsEgress: [anyEgress] } },
      ],
      error: [
        { props: { ...base, IpPermissions: [] } },
        { props: { ...base, IpPermissions: { $unknown: 'dynamic block' }, IpPermissionsEgress: [] } },
      ],
      notApplicable: [
        {
          props: {
            ...base,
            GroupId: 'sg-0123456789abcdef0',
            GroupName: 'web',
            IpPermissions: [selfRef],
            IpPermissionsEgress: [anyEgress],
          },
        },
      ],
    },
  },
});
