// Network, compute and edge mappers: joins, AWS creation defaults, locations (the rules' IaC fixtures cover verdicts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPath } from '../src/core/path.js';
import { isUnknown, type Resource } from '../src/core/resource.js';
import type { IacFormat } from '../src/core/rule.js';
import { locate, toResources } from '../src/iac/to-resources.js';
import { adaptFixture } from '../src/testing/iac-fixture-runner.js';

async function adapt(format: IacFormat, text: string) {
  const { doc } = await adaptFixture(format, text);
  assert.deepEqual(
    doc.problems.filter((p) => p.level === 'error'),
    [],
  );
  const problems: string[] = [];
  const out = toResources([doc], (_f, _l, m) => problems.push(m));
  assert.deepEqual(problems, []);
  return out;
}
const one = (resources: Resource[], type: string): Resource => {
  const found = resources.filter((r) => r.type === type);
  assert.equal(found.length, 1, `one ${type}`);
  return found[0]!;
};
const prop = (r: Resource, path: string): unknown => getPath(r.props, path);

describe('network mappers', () => {
  it('CloudFormation security group: inline and joined ingress, the default allow-all egress, locations', async () => {
    const { resources, unmapped, blocksOf } = await adapt(
      'cloudformation',
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
  Ssh:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt WebSg.GroupId
      IpProtocol: 6
      FromPort: 22
      ToPort: 22
      CidrIpv6: ::/0
`,
    );
    const sg = one(resources, 'aws.ec2.security_group');
    assert.equal(unmapped.size, 0);
    assert.deepEqual(prop(sg, 'IpPermissions.1'), {
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [],
      Ipv6Ranges: [{ CidrIpv6: '::/0' }],
      UserIdGroupPairs: [],
      PrefixListIds: [],
    });
    assert.deepEqual(prop(sg, 'IpPermissionsEgress.0.IpRanges'), [{ CidrIp: '0.0.0.0/0' }]);
    assert.equal(locate(sg, 'IpPermissions.1.Ipv6Ranges.0')?.line, 12);
    assert.equal(locate(sg, 'IpPermissions.0')?.line, 8);
    assert.equal(blocksOf.get(sg.uid)?.length, 2);
  });

  it('Terraform security group: declared egress only; aws_security_group_rule and the vpc rule resources joined', async () => {
    const { resources, unmapped } = await adapt(
      'terraform',
      `resource "aws_security_group" "web" {
  name = "web"
}

resource "aws_security_group_rule" "out" {
  type              = "egress"
  security_group_id = aws_security_group.web.id
  from_port         = 0
  to_port           = 0
  protocol          = "all"
  cidr_blocks       = ["10.0.0.0/8"]
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = "443"
  to_port           = "443"
  cidr_ipv4         = "0.0.0.0/0"
}
`,
    );
    const sg = one(resources, 'aws.ec2.security_group');
    assert.equal(unmapped.size, 0);
    assert.equal(prop(sg, 'GroupName'), 'web');
    assert.equal((prop(sg, 'IpPermissionsEgress') as unknown[]).length, 1);
    assert.equal(prop(sg, 'IpPermissionsEgress.0.IpProtocol'), '-1');
    assert.equal(prop(sg, 'IpPermissionsEgress.0.FromPort'), undefined);
    assert.equal(prop(sg, 'IpPermissions.0.FromPort'), 443);
    assert.equal(locate(sg, 'IpPermissions.0')?.line, 14);
  });

  it('network ACL entries end with the default deny entries; protocol names become numbers', async () => {
    const { resources } = await adapt(
      'terraform',
      `resource "aws_network_acl" "a" {
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    protocol   = "udp"
    rule_no    = 100
    action     = "ALLOW"
    cidr_block = "0.0.0.0/0"
    from_port  = 53
    to_port    = 53
  }
}
`,
    );
    const acl = one(resources, 'aws.ec2.network_acl');
    assert.deepEqual(prop(acl, 'Entries.0'), {
      RuleNumber: 100,
      Protocol: '17',
      RuleAction: 'allow',
      Egress: false,
      CidrBlock: '0.0.0.0/0',
      PortRange: { From: 53, To: 53 },
    });
    assert.equal(prop(acl, 'Entries.1.RuleNumber'), 32767);
  });

  it('load balancer: attribute defaults, Terraform booleans as the API strings, the WAF association joined', async () => {
    const { resources, unmapped } = await adapt(
      'terraform',
      `resource "aws_lb" "web" {
  name                       = "web"
  enable_deletion_protection = true
}

resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_lb.web.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/web/abc"
}
`,
    );
    const lb = one(resources, 'aws.elbv2.load_balancer');
    assert.equal(unmapped.size, 0);
    const attrs = new Map(
      (prop(lb, 'Attributes') as Array<{ Key: string; Value: string }>).map((a) => [a.Key, a.Value]),
    );
    assert.equal(attrs.get('deletion_protection.enabled'), 'true');
    assert.equal(attrs.get('routing.http.drop_invalid_header_fields.enabled'), 'false');
    assert.equal(prop(lb, 'Type'), 'application');
    assert.equal(prop(lb, 'Scheme'), 'internet-facing');
    assert.equal(prop(lb, 'WebACLArn'), 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/web/abc');
  });

  it('Lambda permissions become the resource policy lambda:AddPermission would write', async () => {
    const { resources, unmapped } = await adapt(
      'cloudformation',
      `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code:
        ZipFile: "def handler(e, c): pass"
  FromBucket:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !GetAtt Fn.Arn
      Action: lambda:InvokeFunction
      Principal: s3.amazonaws.com
      SourceAccount: '111122223333'
`,
    );
    const fn = one(resources, 'aws.lambda.function');
    assert.equal(unmapped.size, 0);
    assert.deepEqual(prop(fn, 'Policy.Statement.0.Principal'), { Service: 's3.amazonaws.com' });
    assert.deepEqual(prop(fn, 'Policy.Statement.0.Condition'), {
      StringEquals: { 'AWS:SourceAccount': '111122223333' },
    });
    assert.equal(prop(fn, 'FunctionUrlConfig'), null);
  });

  it('instance: no metadata options is unknown; a subnet in the document decides the public IP', async () => {
    const { resources } = await adapt(
      'terraform',
      `resource "aws_subnet" "a" {
  vpc_id     = "vpc-0a1b2c3d"
  cidr_block = "10.0.0.0/24"
}

resource "aws_instance" "i" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.a.id
}
`,
    );
    const instance = one(resources, 'aws.ec2.instance');
    assert.ok(isUnknown(prop(instance, 'MetadataOptions')));
    assert.equal(prop(instance, 'PublicIpAddress'), undefined);
    assert.equal(prop(one(resources, 'aws.ec2.subnet'), 'MapPublicIpOnLaunch'), false);
  });
});
