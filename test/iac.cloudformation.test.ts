import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUnknown } from '../src/core/resource.js';
import { loadCloudFormation } from '../src/iac/cloudformation/index.js';
import type { IacBlock, IacDocument } from '../src/iac/model.js';
import { memoryIo } from '../src/testing/iac-fixture-runner.js';

const load = (text: string, files: Record<string, string> = {}, parameters?: Record<string, string>): IacDocument => {
  const doc = loadCloudFormation('template.yaml', memoryIo({ 'template.yaml': text, ...files }), { parameters });
  assert.ok(doc, 'the text is a template');
  return doc;
};

const block = (doc: IacDocument, address: string): IacBlock => {
  const b = doc.blocks.find((x) => x.address === address);
  assert.ok(b, `block ${address} (have ${doc.blocks.map((x) => x.address).join(', ')})`);
  return b;
};

/** A one-resource template whose Properties are `props` (indented by the caller at 6 spaces). */
const one = (props: string, head = ''): string =>
  `AWSTemplateFormatVersion: '2010-09-09'\n${head}Resources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n${props}`;

const propsOf = (text: string, files?: Record<string, string>): Record<string, unknown> =>
  block(load(text, files), 'R').props;

const why = (v: unknown): string => {
  assert.ok(isUnknown(v), `expected Unknown, got ${JSON.stringify(v)}`);
  return v.$unknown;
};

const PARAMS = `Parameters:
  Env:
    Type: String
    Default: prod
  Nothing:
    Type: String
  Port:
    Type: Number
    Default: 8080
  Zones:
    Type: CommaDelimitedList
    Default: 'a, b,c'
  Ids:
    Type: List<AWS::EC2::Subnet::Id>
    Default: subnet-1,subnet-2
  Secret:
    Type: String
    NoEcho: true
    Default: hunter2
  Latest:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami
`;

describe('CloudFormation adapter: short forms', () => {
  const p = propsOf(
    one(
      `      A: !Ref Env
      B: !Sub '\${Env}-x'
      C: !Sub ['\${X}-\${Env}', { X: !Ref Port }]
      D: !GetAtt Other.Arn
      E: !GetAtt [Other, Arn]
      F: !If [IsProd, yes-prod, no-prod]
      G: !Join [':', [a, b, !Ref Env]]
      H: !Select [1, [x, y, z]]
      I: !Split [',', 'a,b']
      J: !FindInMap [Sizes, !Ref Env, Mem]
      K: !ImportValue Shared-Vpc
      L: !Equals [a, a]
      M: !And [!Equals [a, a], !Condition IsProd]
      N: !Or [!Equals [a, b], !Equals [1, '1']]
      O: !Not [!Equals [a, b]]
      P: !Base64 hello
      Q: !Cidr [10.0.0.0/16, 3, 8]
      S: !GetAZs ''
      T: !Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }
      U: !Length [a, b, c]
      V: !ToJsonString { k: !Ref Env, r: !Ref Other }
  Other:
    Type: AWS::KMS::Key
`,
      `${PARAMS}Mappings:\n  Sizes:\n    prod:\n      Mem: 512\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n`,
    ),
  );
  it('Ref, Sub (scalar and sequence), GetAtt (dotted and sequence)', () => {
    assert.equal(p.A, 'prod');
    assert.equal(p.B, 'prod-x');
    assert.equal(p.C, '8080-prod');
    assert.deepEqual(p.D, { $ref: 'Other', attr: 'Arn' });
    assert.deepEqual(p.E, { $ref: 'Other', attr: 'Arn' });
  });
  it('If, Join, Select, Split, FindInMap, ImportValue', () => {
    assert.equal(p.F, 'yes-prod');
    assert.equal(p.G, 'a:b:prod');
    assert.equal(p.H, 'y');
    assert.deepEqual(p.I, ['a', 'b']);
    assert.equal(p.J, 512);
    assert.match(why(p.K), /Shared-Vpc/);
  });
  it('Equals, And, Or, Not, Condition', () => {
    assert.equal(p.L, true);
    assert.equal(p.M, true);
    assert.equal(p.N, true);
    assert.equal(p.O, true);
  });
  it('Base64, Cidr, GetAZs, Transform, Length, ToJsonString', () => {
    assert.equal(p.P, Buffer.from('hello').toString('base64'));
    assert.deepEqual(p.Q, ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
    assert.match(why(p.S), /Availability Zones/);
    assert.match(why(p.T), /AWS::Include/);
    assert.equal(p.U, 3);
    assert.equal(p.V, `{"k":"prod","r":"\${Other}"}`);
  });
  it('long forms in JSON-style flow mappings', () => {
    const q = propsOf(
      one(
        `      A: { "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":s3:::b"]] }\n      B: { "Fn::GetAtt": "Other.Arn" }\n  Other:\n    Type: AWS::S3::Bucket\n`,
      ),
    );
    assert.equal(q.A, 'arn:aws:s3:::b');
    assert.deepEqual(q.B, { $ref: 'Other', attr: 'Arn' });
  });
  it('Cidr on IPv6', () => {
    const q = propsOf(one(`      A: !Cidr ['2001:db8::/56', 2, 64]\n`));
    assert.deepEqual(q.A, ['2001:db8::/64', '2001:db8:0:1::/64']);
  });
});

describe('CloudFormation adapter: Fn::Sub', () => {
  const p = propsOf(
    one(
      `      A: !Sub 'arn:\${AWS::Partition}:s3:::\${Bucket}/*'
      B: !Sub '\${Bucket.Arn}/logs'
      C: !Sub 'literal \${!NotAVar} and \${Env}'
      D: !Sub 'in \${AWS::Region}'
      E: !Sub '\${Nothing}-x'
      F: !Sub ['\${Name}.\${AWS::URLSuffix}', { Name: !Select [0, !Ref Zones] }]
      G: !Sub 'https://\${Bucket.RegionalDomainName}'
  Bucket:
    Type: AWS::S3::Bucket
`,
      PARAMS,
    ),
  );
  it(`renders resource references and keeps \${!Literal}`, () => {
    assert.equal(p.A, `arn:aws:s3:::\${Bucket}/*`);
    assert.equal(p.B, `\${Bucket.Arn}/logs`);
    assert.equal(p.C, `literal \${NotAVar} and prod`);
    assert.equal(p.G, `https://\${Bucket.RegionalDomainName}`);
  });
  it('an Unknown piece makes the whole string Unknown; a deploy-time pseudo parameter renders as its name', () => {
    assert.equal(p.D, 'in ${AWS::Region}');
    assert.equal(why(p.E), 'parameter Nothing has no default');
  });
  it('the variable map form', () => {
    assert.equal(p.F, 'a.amazonaws.com');
  });
});

describe('CloudFormation adapter: parameters and pseudo parameters', () => {
  const doc = load(
    one(
      `      Env: !Ref Env
      Nothing: !Ref Nothing
      Port: !Ref Port
      Zones: !Ref Zones
      Ids: !Ref Ids
      Latest: !Ref Latest
      Partition: !Ref AWS::Partition
      Account: !Ref AWS::AccountId
      Stack: !Ref AWS::StackName
      Arns: !Ref AWS::NotificationARNs
`,
      PARAMS,
    ),
  );
  const p = block(doc, 'R').props;
  it('defaults, lists and numbers as written', () => {
    assert.equal(p.Env, 'prod');
    assert.equal(p.Port, 8080);
    assert.deepEqual(p.Zones, ['a', 'b', 'c']);
    assert.deepEqual(p.Ids, ['subnet-1', 'subnet-2']);
  });
  it('a parameter without default, an SSM parameter', () => {
    assert.equal(why(p.Nothing), 'parameter Nothing has no default');
    assert.match(why(p.Latest), /SSM/);
  });
  it('pseudo parameters', () => {
    assert.equal(p.Partition, 'aws');
    assert.match(why(p.Account), /AWS::AccountId/);
    assert.match(why(p.Stack), /AWS::StackName/);
    assert.match(why(p.Arns), /AWS::NotificationARNs/);
  });
  it('inputs with line and NoEcho', () => {
    const secret = doc.inputs?.find((i) => i.name === 'Secret');
    assert.deepEqual(secret, { name: 'Secret', value: 'hunter2', file: 'template.yaml', line: 17, noEcho: true });
    assert.equal(doc.inputs?.length, 7);
  });
  it('overrides win over defaults and fill parameters without one', () => {
    const o = load(
      one(`      Env: !Ref Env\n      Nothing: !Ref Nothing\n      Port: !Ref Port\n`, PARAMS),
      {},
      {
        Env: 'dev',
        Nothing: 'given',
        Port: '443',
      },
    );
    assert.deepEqual(block(o, 'R').props, { Env: 'dev', Nothing: 'given', Port: 443 });
  });
});

describe('CloudFormation adapter: conditions and AWS::NoValue', () => {
  const head = `Parameters:
  Env:
    Type: String
    Default: dev
  Mode:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Unsure: !Equals [!Ref Mode, strict]
  UnsureOrDev: !Or [!Condition Unsure, !Condition IsDev]
  UnsureAndProd: !And [!Condition Unsure, !Condition IsProd]
`;
  const doc = load(
    `${head}Resources:
  ProdOnly:
    Type: AWS::S3::Bucket
    Condition: IsProd
  Maybe:
    Type: AWS::S3::Bucket
    Condition: Unsure
  R:
    Type: AWS::SNS::Topic
    Properties:
      A: !If [Unsure, x, y]
      B: !If [Unsure, same, same]
      C: !If [IsProd, !GetAtt ProdOnly.Arn, !Ref AWS::NoValue]
      D: [a, !Ref AWS::NoValue, !If [IsDev, c, !Ref AWS::NoValue], d]
      E: !If [UnsureOrDev, t, f]
      F: !If [UnsureAndProd, t, f]
      G: !Ref ProdOnly
`,
  );
  it('a resource whose condition is false is left out; an unknown condition keeps it', () => {
    assert.equal(
      doc.blocks.find((b) => b.address === 'ProdOnly'),
      undefined,
    );
    assert.ok(block(doc, 'Maybe'));
  });
  it('Fn::If on an unknown condition is Unknown unless both branches agree', () => {
    const p = block(doc, 'R').props;
    assert.match(why(p.A), /condition Unsure is unknown: parameter Mode has no default/);
    assert.equal(p.B, 'same');
    assert.equal(p.E, 't');
    assert.equal(p.F, 'f');
  });
  it('AWS::NoValue removes keys and list elements (and their lines)', () => {
    const b = block(doc, 'R');
    assert.equal('C' in b.props, false);
    assert.deepEqual(b.props.D, ['a', 'c', 'd']);
    assert.equal(b.lines.C, undefined);
    assert.equal(b.lines['D.2'], b.lines.D);
  });
  it('a Ref to a resource that is not created is Unknown', () => {
    assert.match(why(block(doc, 'R').props.G), /not created/);
  });
});

describe('CloudFormation adapter: Fn::FindInMap', () => {
  const p = propsOf(
    one(
      `      A: !FindInMap [Regions, eu, Ami]
      B: !FindInMap [Regions, !Ref AWS::Region, Ami]
      C: !FindInMap [Regions, us, Ami, { DefaultValue: ami-default }]
      D: !FindInMap [Regions, eu, Zones]
`,
      `Transform: AWS::LanguageExtensions\nMappings:\n  Regions:\n    eu:\n      Ami: ami-123\n      Zones: [a, b]\n`,
    ),
  );
  it('finds values, Unknown keys and default values', () => {
    assert.equal(p.A, 'ami-123');
    assert.match(why(p.B), /AWS::Region/);
    assert.equal(p.C, 'ami-default');
    assert.deepEqual(p.D, ['a', 'b']);
  });
});

describe('CloudFormation adapter: lines', () => {
  const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
`;
  const b = block(load(text), 'Logs');
  it('block line is the logical id line; every nested prop path has its line', () => {
    assert.equal(b.line, 3);
    assert.equal(b.lines.BucketEncryption, 6);
    assert.equal(b.lines['BucketEncryption.ServerSideEncryptionConfiguration'], 7);
    assert.equal(b.lines['BucketEncryption.ServerSideEncryptionConfiguration.0'], 8);
    assert.equal(b.lines['BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault'], 8);
    assert.equal(
      b.lines['BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm'],
      9,
    );
    assert.equal(b.lines['PublicAccessBlockConfiguration.BlockPublicAcls'], 11);
  });
});

describe('CloudFormation adapter: detection and malformed input', () => {
  it('non-templates return undefined', () => {
    const others: Record<string, string> = {
      'package.json': '{ "name": "x", "version": "1.0.0", "scripts": { "test": "node --test" } }',
      'deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
      'multi.yaml': 'apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: ConfigMap\n',
      'docker-compose.yml': 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n',
      'openapi.yaml': 'openapi: 3.0.0\ninfo:\n  title: x\npaths: {}\ncomponents:\n  schemas: {}\n',
      'broken.json': '{ "name": ',
      'empty.yaml': '',
      'gitlab.yml': 'job:\n  script:\n    - !reference [.setup, script]\n',
    };
    const io = memoryIo(others);
    for (const file of Object.keys(others)) assert.equal(loadCloudFormation(file, io), undefined, file);
  });
  it('malformed YAML that looks like a template: a problem with line and column, no blocks', () => {
    const doc = load(
      `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n   Properties: [\n`,
    );
    assert.equal(doc.blocks.length, 0);
    const [p] = doc.problems;
    assert.ok(p);
    assert.equal(p.level, 'error');
    assert.equal(p.file, 'template.yaml');
    assert.equal(typeof p.line, 'number');
    assert.equal(typeof p.column, 'number');
    assert.match(p.message, /YAML syntax error/);
  });
  it('malformed JSON template: line and column', () => {
    const text = '{\n  "Resources": {\n    "B": { "Type": "AWS::S3::Bucket" }\n    "C": {}\n  }\n}\n';
    const doc = loadCloudFormation('stack.template.json', memoryIo({ 'stack.template.json': text }));
    assert.ok(doc);
    const [p] = doc.problems;
    assert.ok(p);
    assert.deepEqual([p.line, p.column], [4, 5]);
    assert.match(p.message, /JSON syntax error: comma expected/);
  });
  it('resources without Type or with non-mapping Properties are problems; the others go on', () => {
    const doc = load(
      `Resources:\n  NoType:\n    Properties: {}\n  BadProps:\n    Type: AWS::S3::Bucket\n    Properties: [a]\n  Good:\n    Type: AWS::S3::Bucket\n`,
    );
    assert.deepEqual(
      doc.blocks.map((b) => b.address),
      ['Good'],
    );
    assert.deepEqual(
      doc.problems.map((p) => [p.line, p.message.split(':')[0]]),
      [
        [2, 'resource NoType has no Type; it is skipped'],
        [4, 'resource BadProps'],
      ],
    );
  });
});

describe('CloudFormation adapter: JSON (CDK) templates', () => {
  const text = `{
  "Resources": {
    "LogsBucket9C4D8843": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketEncryption": {
          "ServerSideEncryptionConfiguration": [
            { "ServerSideEncryptionByDefault": { "SSEAlgorithm": "aws:kms" } }
          ]
        },
        "BucketName": { "Fn::Join": ["-", ["logs", { "Ref": "AWS::AccountId" }]] }
      },
      "Metadata": { "aws:cdk:path": "App/Logs/Resource" }
    },
    "Policy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": { "Bucket": { "Ref": "LogsBucket9C4D8843" }, "PolicyDocument": "{\\"Statement\\":[]}" }
    }
  },
  "Parameters": { "BootstrapVersion": { "Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version" } }
}`;
  const doc = loadCloudFormation('cdk.out/App.template.json', memoryIo({ 'cdk.out/App.template.json': text }));
  it('adapts with lines', () => {
    assert.ok(doc);
    const b = block(doc, 'LogsBucket9C4D8843');
    assert.equal(b.line, 3);
    assert.equal(b.file, 'cdk.out/App.template.json');
    assert.equal(
      b.lines['BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm'],
      8,
    );
    assert.equal(b.lines.BucketName, 11);
    // Deploy-time pseudo parameters keep their place in a joined string (the name is known in shape, not value).
    assert.equal(b.props.BucketName, 'logs-${AWS::AccountId}');
    const policy = block(doc, 'Policy');
    assert.deepEqual(policy.props.Bucket, { $ref: 'LogsBucket9C4D8843' });
    assert.equal(policy.props.PolicyDocument, '{"Statement":[]}');
  });
});

describe('CloudFormation adapter: SAM', () => {
  const text = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Timeout: 30
    Tracing: Active
    Environment:
      Variables:
        STAGE: prod
    Layers: [arn:aws:lambda:us-east-1:123456789012:layer:base:1]
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      MemorySize: 256
      Timeout: 10
      KmsKeyArn: !GetAtt Key.Arn
      Environment:
        Variables:
          TABLE: !Ref Table
      Layers: [arn:aws:lambda:us-east-1:123456789012:layer:extra:2]
      Tags:
        team: web
      FunctionUrlConfig:
        AuthType: NONE
      Policies:
        - AmazonS3ReadOnlyAccess
        - Statement:
            - Effect: Allow
              Action: '*'
              Resource: '*'
        - SQSPollerPolicy:
            QueueName: q
        - !Ref Managed
  Managed:
    Type: AWS::IAM::ManagedPolicy
  WithRole:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/r
      InlineCode: print(1)
      Handler: index.handler
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      PrimaryKey:
        Name: pk
        Type: Number
      SSESpecification:
        SSEEnabled: true
  Key:
    Type: AWS::KMS::Key
`;
  const doc = load(text);
  it('a function becomes AWS::Lambda::Function with Globals applied', () => {
    const fn = block(doc, 'Api');
    assert.equal(fn.type, 'AWS::Lambda::Function');
    assert.equal(fn.props.Runtime, 'python3.12');
    assert.equal(fn.props.Timeout, 10);
    assert.equal(fn.props.MemorySize, 256);
    assert.deepEqual(fn.props.TracingConfig, { Mode: 'Active' });
    assert.deepEqual(fn.props.Environment, { Variables: { STAGE: 'prod', TABLE: { $ref: 'Table' } } });
    assert.deepEqual(fn.props.Layers, [
      'arn:aws:lambda:us-east-1:123456789012:layer:base:1',
      'arn:aws:lambda:us-east-1:123456789012:layer:extra:2',
    ]);
    assert.deepEqual(fn.props.KmsKeyArn, { $ref: 'Key', attr: 'Arn' });
    assert.deepEqual(fn.props.Tags, [
      { Key: 'team', Value: 'web' },
      { Key: 'lambda:createdBy', Value: 'SAM' },
    ]);
    assert.deepEqual(fn.props.Role, { $ref: 'ApiRole', attr: 'Arn' });
    assert.equal(fn.lines.Runtime, 5);
    assert.equal(fn.lines.TracingConfig, 7);
    assert.equal(fn.lines['Tags.0'], 25);
    assert.equal(fn.lines.MemorySize, 17);
  });
  it('a function URL makes AWS::Lambda::Url and its public permission', () => {
    const url = block(doc, 'ApiUrl');
    assert.equal(url.type, 'AWS::Lambda::Url');
    assert.deepEqual(url.props, { AuthType: 'NONE', TargetFunctionArn: { $ref: 'Api' } });
    assert.equal(url.line, 26);
    assert.equal(block(doc, 'ApiUrlPublicPermissions').props.Principal, '*');
  });
  it("without Role, the execution role SAM creates, with the function's Policies", () => {
    const role = block(doc, 'ApiRole');
    assert.equal(role.type, 'AWS::IAM::Role');
    assert.equal(role.line, 13);
    assert.deepEqual(role.props.ManagedPolicyArns, [
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess',
      'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      { $ref: 'Managed' },
    ]);
    assert.deepEqual(role.props.Policies, [
      {
        PolicyName: 'ApiRolePolicy1',
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      },
    ]);
    assert.equal(role.lines['Policies.0'], 30);
    assert.equal(role.lines['Policies.0.PolicyDocument.Statement.0.Action'], 32);
    assert.equal(role.lines['ManagedPolicyArns.2'], 29);
    assert.equal(doc.blocks.filter((b) => b.address === 'WithRoleRole').length, 0);
  });
  it('a given Role is kept', () => {
    const fn = block(doc, 'WithRole');
    assert.equal(fn.props.Role, 'arn:aws:iam::123456789012:role/r');
    assert.deepEqual(fn.props.Code, { ZipFile: 'print(1)' });
  });
  it('a SimpleTable becomes AWS::DynamoDB::Table', () => {
    const t = block(doc, 'Table');
    assert.equal(t.type, 'AWS::DynamoDB::Table');
    assert.deepEqual(t.props, {
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'N' }],
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
    });
    assert.equal(t.lines['SSESpecification.SSEEnabled'], 52);
  });
});

describe('CloudFormation adapter: nested stacks', () => {
  const parent = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    Default: prod
Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./stacks/network.yaml
      Parameters:
        Cidr: 10.1.0.0/16
        Stage: !Ref Env
        Topic: !Ref Alarm
  Alarm:
    Type: AWS::SNS::Topic
  Web:
    Type: AWS::EC2::Instance
    Properties:
      SubnetId: !GetAtt Network.Outputs.SubnetId
      SecurityGroupIds: [!GetAtt Network.Outputs.SgId]
      Tags:
        - Key: cidr
          Value: !GetAtt Network.Outputs.CidrOut
        - Key: missing
          Value: !GetAtt Network.Outputs.Nope
  Remote:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/bucket/x.yaml
  Gone:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: stacks/missing.yaml
`;
  const network = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Cidr:
    Type: String
  Stage:
    Type: String
  Topic:
    Type: String
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Ref Cidr
      Tags:
        - Key: stage
          Value: !Sub '\${Stage}-vpc'
        - Key: topic
          Value: !Ref Topic
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
  Sg:
    Type: AWS::EC2::SecurityGroup
Outputs:
  SubnetId:
    Value: !Ref Subnet
  SgId:
    Value: !GetAtt Sg.GroupId
  CidrOut:
    Value: !Ref Cidr
`;
  const doc = load(parent, { 'stacks/network.yaml': network });
  it('loads local nested stacks with parameters resolved in the parent', () => {
    const vpc = block(doc, 'Network.Vpc');
    assert.equal(vpc.file, 'stacks/network.yaml');
    assert.equal(vpc.line, 10);
    assert.equal(vpc.props.CidrBlock, '10.1.0.0/16');
    assert.deepEqual(vpc.props.Tags, [
      { Key: 'stage', Value: 'prod-vpc' },
      { Key: 'topic', Value: { $ref: 'Alarm' } },
    ]);
    assert.equal(vpc.lines['Tags.0.Value'], 16);
    assert.deepEqual(block(doc, 'Network.Subnet').props.VpcId, { $ref: 'Network.Vpc' });
    assert.ok(block(doc, 'Network'));
  });
  it('outputs resolve through GetAtt Child.Outputs.Name', () => {
    const web = block(doc, 'Web');
    assert.deepEqual(web.props.SubnetId, { $ref: 'Network.Subnet' });
    assert.deepEqual(web.props.SecurityGroupIds, [{ $ref: 'Network.Sg', attr: 'GroupId' }]);
    const tags = web.props.Tags as Array<{ Value: unknown }>;
    assert.equal(tags[0]?.Value, '10.1.0.0/16');
    assert.match(why(tags[1]?.Value), /no output Nope/);
  });
  it('files, remote and missing templates', () => {
    assert.deepEqual(doc.files, ['template.yaml', 'stacks/network.yaml']);
    const remote = doc.problems.find((p) => p.message.includes('Remote'));
    assert.equal(remote?.level, 'warning');
    assert.equal(remote?.line, 30);
    const missing = doc.problems.find((p) => p.message.includes('Gone'));
    assert.equal(missing?.level, 'error');
    assert.equal(missing?.file, 'template.yaml');
    assert.equal(missing?.line, 34);
    assert.match(missing?.message ?? '', /stacks\/missing\.yaml.*not found/);
    assert.deepEqual(
      doc.inputs?.map((i) => [i.name, i.value]),
      [
        ['Env', 'prod'],
        ['Network.Cidr', '10.1.0.0/16'],
        ['Network.Stage', 'prod'],
        ['Network.Topic', { $ref: 'Alarm' }],
      ],
    );
  });
  it('a stack that includes itself is a problem, not a hang', () => {
    const a = `Resources:\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: b.yaml\n`;
    const b = `Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./template.yaml\n  T:\n    Type: AWS::SNS::Topic\n`;
    const d = load(a, { 'b.yaml': b });
    assert.deepEqual(
      d.blocks.map((x) => x.address),
      ['B', 'B.A', 'B.T'],
    );
    const loop = d.problems.find((p) => /loop/.test(p.message));
    assert.equal(loop?.file, 'b.yaml');
    assert.equal(loop?.line, 5);
  });
  it('a Serverless::Application with a local Location', () => {
    const d = load(
      `Transform: AWS::Serverless-2016-10-31\nResources:\n  App:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: app.yaml\n  Sar:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location:\n        ApplicationId: arn:aws:serverlessrepo:us-east-1:1:applications/x\n        SemanticVersion: 1.0.0\n`,
      { 'app.yaml': `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n` },
    );
    assert.ok(block(d, 'App.Q'));
    assert.match(d.problems.find((p) => p.message.includes('Sar'))?.message ?? '', /Serverless Application Repository/);
  });
});

describe('CloudFormation adapter: suppressions', () => {
  const doc = load(`Resources:
  B:
    Type: AWS::S3::Bucket
    Metadata:
      mamori:
        skip:
          - id: aws-s3-bucket-versioning
            reason: logs bucket, objects are immutable
          - id: aws-s3-bucket-access-logging
          - id: aws-s3-bucket-mfa-delete
            reason: ''
`);
  it('with and without a reason', () => {
    assert.deepEqual(block(doc, 'B').suppressions, [
      {
        ruleId: 'aws-s3-bucket-versioning',
        reason: 'logs bucket, objects are immutable',
        file: 'template.yaml',
        line: 7,
      },
      { ruleId: 'aws-s3-bucket-access-logging', file: 'template.yaml', line: 9 },
      { ruleId: 'aws-s3-bucket-mfa-delete', file: 'template.yaml', line: 10 },
    ]);
    assert.equal(block(doc, 'B').suppressions[1]?.reason, undefined);
  });
});

describe('CloudFormation adapter: Fn::ForEach (AWS::LanguageExtensions)', () => {
  const doc = load(`Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
    Default: orders,audit-log
  Other:
    Type: CommaDelimitedList
Resources:
  Fn::ForEach::Queues:
    - Name
    - !Ref Names
    - Queue&{Name}:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: !Sub 'app-\${Name}'
          Tags:
            - Key: name
              Value: !Ref Name
  Fn::ForEach::Unknown:
    - X
    - !Ref Other
    - T\${X}:
        Type: AWS::SNS::Topic
`);
  it('copies the template for each value, with keys, Ref and Sub substituted, and lines kept', () => {
    assert.deepEqual(
      doc.blocks.map((b) => b.address),
      ['Queueorders', 'Queueauditlog'],
    );
    const q = block(doc, 'Queueauditlog');
    assert.equal(q.props.QueueName, 'app-audit-log');
    assert.deepEqual(q.props.Tags, [{ Key: 'name', Value: 'audit-log' }]);
    assert.equal(q.line, 12);
    assert.equal(q.lines.QueueName, 15);
  });
  it('a collection that cannot be resolved is a warning', () => {
    const p = doc.problems.find((x) => x.message.includes('Fn::ForEach::Unknown'));
    assert.equal(p?.level, 'warning');
    assert.match(p?.message ?? '', /parameter Other has no default/);
  });
});

describe('CloudFormation adapter: more input shapes', () => {
  it('a duplicate key is a malformed template', () => {
    const doc = load(`Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SQS::Queue\n`);
    assert.equal(doc.blocks.length, 0);
    assert.deepEqual(
      doc.problems.map((p) => [p.line, p.column, p.message]),
      [[4, 3, 'YAML error: duplicate key A']],
    );
  });
  it('a YAML template in flow style', () => {
    const doc = load(
      `{ Resources: { T: { Type: AWS::SNS::Topic, Properties: { TopicName: !Sub 'x-\${AWS::Partition}' } } } }`,
    );
    assert.equal(block(doc, 'T').props.TopicName, 'x-aws');
  });
  it('nested stacks stop at the depth limit', () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) {
      files[`s${i}.yaml`] =
        `Resources:\n  N:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: s${i + 1}.yaml\n`;
    }
    const doc = load(files['s1.yaml'] as string, files);
    const deepest = doc.blocks.map((b) => b.address.split('.').length);
    assert.equal(Math.max(...deepest), 11);
    assert.ok(doc.problems.some((p) => /levels of nested stacks/.test(p.message)));
  });
  it('a nested template that is malformed: its problems name its own file', () => {
    const doc = load(
      `Resources:\n  N:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: child.yaml\n`,
      {
        'child.yaml': `AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n`,
      },
    );
    const p = doc.problems.find((x) => x.file === 'child.yaml');
    assert.equal(p?.level, 'error');
    assert.equal(typeof p?.line, 'number');
  });
});

describe('CloudFormation adapter: hostile input', () => {
  it('an alias bomb is a problem, not a hang', () => {
    let text =
      'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) {
      text += `      a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    }
    const doc = load(text);
    assert.ok(doc.problems.some((p) => p.level === 'error' && /expands/.test(p.message)));
  });
  it('an alias to its own ancestor ends', () => {
    const doc = load('Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: &p\n      Self: *p\n');
    assert.deepEqual(block(doc, 'T').props, { Self: null });
  });
});
