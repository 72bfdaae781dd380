/** DescribeTable + DescribeContinuousBackups shapes shared by the DynamoDB rules' fixtures. */
export const tableArn = 'arn:aws:dynamodb:us-east-1:111122223333:table/orders';

export const table = (extra: Record<string, unknown> = {}, pitr: 'ENABLED' | 'DISABLED' = 'ENABLED') => ({
  TableName: 'orders',
  TableArn: tableArn,
  TableId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
  TableStatus: 'ACTIVE',
  CreationDateTime: '2025-04-01T09:00:00.000Z',
  KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
  BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
  ItemCount: 0,
  TableSizeBytes: 0,
  DeletionProtectionEnabled: false,
  ContinuousBackups: {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription:
      pitr === 'ENABLED'
        ? {
            PointInTimeRecoveryStatus: 'ENABLED',
            RecoveryPeriodInDays: 35,
            EarliestRestorableDateTime: '2026-09-27T00:00:00.000Z',
            LatestRestorableDateTime: '2026-10-31T23:55:00.000Z',
          }
        : { PointInTimeRecoveryStatus: 'DISABLED' },
  },
  ...extra,
});
