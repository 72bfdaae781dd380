// GuardDuty protection plans, judged per detector from GetDetector's Features list. A template that does not
// declare a plan leaves it to the account's or organisation's defaults, which the mapper gives as Unknown (ERROR).
import { isUnknown } from '../../../core/resource.js';
import type { Rule } from '../../../core/rule.js';
import { error, fail, notApplicable, pass } from '../../../core/rule.js';
import type { Severity } from '../../../core/severity.js';
import type { Text } from '../../../core/text.js';
import type { GuardDutyDetectorProps } from '../../../inventory/aws/detect.js';
import { defineAwsRule } from '../../define.js';

/** Scope of the plan rules: an enabled detector (a suspended one is the detector rule's finding). */
export function detectorEnabled(p: GuardDutyDetectorProps): boolean {
  if (p.Status === undefined) throw new Error('not collected: Status (guardduty:GetDetector)');
  if (isUnknown(p.Status)) throw new Error(`unresolved value at Status: ${p.Status.$unknown}`);
  return p.Status === 'ENABLED';
}

export const DETECTOR_ID = '12abc34d567e8fa901bc2d34e56789f0';

/** A GetDetector answer with every plan enabled except the overrides. */
export function detectorProps(
  over: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const names = [
    'CLOUD_TRAIL',
    'DNS_LOGS',
    'FLOW_LOGS',
    'S3_DATA_EVENTS',
    'EKS_AUDIT_LOGS',
    'EBS_MALWARE_PROTECTION',
    'RDS_LOGIN_EVENTS',
    'EKS_RUNTIME_MONITORING',
    'LAMBDA_NETWORK_LOGS',
    'RUNTIME_MONITORING',
  ];
  return {
    DetectorId: DETECTOR_ID,
    CreatedAt: '2025-01-10T03:12:45.123Z',
    FindingPublishingFrequency: 'SIX_HOURS',
    ServiceRole:
      'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
    Status: 'ENABLED',
    UpdatedAt: '2026-09-02T11:20:00.000Z',
    Features: names
      .filter((Name) => over[Name] !== 'ABSENT')
      .map((Name) => ({ Name, Status: over[Name] ?? 'ENABLED', UpdatedAt: '2025-01-10T03:12:45.000Z' })),
    Tags: {},
    ...extra,
  };
}

export interface FeatureSpec {
  id: string;
  feature: string;
  fsbp: string;
  severity: Severity;
  /** The plan's name as the GuardDuty console shows it. */
  plan: Text;
  title: Text;
  description: Text;
  rationale: Text;
  /** Console page of the plan. */
  console: Text;
  url: string;
  /** The legacy DataSources switch in CloudFormation, when the plan has one (`S3Logs: { Enable: false }`). */
  cfnLegacyFail?: string;
}

const cfn = (body: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
${body}`;

const tf = (detector: string, feature?: string) => `resource "aws_guardduty_detector" "main" {
${detector}}
${
  feature === undefined
    ? ''
    : `
resource "aws_guardduty_detector_feature" "plan" {
  detector_id = aws_guardduty_detector.main.id
${feature}}
`
}`;

export function defineFeatureRule(spec: FeatureSpec): Rule<GuardDutyDetectorProps> {
  const f = spec.feature;
  return defineAwsRule({
    id: spec.id,
    resourceType: 'aws.guardduty.detector',
    category: 'logging-monitoring',
    severity: spec.severity,
    fsbp: [spec.fsbp],
    appliesTo: detectorEnabled,
    needs: ['Features'],
    text: {
      title: spec.title,
      description: spec.description,
      rationale: spec.rationale,
      remediation: {
        text: {
          en: `Enable ${spec.plan.en} on the detector (in an organisation, from the GuardDuty delegated administrator for all member accounts).`,
          ja: `検出器で${spec.plan.ja}を有効にする（組織では GuardDuty の委任管理者から全メンバーアカウントに対して有効にする）。`,
        },
        console: spec.console,
        cli: `aws guardduty update-detector --detector-id <DETECTOR_ID> --features '[{"Name":"${f}","Status":"ENABLED"}]'`,
        cloudformation: `AWS::GuardDuty::Detector Features: [{ Name: ${f}, Status: ENABLED }]`,
        terraform: `resource "aws_guardduty_detector_feature" { detector_id = <DETECTOR_ID>, name = "${f}", status = "ENABLED" }`,
        url: spec.url,
      },
    },
    evaluate: ({ props }) => {
      const i = props.Features?.findIndex((x) => x.Name === f) ?? -1;
      const feature = props.Features?.[i];
      if (!feature) {
        return notApplicable({
          en: `The detector does not offer ${f} (not available in this region)`,
          ja: `検出器に ${f} がない（このリージョンでは提供されていない）`,
        });
      }
      const status: unknown = feature.Status;
      if (isUnknown(status)) return error(`unresolved value at Features.${i}.Status: ${status.$unknown}`);
      if (status === undefined) return error(`not collected: Features.${i}.Status`);
      if (status === 'ENABLED') return pass();
      return fail(`Features.${i}.Status`, {
        en: `${spec.plan.en} (${f}) is ${String(status)} on detector ${props.DetectorId ?? ''}`.trim(),
        ja: `検出器 ${props.DetectorId ?? ''} で${spec.plan.ja}（${f}）が ${String(status)} になっている`,
      });
    },
    fixtures: {
      live: {
        pass: [{ props: detectorProps() }],
        fail: [{ props: detectorProps({ [f]: 'DISABLED' }) }],
        error: [
          { props: detectorProps(), gaps: { Features: 'AccessDeniedException: guardduty:GetDetector' } },
          { props: detectorProps({}, { Status: undefined }) },
        ],
        notApplicable: [
          { props: detectorProps({}, { Status: 'DISABLED' }) },
          { props: detectorProps({ [f]: 'ABSENT' }) },
        ],
      },
      cloudformation: {
        pass: [cfn(`      Enable: true\n      Features:\n        - Name: ${f}\n          Status: ENABLED\n`)],
        fail: [
          cfn(`      Enable: true\n      Features:\n        - Name: ${f}\n          Status: DISABLED\n`),
          ...(spec.cfnLegacyFail ? [cfn(`      Enable: true\n      DataSources:\n${spec.cfnLegacyFail}`)] : []),
        ],
        error: [
          cfn('      Enable: true\n      FindingPublishingFrequency: FIFTEEN_MINUTES\n'),
          `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  PlanStatus:
    Type: String
    AllowedValues: [ENABLED, DISABLED]
Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      Features:
        - Name: ${f}
          Status: !Ref PlanStatus
`,
        ],
        notApplicable: [cfn(`      Enable: false\n      Features:\n        - Name: ${f}\n          Status: ENABLED\n`)],
      },
      terraform: {
        pass: [tf('  enable = true\n', `  name        = "${f}"\n  status      = "ENABLED"\n`)],
        fail: [tf('  enable = true\n', `  name        = "${f}"\n  status      = "DISABLED"\n`)],
        error: [tf('  enable = true\n')],
        notApplicable: [tf('  enable = false\n', `  name        = "${f}"\n  status      = "ENABLED"\n`)],
      },
    },
  });
}
