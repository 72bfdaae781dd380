import { fail, pass } from '../../../core/rule.js';
import type { RegionProps } from '../../../inventory/aws/region.js';
import { defineAwsRule } from '../../define.js';

// CIS AWS Foundations v6.0.0/v7.0.0 4.3 (v5.0.0 3.3), judged per region.

type Recorder = RegionProps['ConfigurationRecorders'][number];

/**
 * Records every supported resource type: allSupported, or the newer recordingStrategy ALL_SUPPORTED_RESOURCE_TYPES.
 * includeGlobalResourceTypes is not required: AWS now advises recording global IAM resources in one region only.
 */
const recordsAll = (r: Recorder) =>
  r.recordingGroup?.allSupported === true ||
  r.recordingGroup?.recordingStrategy?.useOnly === 'ALL_SUPPORTED_RESOURCE_TYPES';

const region = {
  RegionName: 'us-east-1',
  OptInStatus: 'opt-in-not-required',
  EbsEncryptionByDefault: true,
  Analyzers: [],
  SecurityHub: null,
  GuardDutyDetectors: [],
  MacieSession: null,
};
const recorder = {
  arn: 'arn:aws:config:us-east-1:111122223333:configuration-recorder/default/4k7ahm2ghhcgr2jp',
  name: 'default',
  roleARN: 'arn:aws:iam::111122223333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
  recordingGroup: {
    allSupported: true,
    includeGlobalResourceTypes: true,
    resourceTypes: [],
    exclusionByResourceTypes: { resourceTypes: [] },
    recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
  },
  recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
  recordingScope: 'PAID',
};
const status = {
  arn: recorder.arn,
  name: 'default',
  lastStartTime: '2025-03-01T10:00:00.000Z',
  recording: true,
  lastStatus: 'Success',
  lastStatusChangeTime: '2026-10-31T22:10:00.000Z',
};
const channel = {
  name: 'default',
  s3BucketName: 'config-bucket-111122223333',
  configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
};
const configured = (over: Record<string, unknown> = {}) => ({
  props: {
    ...region,
    ConfigurationRecorders: [recorder],
    ConfigurationRecordersStatus: [status],
    DeliveryChannels: [channel],
    ...over,
  },
});

export default defineAwsRule({
  id: 'aws-config-recorder-enabled',
  resourceType: 'aws.region',
  category: 'logging-monitoring',
  severity: 'medium',
  // Region-wide state of the running recorder; templates are judged per recorder by aws-config-recorder-* rules.
  iac: false,
  fsbp: ['Config.1'],
  appliesTo: (p) => p.OptInStatus !== 'not-opted-in',
  needs: ['ConfigurationRecorders', 'ConfigurationRecordersStatus', 'DeliveryChannels'],
  text: {
    title: { en: 'AWS Config is enabled in all regions', ja: 'すべてのリージョンで AWS Config が有効になっている' },
    description: {
      en: 'Checks, in each region, for a configuration recorder that records all supported resource types, is recording without a failed last delivery, and has a delivery channel.',
      ja: 'リージョンごとに、サポートされるすべてのリソースタイプを記録する設定レコーダーがあり、記録中で直近の状態が失敗ではなく、配信チャネルが設定されていることを確認する。',
    },
    rationale: {
      en: 'The configuration history answers what a resource looked like at a given time and who changed it. Without a recorder in a region, changes there (including ones by an intruder) leave no configuration record.',
      ja: '設定履歴は、ある時点でリソースがどうなっていたか、誰が変更したかに答える。レコーダーのないリージョンでは、侵入者による変更も含めて設定の記録が残らない。',
    },
    remediation: {
      text: {
        en: 'Set up AWS Config in the region: a recorder for all supported resource types, a delivery channel to an S3 bucket, and start recording.',
        ja: '対象リージョンで AWS Config を設定する。サポートされるすべてのリソースタイプを記録するレコーダーと S3 バケットへの配信チャネルを作成し、記録を開始する。',
      },
      console: {
        en: 'AWS Config console (in the region) → Settings → Edit → Recording strategy: All resource types with customizable overrides → delivery method: S3 bucket → Save; then Start recording if it is stopped.',
        ja: 'AWS Config コンソール（対象リージョン）→ 設定 → 編集 → 記録戦略: カスタマイズ可能なオーバーライドを持つすべてのリソースタイプ → 配信方法: S3 バケット → 保存。停止している場合は記録を開始する。',
      },
      cli: 'aws configservice put-configuration-recorder --region <REGION> --configuration-recorder name=default,roleARN=<CONFIG_ROLE_ARN> --recording-group allSupported=true,includeGlobalResourceTypes=<true in one region>\naws configservice put-delivery-channel --region <REGION> --delivery-channel name=default,s3BucketName=<CONFIG_BUCKET>\naws configservice start-configuration-recorder --region <REGION> --configuration-recorder-name default',
      cloudformation:
        'AWS::Config::ConfigurationRecorder RecordingGroup: { AllSupported: true }\nAWS::Config::DeliveryChannel S3BucketName: <CONFIG_BUCKET>',
      terraform:
        'aws_config_configuration_recorder: recording_group { all_supported = true }\naws_config_delivery_channel: s3_bucket_name = "<CONFIG_BUCKET>"\naws_config_configuration_recorder_status: is_enabled = true',
      url: 'https://docs.aws.amazon.com/config/latest/developerguide/getting-started.html',
    },
  },
  evaluate: ({ props }) => {
    const recorders = props.ConfigurationRecorders;
    if (recorders.length === 0) {
      return fail('ConfigurationRecorders', {
        en: `No AWS Config configuration recorder in ${props.RegionName}`,
        ja: `${props.RegionName} に AWS Config の設定レコーダーがない`,
      });
    }
    const problems: Array<{ path: string; en: string; ja: string }> = [];
    for (const [i, r] of recorders.entries()) {
      const name = r.name ?? `#${i}`;
      if (!recordsAll(r)) {
        problems.push({
          path: `ConfigurationRecorders.${i}.recordingGroup`,
          en: `recorder ${name} records only selected resource types (${r.recordingGroup?.recordingStrategy?.useOnly ?? 'resourceTypes list'})`,
          ja: `レコーダー ${name} は一部のリソースタイプのみを記録している（${r.recordingGroup?.recordingStrategy?.useOnly ?? 'resourceTypes 指定'}）`,
        });
        continue;
      }
      const s = props.ConfigurationRecordersStatus.findIndex((x) => x.name === r.name);
      const st = props.ConfigurationRecordersStatus[s];
      if (st === undefined || st.recording !== true) {
        problems.push({
          path: s >= 0 ? `ConfigurationRecordersStatus.${s}.recording` : 'ConfigurationRecordersStatus',
          en: `recorder ${name} is not recording`,
          ja: `レコーダー ${name} の記録が停止している`,
        });
        continue;
      }
      if (st.lastStatus?.toLowerCase() === 'failure') {
        problems.push({
          path: `ConfigurationRecordersStatus.${s}.lastStatus`,
          en: `recorder ${name} last failed (${st.lastErrorCode ?? 'no error code'})`,
          ja: `レコーダー ${name} の直近の状態が失敗（${st.lastErrorCode ?? 'エラーコードなし'}）`,
        });
        continue;
      }
      if (props.DeliveryChannels.length === 0) {
        problems.push({
          path: 'DeliveryChannels',
          en: `recorder ${name} has no delivery channel`,
          ja: `レコーダー ${name} に配信チャネルがない`,
        });
        continue;
      }
      return pass({
        en: `Recorder ${name} records all supported resource types`,
        ja: `レコーダー ${name} がサポートされるすべてのリソースタイプを記録している`,
      });
    }
    const first = problems[0]!;
    return fail(first.path, {
      en: `AWS Config is not fully enabled in ${props.RegionName}: ${problems.map((p) => p.en).join('; ')}`,
      ja: `${props.RegionName} で AWS Config が十分に有効になっていない: ${problems.map((p) => p.ja).join('、')}`,
    });
  },
  fixtures: {
    live: {
      pass: [
        configured(),
        configured({
          ConfigurationRecorders: [
            {
              ...recorder,
              recordingGroup: { allSupported: false, recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' } },
            },
          ],
          ConfigurationRecordersStatus: [{ ...status, lastStatus: 'Pending' }],
        }),
      ],
      fail: [
        configured({ ConfigurationRecorders: [], ConfigurationRecordersStatus: [], DeliveryChannels: [] }),
        configured({
          ConfigurationRecorders: [
            {
              ...recorder,
              recordingGroup: {
                allSupported: false,
                includeGlobalResourceTypes: false,
                resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::S3::Bucket'],
                recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
              },
            },
          ],
        }),
        configured({
          ConfigurationRecordersStatus: [
            { ...status, recording: false, lastStopTime: '2026-08-12T07:30:00.000Z', lastStatus: 'Success' },
          ],
        }),
        configured({
          ConfigurationRecordersStatus: [
            {
              ...status,
              lastStatus: 'Failure',
              lastErrorCode: 'NoSuchBucket',
              lastErrorMessage: 'The specified bucket does not exist',
            },
          ],
        }),
        configured({ DeliveryChannels: [] }),
      ],
      error: [
        configured({ ConfigurationRecordersStatus: undefined }),
        {
          props: {
            ...region,
            ConfigurationRecorders: [recorder],
            ConfigurationRecordersStatus: [status],
            DeliveryChannels: [],
          },
          gaps: { DeliveryChannels: 'AccessDeniedException: config:DescribeDeliveryChannels' },
        },
      ],
      notApplicable: [
        { props: { ...region, RegionName: 'ap-east-1', OptInStatus: 'not-opted-in' }, region: 'ap-east-1' },
      ],
    },
  },
});
