// Generates a corpus of CloudFormation templates and Terraform configurations for `npm run bench:iac`:
// realistic mixes of the resources teams write (buckets with policies, security groups with separate rules,
// databases, keys, roles, functions, trails), with parameters, conditions, variables, locals and split resources.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded generator, so every run judges the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(list: readonly T[]) => T;

const CFN: ReadonlyArray<(id: string, pick: Pick) => string> = [
  (id, pick) => `  ${id}Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${AWS::StackName}-${id.toLowerCase()}-data'
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: ${pick(['aws:kms', 'AES256'])}
      PublicAccessBlockConfiguration:
        BlockPublicAcls: ${pick(['true', 'false'])}
        IgnorePublicAcls: true
        BlockPublicPolicy: true
        RestrictPublicBuckets: true
      VersioningConfiguration:
        Status: !If [IsProd, Enabled, Suspended]
      Tags:
        - Key: Env
          Value: !Ref Env
  ${id}BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref ${id}Bucket
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: [!GetAtt ${id}Bucket.Arn, !Sub '\${${id}Bucket.Arn}/*']
            Condition:
              Bool:
                aws:SecureTransport: 'false'
`,
  (id, pick) => `  ${id}Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ${id} tier
      VpcId: !Ref VpcId
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
  ${id}SgAdmin:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref ${id}Sg
      IpProtocol: tcp
      FromPort: ${pick(['22', '3389', '5432'])}
      ToPort: ${pick(['22', '3389', '5432'])}
      CidrIp: ${pick(['0.0.0.0/0', '10.0.0.0/8'])}
`,
  (id, pick) => `  ${id}Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: ${pick(['postgres', 'mysql'])}
      DBInstanceClass: db.t4g.medium
      AllocatedStorage: 50
      MasterUsername: app
      MasterUserPassword: '{{resolve:secretsmanager:${id}/db:SecretString:password}}'
      StorageEncrypted: ${pick(['true', 'false'])}
      MultiAZ: !If [IsProd, true, false]
      PubliclyAccessible: false
      BackupRetentionPeriod: ${pick(['1', '7', '14'])}
      DeletionProtection: true
`,
  (id, pick) => `  ${id}Key:
    Type: AWS::KMS::Key
    Properties:
      Description: ${id} data key
      EnableKeyRotation: ${pick(['true', 'false'])}
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Sid: Root
            Effect: Allow
            Principal:
              AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root'
            Action: 'kms:*'
            Resource: '*'
`,
  (id, pick) => `  ${id}Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: ${id}Access
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: ${pick(["'s3:GetObject'", "'*'", "'dynamodb:*'"])}
                Resource: '*'
  ${id}Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: ${pick(['python3.12', 'nodejs20.x', 'python3.7'])}
      Handler: index.handler
      Role: !GetAtt ${id}Role.Arn
      Code:
        ZipFile: "def handler(event, context): return None"
      Environment:
        Variables:
          TABLE: !Ref ${id}Table
  ${id}Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: ${pick(['true', 'false'])}
`,
  (id, pick) => `  ${id}Queue:
    Type: AWS::SQS::Queue
    Properties:
      ${pick(['KmsMasterKeyId: alias/aws/sqs', 'SqsManagedSseEnabled: false'])}
  ${id}Topic:
    Type: AWS::SNS::Topic
    Properties:
      ${pick(['KmsMasterKeyId: alias/aws/sns', 'DisplayName: alerts'])}
      Subscription:
        - Protocol: sqs
          Endpoint: !GetAtt ${id}Queue.Arn
`,
  (id, pick) => `  ${id}Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: ${pick(['true', 'false'])}
      EnableLogFileValidation: ${pick(['true', 'false'])}
      S3BucketName: !Ref ${id}TrailBucket
  ${id}TrailBucket:
    Type: AWS::S3::Bucket
`,
];

const TF: ReadonlyArray<(id: string, pick: Pick) => string> = [
  (id, pick) => `resource "aws_s3_bucket" "${id}" {
  bucket = "\${local.name}-${id}"
  tags   = local.tags
}

resource "aws_s3_bucket_public_access_block" "${id}" {
  bucket                  = aws_s3_bucket.${id}.id
  block_public_acls       = ${pick(['true', 'false'])}
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "${id}" {
  bucket = aws_s3_bucket.${id}.id
  versioning_configuration {
    status = var.env == "prod" ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "${id}" {
  bucket = aws_s3_bucket.${id}.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "${pick(['aws:kms', 'AES256'])}"
    }
  }
}
`,
  (id, pick) => `resource "aws_security_group" "${id}" {
  name        = "\${local.name}-${id}"
  description = "${id} tier"
  vpc_id      = var.vpc_id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "${id}_admin" {
  type              = "ingress"
  security_group_id = aws_security_group.${id}.id
  from_port         = ${pick(['22', '3389', '5432'])}
  to_port           = ${pick(['22', '3389', '5432'])}
  protocol          = "tcp"
  cidr_blocks       = ["${pick(['0.0.0.0/0', '10.0.0.0/8'])}"]
}
`,
  (id, pick) => `resource "aws_db_instance" "${id}" {
  identifier              = "\${local.name}-${id}"
  engine                  = "${pick(['postgres', 'mysql'])}"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  username                = "app"
  manage_master_user_password = true
  storage_encrypted       = ${pick(['true', 'false'])}
  multi_az                = var.env == "prod"
  publicly_accessible     = false
  backup_retention_period = ${pick(['1', '7', '14'])}
  deletion_protection     = true
}
`,
  (id, pick) => `resource "aws_kms_key" "${id}" {
  description         = "${id} data key"
  enable_key_rotation = ${pick(['true', 'false'])}
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Root"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::\${var.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
`,
  (id, pick) => `resource "aws_iam_role" "${id}" {
  name = "\${local.name}-${id}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "${id}" {
  role = aws_iam_role.${id}.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ${pick(['"s3:GetObject"', '"*"', '"dynamodb:*"'])}, Resource = "*" }]
  })
}

resource "aws_lambda_function" "${id}" {
  function_name = "\${local.name}-${id}"
  runtime       = "${pick(['python3.12', 'nodejs20.x', 'python3.7'])}"
  handler       = "index.handler"
  role          = aws_iam_role.${id}.arn
  filename      = "build/${id}.zip"
}

resource "aws_dynamodb_table" "${id}" {
  name         = "\${local.name}-${id}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  attribute {
    name = "pk"
    type = "S"
  }
  point_in_time_recovery {
    enabled = ${pick(['true', 'false'])}
  }
}
`,
  (id, pick) => `resource "aws_sqs_queue" "${id}" {
  name = "\${local.name}-${id}"
  ${pick(['kms_master_key_id = "alias/aws/sqs"', 'sqs_managed_sse_enabled = false'])}
}

resource "aws_sns_topic" "${id}" {
  name = "\${local.name}-${id}"
  ${pick(['kms_master_key_id = "alias/aws/sns"', 'display_name = "alerts"'])}
}
`,
  (id, pick) => `resource "aws_cloudtrail" "${id}" {
  name                          = "\${local.name}-${id}"
  s3_bucket_name                = aws_s3_bucket.${id}_trail.id
  is_multi_region_trail         = ${pick(['true', 'false'])}
  enable_log_file_validation    = ${pick(['true', 'false'])}
}

resource "aws_s3_bucket" "${id}_trail" {
  bucket = "\${local.name}-${id}-trail"
}
`,
];

const CFN_HEAD = `AWSTemplateFormatVersion: '2010-09-09'
Description: generated for the mamori IaC benchmark
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, stg, prod]
    Default: prod
  VpcId:
    Type: AWS::EC2::VPC::Id
    Default: vpc-0a1b2c3d4e5f67890
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
`;

const TF_VARIABLES = `variable "env" {
  type    = string
  default = "prod"
}

variable "vpc_id" {
  type    = string
  default = "vpc-0a1b2c3d4e5f67890"
}

variable "account_id" {
  type    = string
  default = "111122223333"
}

locals {
  name = "kitsune-\${var.env}"
  tags = { Project = "kitsune", Env = var.env }
}
`;

/**
 * Writes `cloudformation` templates (YAML) and `terraform` configurations (a directory with main.tf and
 * variables.tf each) into `dir`, each with 3–12 resource groups. Returns the number of files written.
 */
export function generateCorpus(dir: string, counts: { cloudformation: number; terraform: number }, seed = 7): number {
  const random = rng(seed);
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  let files = 0;
  mkdirSync(join(dir, 'cloudformation'), { recursive: true });
  for (let i = 0; i < counts.cloudformation; i++) {
    const groups = 3 + Math.floor(random() * 10);
    let body = CFN_HEAD;
    for (let g = 0; g < groups; g++) body += pick(CFN)(`R${g}`, pick);
    writeFileSync(join(dir, 'cloudformation', `stack-${i}.yaml`), body);
    files++;
  }
  for (let i = 0; i < counts.terraform; i++) {
    const root = join(dir, 'terraform', `service-${i}`);
    mkdirSync(root, { recursive: true });
    const groups = 3 + Math.floor(random() * 10);
    let body = '';
    for (let g = 0; g < groups; g++) body += `${pick(TF)(`r${g}`, pick)}\n`;
    writeFileSync(join(root, 'main.tf'), body);
    writeFileSync(join(root, 'variables.tf'), TF_VARIABLES);
    files += 2;
  }
  return files;
}
