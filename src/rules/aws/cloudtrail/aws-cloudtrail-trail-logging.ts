import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnTrail, tfTrail, trailProps } from './trail-fixtures.js';

export default defineAwsRule({
  id: 'aws-cloudtrail-trail-logging',
  resourceType: 'aws.cloudtrail.trail',
  category: 'logging-monitoring',
  severity: 'high',
  needs: ['Status.IsLogging'],
  text: {
    title: { en: 'The CloudTrail trail is logging', ja: 'CloudTrail の証跡がログ記録中になっている' },
    description: {
      en: 'Checks that logging is turned on for the trail (GetTrailStatus IsLogging; IsLogging in CloudFormation, enable_logging in Terraform).',
      ja: '証跡のログ記録がオンになっていることを確認する（GetTrailStatus の IsLogging。CloudFormation では IsLogging、Terraform では enable_logging）。',
    },
    rationale: {
      en: 'A trail whose logging is stopped keeps all its settings and delivers nothing; stopping it is a common first step of an attacker covering their tracks.',
      ja: 'ログ記録を停止した証跡は設定を残したまま何も配信しない。証跡の停止は、攻撃者が痕跡を消すために最初に行う典型的な操作である。',
    },
    remediation: {
      text: {
        en: 'Start logging on the trail, and alert on StopLogging calls.',
        ja: '証跡のログ記録を開始し、StopLogging の呼び出しをアラームで通知する。',
      },
      console: {
        en: 'CloudTrail console → Trails → the trail → Start logging.',
        ja: 'CloudTrail コンソール → 証跡 → 対象の証跡 → ログ記録の開始。',
      },
      cli: 'aws cloudtrail start-logging --name <TRAIL>',
      cloudformation: 'AWS::CloudTrail::Trail IsLogging: true',
      terraform: 'resource "aws_cloudtrail" { enable_logging = true }',
      url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html',
    },
  },
  evaluate: ({ props }) =>
    props.Status.IsLogging === true
      ? pass()
      : fail('Status.IsLogging', {
          en: `Logging is stopped on trail ${props.Name ?? props.TrailARN}`,
          ja: `証跡 ${props.Name ?? props.TrailARN} のログ記録が停止している`,
        }),
  fixtures: {
    live: {
      pass: [{ props: trailProps() }],
      fail: [{ props: trailProps({ Status: { IsLogging: false, StopLoggingTime: '2026-10-30T04:11:09Z' } }) }],
      error: [
        { props: trailProps({ Status: {} }) },
        { props: trailProps({ Status: undefined }), gaps: { Status: 'AccessDenied: cloudtrail:GetTrailStatus' } },
      ],
    },
    cloudformation: {
      pass: [cfnTrail('      IsLogging: true\n')],
      fail: [cfnTrail('      IsLogging: false\n')],
      error: [
        cfnTrail(
          '      IsLogging: !Ref TrailEnabled\n',
          "Parameters:\n  TrailEnabled:\n    Type: String\n    AllowedValues: ['true', 'false']\n",
        ),
      ],
    },
    terraform: {
      pass: [tfTrail(''), tfTrail('  enable_logging = true\n')],
      fail: [tfTrail('  enable_logging = false\n')],
      error: [tfTrail('  enable_logging = var.trail_enabled\n', 'variable "trail_enabled" {\n  type = bool\n}\n\n')],
    },
  },
});
