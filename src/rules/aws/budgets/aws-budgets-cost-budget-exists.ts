import { error, fail, pass } from '../../../core/rule.js';
import type { BudgetProps } from '../../../inventory/aws/services.js';
import { defineAwsRule } from '../../define.js';
import { relatedGap } from '../lib/related.js';

// Not a CIS recommendation: seed 003, category 9 (予算・利用金額アラート).
const budget = (name: string, type: string, over: Record<string, unknown> = {}) => ({
  type: 'aws.budgets.budget',
  uid: `arn:aws:budgets::111122223333:budget/${name}`,
  name,
  props: {
    BudgetName: name,
    BudgetLimit: { Amount: '1000.0', Unit: 'USD' },
    CostFilters: {},
    CostTypes: {
      IncludeTax: true,
      IncludeSubscription: true,
      UseBlended: false,
      IncludeRefund: false,
      IncludeCredit: false,
      IncludeUpfront: true,
      IncludeRecurring: true,
      IncludeOtherSubscription: true,
      IncludeSupport: true,
      IncludeDiscount: true,
      UseAmortized: false,
    },
    TimeUnit: 'MONTHLY',
    TimePeriod: { Start: '2025-01-01T00:00:00.000Z', End: '2087-06-15T00:00:00.000Z' },
    CalculatedSpend: {
      ActualSpend: { Amount: '412.37', Unit: 'USD' },
      ForecastedSpend: { Amount: '890.12', Unit: 'USD' },
    },
    BudgetType: type,
    LastUpdatedTime: '2026-10-31T08:00:00.000Z',
    ...over,
  },
});

export default defineAwsRule({
  id: 'aws-budgets-cost-budget-exists',
  resourceType: 'aws.account',
  category: 'cost',
  severity: 'medium',
  // Account-wide (does any budget exist), which a template cannot show.
  iac: false,
  uses: ['aws.budgets.budget'],
  text: {
    title: { en: 'A cost budget exists for the account', ja: 'アカウントにコスト予算が設定されている' },
    description: {
      en: 'Checks that the account has at least one AWS Budgets budget of type COST. Budgets that a management account keeps for its members are not seen from the member account.',
      ja: 'アカウントに、タイプが COST の AWS Budgets の予算が少なくとも 1 つあることを確認する。管理アカウント側でメンバーアカウント向けに設定した予算は、メンバーアカウントからは見えない。',
    },
    rationale: {
      en: 'An unexpected jump in spending is often the first visible sign of stolen credentials (crypto mining, resources started in unused regions) as well as of a costly mistake. A cost budget with an alert turns it into a notice within hours instead of a surprise on the invoice.',
      ja: '想定外の利用金額の急増は、高額な設定ミスだけでなく、認証情報の窃取（暗号資産のマイニング、未使用リージョンでのリソース起動）の最初に見える兆候であることが多い。アラート付きのコスト予算があれば、請求書で驚く前に数時間以内に気付ける。',
    },
    remediation: {
      text: {
        en: 'Create a monthly cost budget with actual and forecast alerts to a monitored address or SNS topic.',
        ja: '実績と予測のアラートを監視中のアドレスまたは SNS トピックに通知する、月次のコスト予算を作成する。',
      },
      console: {
        en: 'Billing and Cost Management console → Budgets → Create budget → Cost budget → amount and period → alert thresholds (e.g. 80% actual, 100% forecasted) with e-mail recipients or an SNS topic → Create budget.',
        ja: '請求とコスト管理コンソール → 予算 → 予算を作成 → コスト予算 → 金額と期間 → アラートのしきい値（実績 80%、予測 100% など）と通知先のメールアドレスまたは SNS トピック → 予算を作成。',
      },
      cli: 'aws budgets create-budget --account-id <ACCOUNT_ID> --budget \'{"BudgetName":"monthly-cost","BudgetType":"COST","TimeUnit":"MONTHLY","BudgetLimit":{"Amount":"<AMOUNT>","Unit":"USD"}}\' --notifications-with-subscribers \'[{"Notification":{"NotificationType":"FORECASTED","ComparisonOperator":"GREATER_THAN","Threshold":100,"ThresholdType":"PERCENTAGE"},"Subscribers":[{"SubscriptionType":"EMAIL","Address":"<EMAIL>"}]}]\'',
      cloudformation:
        'AWS::Budgets::Budget Budget: { BudgetType: COST, TimeUnit: MONTHLY, BudgetLimit: { Amount: <AMOUNT>, Unit: USD } }, NotificationsWithSubscribers: [...]',
      terraform:
        'aws_budgets_budget: budget_type = "COST", time_unit = "MONTHLY", limit_amount = "<AMOUNT>", limit_unit = "USD", notification { ... }',
      url: 'https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-create.html',
    },
  },
  evaluate: ({ resource, lookups }) => {
    const budgets = lookups.ofType<BudgetProps>('aws.budgets.budget', resource.account);
    const cost = budgets.find((b) => b.props.BudgetType === 'COST');
    if (cost) return pass({ en: `Cost budget ${cost.props.BudgetName}`, ja: `コスト予算 ${cost.props.BudgetName}` });
    const blind = budgets.map((b) => relatedGap(b, ['BudgetType'])).find((g) => g !== undefined);
    if (blind) return error(blind);
    return fail('AccountId', {
      en:
        budgets.length === 0
          ? 'The account has no AWS Budgets budget'
          : `The account has ${budgets.length} budget(s), but none of type COST (${budgets.map((b) => b.props.BudgetType).join(', ')})`,
      ja:
        budgets.length === 0
          ? 'アカウントに AWS Budgets の予算がない'
          : `アカウントに予算が ${budgets.length} 件あるが、タイプ COST のものがない（${budgets.map((b) => b.props.BudgetType).join('、')}）`,
    });
  },
  fixtures: {
    live: {
      pass: [
        { props: { AccountId: '111122223333' }, related: [budget('monthly-cost', 'COST')] },
        {
          props: { AccountId: '111122223333' },
          related: [
            budget('ec2-hours', 'USAGE', { BudgetLimit: { Amount: '2000.0', Unit: 'Hrs' } }),
            budget('quarterly-cost', 'COST', { TimeUnit: 'QUARTERLY' }),
          ],
        },
      ],
      fail: [
        { props: { AccountId: '111122223333' } },
        {
          props: { AccountId: '111122223333' },
          related: [
            budget('ec2-hours', 'USAGE', { BudgetLimit: { Amount: '2000.0', Unit: 'Hrs' } }),
            budget('ri-utilization', 'RI_UTILIZATION', { BudgetLimit: { Amount: '90.0', Unit: 'PERCENTAGE' } }),
          ],
        },
      ],
      error: [
        {
          props: { AccountId: '111122223333' },
          errors: [
            { service: 'budgets', operation: 'DescribeBudgets', code: 'AccessDeniedException', region: 'global' },
          ],
        },
        {
          props: { AccountId: '111122223333' },
          related: [
            { ...budget('unknown', 'COST', { BudgetType: undefined }), gaps: { BudgetType: 'ThrottlingException' } },
          ],
        },
      ],
    },
  },
});
