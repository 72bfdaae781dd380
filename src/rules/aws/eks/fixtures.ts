/** A realistic eks:DescribeCluster `cluster` for the EKS rules' live fixtures (settings under test overridden). */
export const EKS_LIVE = {
  name: 'prod',
  arn: 'arn:aws:eks:us-east-1:111122223333:cluster/prod',
  version: '1.34',
  platformVersion: 'eks.8',
  status: 'ACTIVE',
  roleArn: 'arn:aws:iam::111122223333:role/eks-cluster-prod',
  resourcesVpcConfig: {
    subnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'],
    securityGroupIds: [],
    clusterSecurityGroupId: 'sg-0123456789abcdef0',
    vpcId: 'vpc-0abc1234def567890',
    endpointPublicAccess: false,
    endpointPrivateAccess: true,
    publicAccessCidrs: [],
  },
  logging: {
    clusterLogging: [
      { types: ['api', 'audit', 'authenticator'], enabled: true },
      { types: ['controllerManager', 'scheduler'], enabled: false },
    ],
  },
  encryptionConfig: [
    {
      resources: ['secrets'],
      provider: { keyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
    },
  ],
};

/** Required lines of an AWS::EKS::Cluster / aws_eks_cluster besides the setting under test. */
export const EKS_CFN_BASE = ['Name: prod', 'RoleArn: arn:aws:iam::111122223333:role/eks-cluster-prod'];
export const EKS_CFN_SUBNETS = ['  SubnetIds:', '    - subnet-0a1b2c3d4e5f60718', '    - subnet-0f1e2d3c4b5a69788'];
export const EKS_TF_BASE = ['name     = "prod"', 'role_arn = "arn:aws:iam::111122223333:role/eks-cluster-prod"'];
export const EKS_TF_SUBNETS = '  subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]';
