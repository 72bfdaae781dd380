import { error, fail, pass } from '../../../core/rule.js';
import type { TrailProps } from '../../../inventory/aws/services.js';
import { defineAwsRule } from '../../define.js';
import { managementEventsCovered } from '../lib/cloudtrail.js';
import { relatedGap } from '../lib/related.js';

export default defineAwsRule({
  id: 'aws-cloudtrail-multi-region-enabled',
  resourceType: 'aws.account',
  category: 'logging-monitoring',
  severity: 'high',
  // Account-wide (is there such a trail at all); a template shows only its own trails and has no aws.account.
  iac: false,
  fsbp: ['CloudTrail.1'],
  uses: ['aws.cloudtrail.trail'],
  text: {
    title: {
      en: 'CloudTrail is enabled in all regions',
      ja: 'すべてのリージョンで CloudTrail が有効になっている',
    },
    description: {
      en: 'Checks that the account has at least one multi-region trail that is logging and records all management events (read and write).',
      ja: 'ログ記録中で、すべての管理イベント（読み取りと書き込み）を記録するマルチリージョン証跡が少なくとも 1 つあることを確認する。',
    },
    rationale: {
      en: 'API history from every region is what an investigation starts from; an attacker will use the region nobody watches.',
      ja: '全リージョンの API 履歴は調査の出発点になる。攻撃者は誰も見ていないリージョンを使う。',
    },
    remediation: {
      text: {
        en: 'Create (or change) a trail that applies to all regions, logs all management events and is logging.',
        ja: '全リージョンに適用され、すべての管理イベントを記録する証跡を作成（または変更）し、ログ記録を開始する。',
      },
      console: {
        en: 'CloudTrail console → Trails → Create trail (or edit) → enable for all regions → Management events: Read and Write → Create / Save; then Start logging.',
        ja: 'CloudTrail コンソール → 証跡 → 証跡の作成（または編集）→ すべてのリージョンで有効化 → 管理イベント: 読み取りと書き込み → 作成 / 保存し、ログ記録を開始する。',
      },
      cli: 'aws cloudtrail create-trail --name <TRAIL> --s3-bucket-name <BUCKET> --is-multi-region-trail\naws cloudtrail put-event-selectors --trail-name <TRAIL> --event-selectors \'[{"ReadWriteType":"All","IncludeManagementEvents":true}]\'\naws cloudtrail start-logging --name <TRAIL>',
      cloudformation: 'IsMultiRegionTrail: true\nIsLogging: true',
      terraform: 'is_multi_region_trail = true\nenable_logging = true',
      url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    },
  },
  evaluate: ({ resource, lookups }) => {
    const trails = lookups.ofType<TrailProps>('aws.cloudtrail.trail', resource.account);
    const good = trails.find(
      (t) =>
        t.props.IsMultiRegionTrail === true && t.props.Status?.IsLogging === true && managementEventsCovered(t.props),
    );
    if (!good) {
      const blind = trails.map((t) => relatedGap(t, ['Status', 'EventSelectors'])).find((g) => g !== undefined);
      if (blind) return error(blind);
    }
    return good
      ? pass({ en: `Trail ${good.name} covers all regions`, ja: `証跡 ${good.name} が全リージョンを対象にしている` })
      : fail('AccountId', {
          en: `None of the ${trails.length} trail(s) is multi-region, logging and recording all management events`,
          ja: `${trails.length} 件の証跡のいずれも、マルチリージョン・ログ記録中・全管理イベント記録を満たしていない`,
        });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: { AccountId: '111122223333' },
          related: [
            {
              type: 'aws.cloudtrail.trail',
              props: {
                Name: 'org-trail',
                IsMultiRegionTrail: true,
                Status: { IsLogging: true },
                EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
              },
            },
          ],
        },
      ],
      fail: [
        { props: { AccountId: '111122223333' } },
        {
          props: { AccountId: '111122223333' },
          related: [
            {
              type: 'aws.cloudtrail.trail',
              props: {
                Name: 'stopped',
                IsMultiRegionTrail: true,
                Status: { IsLogging: false },
                EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
              },
            },
            {
              type: 'aws.cloudtrail.trail',
              props: {
                Name: 'write-only',
                IsMultiRegionTrail: true,
                Status: { IsLogging: true },
                EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }],
              },
            },
          ],
        },
      ],
      error: [
        {
          props: { AccountId: '111122223333' },
          related: [
            {
              type: 'aws.cloudtrail.trail',
              props: { Name: 'unknown-status', IsMultiRegionTrail: true },
              gaps: { Status: 'AccessDenied: cloudtrail:GetTrailStatus' },
            },
          ],
        },
        {
          props: { AccountId: '111122223333' },
          errors: [{ service: 'cloudtrail', operation: 'DescribeTrails', code: 'AccessDenied', region: 'us-east-1' }],
        },
      ],
    },
  },
});
