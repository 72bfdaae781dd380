/** DescribeRepositories item (+ policy and lifecycle policy) shapes shared by the ECR rules' fixtures. */
export const repositoryArn = 'arn:aws:ecr:us-east-1:111122223333:repository/app/web';

export const repository = (extra: Record<string, unknown> = {}) => ({
  repositoryArn,
  registryId: '111122223333',
  repositoryName: 'app/web',
  repositoryUri: '111122223333.dkr.ecr.us-east-1.amazonaws.com/app/web',
  createdAt: '2025-06-01T12:00:00.000Z',
  imageTagMutability: 'IMMUTABLE',
  imageScanningConfiguration: { scanOnPush: true },
  encryptionConfiguration: { encryptionType: 'AES256' },
  Policy: null,
  LifecyclePolicy: {
    rules: [
      {
        rulePriority: 1,
        description: 'Expire untagged images after 14 days',
        selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
        action: { type: 'expire' },
      },
    ],
  },
  ...extra,
});

/** A lifecycle policy text as templates write it. */
export const LIFECYCLE_TEXT =
  '{"rules":[{"rulePriority":1,"description":"Expire untagged images","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}';
