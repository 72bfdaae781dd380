import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { recorderProps, tfRecorder } from './recorder-fixtures.js';

export default defineAwsRule({
  id: 'aws-config-recorder-recording',
  resourceType: 'aws.config.recorder',
  category: 'visibility-audit',
  severity: 'high',
  fsbp: ['Config.1'],
  // CloudFormation always starts a recorder once a delivery channel exists, so a template cannot leave it stopped.
  iac: ['terraform'],
  needs: ['Status.recording'],
  text: {
    title: {
      en: 'The AWS Config recorder is recording',
      ja: 'AWS Config の設定レコーダーが記録中になっている',
    },
    description: {
      en: 'Checks that the configuration recorder is started and that its last recording attempt did not fail. In Terraform, a recorder is started only by an aws_config_configuration_recorder_status resource with is_enabled = true.',
      ja: '設定レコーダーが開始されており、直近の記録が失敗していないことを確認する。Terraform では、is_enabled = true の aws_config_configuration_recorder_status リソースがあって初めてレコーダーが開始される。',
    },
    rationale: {
      en: 'A stopped recorder keeps its configuration but records nothing: configuration history, Config rules and the Security Hub controls built on them all go silent.',
      ja: '停止したレコーダーは設定を残したまま何も記録しない。設定履歴も、Config ルールも、それに基づく Security Hub のコントロールもすべて止まる。',
    },
    remediation: {
      text: {
        en: 'Start the recorder (a delivery channel must exist first).',
        ja: 'レコーダーを開始する（先に配信チャネルが必要）。',
      },
      console: {
        en: 'AWS Config console → Settings → Recorder → Start recording.',
        ja: 'AWS Config コンソール → 設定 → レコーダー → 記録を開始。',
      },
      cli: 'aws configservice start-configuration-recorder --configuration-recorder-name <RECORDER_NAME>',
      terraform: 'resource "aws_config_configuration_recorder_status" { name = <RECORDER_NAME>, is_enabled = true }',
      url: 'https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html',
    },
  },
  evaluate: ({ props }) => {
    const s = props.Status;
    if (s?.recording !== true) {
      return fail('Status.recording', {
        en: `Recorder ${props.name} is not recording`,
        ja: `レコーダー ${props.name} が記録していない`,
      });
    }
    if (s.lastStatus?.toLowerCase() === 'failure') {
      return fail('Status.lastStatus', {
        en: `Recorder ${props.name} last failed to record (${s.lastErrorCode ?? 'no error code'})`,
        ja: `レコーダー ${props.name} の直近の記録が失敗している（${s.lastErrorCode ?? 'エラーコードなし'}）`,
      });
    }
    return pass();
  },
  fixtures: {
    live: {
      pass: [{ props: recorderProps() }],
      fail: [
        {
          props: recorderProps({
            Status: {
              name: 'default',
              lastStartTime: '2025-03-01T00:00:00.000Z',
              lastStopTime: '2026-08-14T02:00:00.000Z',
              recording: false,
              lastStatus: 'SUCCESS',
            },
          }),
        },
        {
          props: recorderProps({
            Status: {
              name: 'default',
              recording: true,
              lastStatus: 'FAILURE',
              lastErrorCode: 'AccessDenied',
              lastErrorMessage: 'Insufficient delivery policy to s3 bucket',
            },
          }),
        },
      ],
      error: [
        { props: recorderProps({ Status: undefined }) },
        {
          props: recorderProps(),
          gaps: { Status: 'AccessDeniedException: config:DescribeConfigurationRecorderStatus' },
        },
      ],
    },
    terraform: {
      pass: [tfRecorder('', '  is_enabled = true\n')],
      fail: [tfRecorder(''), tfRecorder('', '  is_enabled = "false"\n')],
      error: [
        `variable "recording" {
  type = bool
}

resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/config-recorder"
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = var.recording
}
`,
      ],
    },
  },
});
