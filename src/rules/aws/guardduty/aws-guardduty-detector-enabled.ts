import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { detectorProps } from './feature.js';

export default defineAwsRule({
  id: 'aws-guardduty-detector-enabled',
  resourceType: 'aws.guardduty.detector',
  category: 'logging-monitoring',
  severity: 'high',
  fsbp: ['GuardDuty.1'],
  needs: ['Status'],
  text: {
    title: { en: 'The GuardDuty detector is enabled', ja: 'GuardDuty 検出器が有効になっている' },
    description: {
      en: 'Checks that each GuardDuty detector is enabled rather than suspended (or, in a template, created disabled).',
      ja: '各 GuardDuty 検出器が停止（テンプレートでは無効のまま作成）されておらず、有効になっていることを確認する。',
    },
    rationale: {
      en: 'A suspended detector analyses nothing and raises no findings, while it still looks configured to anyone who glances at the console or the template.',
      ja: '停止中の検出器は何も分析せず検出結果も出さないが、コンソールやテンプレートを一見しただけでは設定済みに見えてしまう。',
    },
    remediation: {
      text: {
        en: 'Enable the detector.',
        ja: '検出器を有効にする。',
      },
      console: {
        en: 'GuardDuty console → Settings → Suspend GuardDuty section → Enable GuardDuty (or, with no detector, Get started → Enable GuardDuty).',
        ja: 'GuardDuty コンソール → 設定 → GuardDuty の停止 セクション → GuardDuty を有効にする（検出器がなければ 今すぐ始める → GuardDuty の有効化）。',
      },
      cli: 'aws guardduty update-detector --detector-id <DETECTOR_ID> --enable',
      cloudformation: 'AWS::GuardDuty::Detector Enable: true',
      terraform: 'resource "aws_guardduty_detector" { enable = true }',
      url: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html',
    },
  },
  evaluate: ({ props }) =>
    props.Status === 'ENABLED'
      ? pass()
      : fail('Status', {
          en: `GuardDuty detector ${props.DetectorId ?? ''} is ${String(props.Status)}`.replace('  ', ' '),
          ja: `GuardDuty 検出器 ${props.DetectorId ?? ''} の状態が ${String(props.Status)} になっている`,
        }),
  fixtures: {
    live: {
      pass: [{ props: detectorProps() }],
      fail: [{ props: detectorProps({}, { Status: 'DISABLED' }) }],
      error: [
        { props: detectorProps({}, { Status: undefined }) },
        {
          props: detectorProps({}, { Status: undefined }),
          gaps: { Status: 'AccessDeniedException: guardduty:GetDetector' },
        },
      ],
    },
    cloudformation: {
      pass: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      FindingPublishingFrequency: FIFTEEN_MINUTES
`,
      ],
      fail: [
        `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: false
`,
      ],
      error: [
        `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  EnableGuardDuty:
    Type: String
    AllowedValues: ['true', 'false']
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: !Ref EnableGuardDuty
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_guardduty_detector" "main" {
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
`,
        `resource "aws_guardduty_detector" "main" {
  enable = "true"
}
`,
      ],
      fail: [
        `resource "aws_guardduty_detector" "main" {
  enable = false
}
`,
      ],
      error: [
        `variable "guardduty_enabled" {
  type = bool
}

resource "aws_guardduty_detector" "main" {
  enable = var.guardduty_enabled
}
`,
      ],
    },
  },
});
