// Database, analytics and container mappers: joins, defaults, inheritance, locations (the rules' IaC fixtures
// cover the verdicts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPath } from '../src/core/path.js';
import { isUnknown, type Resource } from '../src/core/resource.js';
import type { IacFormat } from '../src/core/rule.js';
import { bool, num } from '../src/iac/aws/data/values.js';
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
const ofType = (resources: Resource[], type: string) => resources.filter((r) => r.type === type);
const prop = (r: Resource | undefined, path: string): unknown => getPath(r?.props, path);

describe('data mappers', () => {
  it('value helpers accept quoted booleans and numbers and never guess', () => {
    assert.equal(bool('true'), true);
    assert.equal(bool('False'), false);
    assert.equal(bool(undefined, false), false);
    assert.ok(isUnknown(bool('yes')));
    assert.ok(isUnknown(bool({ $ref: 'aws_kms_key.k' })));
    assert.equal(num('7'), 7);
    assert.equal(num(undefined, 1), 1);
    assert.ok(isUnknown(num('seven')));
  });

  it('CloudFormation Aurora: members give MultiAZ and DBClusterMembers; instances inherit encryption', async () => {
    const { resources } = await adapt(
      'cloudformation',
      `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      StorageEncrypted: true
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
      DBInstanceClass: db.r7g.large
      Engine: aurora-mysql
      AvailabilityZone: us-east-1a
  Reader:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
      DBInstanceClass: db.r7g.large
      Engine: aurora-mysql
      AvailabilityZone: us-east-1b
`,
    );
    const [cluster] = ofType(resources, 'aws.rds.db_cluster');
    assert.equal(prop(cluster, 'MultiAZ'), true);
    assert.equal((prop(cluster, 'DBClusterMembers') as unknown[]).length, 2);
    assert.equal(prop(cluster, 'BackupRetentionPeriod'), 1);
    assert.equal(prop(cluster, 'DeletionProtection'), false);
    for (const i of ofType(resources, 'aws.rds.db_instance')) {
      assert.equal(prop(i, 'StorageEncrypted'), true);
      assert.equal(typeof prop(i, 'DBClusterIdentifier'), 'string');
    }
  });

  it('Neptune and DocumentDB clusters become aws.rds.db_cluster with their engine', async () => {
    const { resources } = await adapt(
      'terraform',
      `resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier              = "catalog"
  enabled_cloudwatch_logs_exports = ["audit"]
}
`,
    );
    const clusters = ofType(resources, 'aws.rds.db_cluster');
    assert.deepEqual(clusters.map((c) => prop(c, 'Engine')).sort(), ['docdb', 'neptune']);
    const docdb = clusters.find((c) => prop(c, 'Engine') === 'docdb');
    assert.deepEqual(prop(docdb, 'EnabledCloudwatchLogsExports'), ['audit']);
    assert.equal(prop(docdb, 'StorageEncrypted'), false);
  });

  it('Terraform Redshift: aws_redshift_logging is joined and consumed; provider-dependent defaults are Unknown', async () => {
    const { resources, unmapped, blocksOf } = await adapt(
      'terraform',
      `resource "aws_redshift_cluster" "dw" {
  cluster_identifier = "dw"
  node_type          = "ra3.xlplus"
}

resource "aws_redshift_logging" "dw" {
  cluster_identifier   = aws_redshift_cluster.dw.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog"]
}
`,
    );
    const [dw] = ofType(resources, 'aws.redshift.cluster');
    assert.ok(dw);
    assert.equal(prop(dw, 'LoggingStatus.LoggingEnabled'), true);
    assert.equal(prop(dw, 'LoggingStatus.LogDestinationType'), 'cloudwatch');
    assert.ok(isUnknown(prop(dw, 'PubliclyAccessible')));
    assert.ok(isUnknown(prop(dw, 'Encrypted')));
    assert.equal(unmapped.has('aws_redshift_logging'), false);
    assert.equal(blocksOf.get(dw.uid)?.length, 2);
    assert.equal(locate(dw, 'LoggingStatus.LoggingEnabled')?.line, 6);
  });

  it('CloudFormation EKS: public endpoint and disabled logging by default, located on the written property', async () => {
    const { resources } = await adapt(
      'cloudformation',
      `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Version: "1.34"
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-1, subnet-2]
        EndpointPublicAccess: true
`,
    );
    const [eks] = ofType(resources, 'aws.eks.cluster');
    assert.equal(prop(eks, 'resourcesVpcConfig.endpointPublicAccess'), true);
    assert.equal(prop(eks, 'resourcesVpcConfig.endpointPrivateAccess'), false);
    assert.deepEqual(prop(eks, 'resourcesVpcConfig.publicAccessCidrs'), ['0.0.0.0/0']);
    assert.equal(prop(eks, 'logging.clusterLogging.0.enabled'), false);
    assert.equal(eks && locate(eks, 'resourcesVpcConfig.endpointPublicAccess')?.line, 9);
  });
});
