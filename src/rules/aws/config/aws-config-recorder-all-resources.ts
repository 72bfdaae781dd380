import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnRecorder, recorderProps, tfRecorder } from './recorder-fixtures.js';

export default defineAwsRule({
  id: 'aws-config-recorder-all-resources',
  resourceType: 'aws.config.recorder',
  category: 'visibility-audit',
  severity: 'medium',
  fsbp: ['Config.1'],
  needs: ['recordingGroup'],
  text: {
    title: {
      en: 'The AWS Config recorder records all supported resource types',
      ja: 'AWS Config の設定レコーダーがサポートされるすべてのリソースタイプを記録している',
    },
    description: {
      en: 'Checks that the configuration recorder records all supported resource types (allSupported, or the ALL_SUPPORTED_RESOURCE_TYPES strategy) rather than a chosen list or all but an excluded list.',
      ja: '設定レコーダーが、選んだリソースタイプや除外リスト以外のタイプだけでなく、サポートされるすべてのリソースタイプ（allSupported、または ALL_SUPPORTED_RESOURCE_TYPES 戦略）を記録していることを確認する。',
    },
    rationale: {
      en: 'A recorder that records a hand-picked list misses every resource type added later, and Security Hub controls on those types then have nothing to evaluate.',
      ja: '手作業で選んだリストだけを記録するレコーダーは、後から使い始めたリソースタイプを取りこぼし、それらのタイプに対する Security Hub のコントロールも評価できなくなる。',
    },
    remediation: {
      text: {
        en: 'Set the recording strategy to record all supported resource types.',
        ja: '記録戦略を、サポートされるすべてのリソースタイプを記録する設定にする。',
      },
      console: {
        en: 'AWS Config console → Settings → Edit → Recording strategy: All resource types with customizable overrides → Save.',
        ja: 'AWS Config コンソール → 設定 → 編集 → 記録戦略: カスタマイズ可能なオーバーライドを含むすべてのリソースタイプ → 保存。',
      },
      cli: 'aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<ROLE_ARN> --recording-group allSupported=true,includeGlobalResourceTypes=true',
      cloudformation: 'AWS::Config::ConfigurationRecorder RecordingGroup: { AllSupported: true }',
      terraform: 'recording_group { all_supported = true }',
      url: 'https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html',
    },
  },
  evaluate: ({ props }) => {
    const g = props.recordingGroup ?? {};
    const all: unknown = g.allSupported;
    if (all === true || g.recordingStrategy?.useOnly === 'ALL_SUPPORTED_RESOURCE_TYPES') return pass();
    if (isUnknown(all)) return error(`unresolved value at recordingGroup.allSupported: ${all.$unknown}`);
    const strategy = g.recordingStrategy?.useOnly ?? 'INCLUSION_BY_RESOURCE_TYPES';
    const listed =
      strategy === 'EXCLUSION_BY_RESOURCE_TYPES' ? g.exclusionByResourceTypes?.resourceTypes : g.resourceTypes;
    const n = Array.isArray(listed) ? listed.length : '?';
    return fail('recordingGroup', {
      en:
        strategy === 'EXCLUSION_BY_RESOURCE_TYPES'
          ? `Recorder ${props.name} excludes ${n} resource type(s) from recording`
          : `Recorder ${props.name} records only ${n} chosen resource type(s)`,
      ja:
        strategy === 'EXCLUSION_BY_RESOURCE_TYPES'
          ? `レコーダー ${props.name} は ${n} 件のリソースタイプを記録対象から除外している`
          : `レコーダー ${props.name} は選択した ${n} 件のリソースタイプしか記録していない`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: recorderProps() }],
      fail: [
        {
          props: recorderProps({
            recordingGroup: {
              allSupported: false,
              includeGlobalResourceTypes: false,
              resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::S3::Bucket'],
              exclusionByResourceTypes: { resourceTypes: [] },
              recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
            },
          }),
        },
        {
          props: recorderProps({
            recordingGroup: {
              allSupported: false,
              includeGlobalResourceTypes: false,
              resourceTypes: [],
              exclusionByResourceTypes: { resourceTypes: ['AWS::EC2::NetworkInterface'] },
              recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
            },
          }),
        },
      ],
      error: [
        { props: recorderProps({ recordingGroup: undefined }) },
        {
          props: recorderProps(),
          gaps: { recordingGroup: 'AccessDeniedException: config:DescribeConfigurationRecorders' },
        },
      ],
    },
    cloudformation: {
      pass: [
        cfnRecorder('      RecordingGroup:\n        AllSupported: true\n        IncludeGlobalResourceTypes: true\n'),
        // Without RecordingGroup, AWS Config records all supported resource types.
        cfnRecorder(''),
      ],
      fail: [
        cfnRecorder(
          '      RecordingGroup:\n        AllSupported: false\n        ResourceTypes:\n          - AWS::EC2::SecurityGroup\n          - AWS::S3::Bucket\n',
        ),
        cfnRecorder(
          '      RecordingGroup:\n        ExclusionByResourceTypes:\n          ResourceTypes:\n            - AWS::EC2::NetworkInterface\n        RecordingStrategy:\n          UseOnly: EXCLUSION_BY_RESOURCE_TYPES\n',
        ),
      ],
      error: [
        `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  RecordAll:
    Type: String
    AllowedValues: ['true', 'false']
Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config-recorder
      RecordingGroup:
        AllSupported: !Ref RecordAll
`,
      ],
    },
    terraform: {
      pass: [
        tfRecorder(
          '\n  recording_group {\n    all_supported                 = true\n    include_global_resource_types = true\n  }\n',
          '  is_enabled = true\n',
        ),
        tfRecorder(''),
      ],
      fail: [
        tfRecorder(
          '\n  recording_group {\n    all_supported  = false\n    resource_types = ["AWS::EC2::SecurityGroup", "AWS::S3::Bucket"]\n  }\n',
        ),
      ],
      error: [
        `variable "record_all" {
  type = bool
}

resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/config-recorder"

  recording_group {
    all_supported = var.record_all
  }
}
`,
      ],
    },
  },
});
