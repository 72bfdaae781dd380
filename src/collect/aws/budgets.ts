import { BudgetsClient, paginateDescribeBudgets } from '@aws-sdk/client-budgets';
import type { BudgetProps } from '../../inventory/aws/services.js';
import type { Collector } from './runtime/collector.js';
import { classify } from './runtime/errors.js';
import { allPages, toJson } from './runtime/pages.js';

/**
 * aws.budgets.budget: DescribeBudgets for the account (region 'global'). Budgets has one endpoint per partition,
 * in us-east-1 for the commercial partition (cn-northwest-1 in China).
 */
export const budgetsCollector: Collector = {
  service: 'budgets',
  scope: 'global',
  types: ['aws.budgets.budget'],
  async collect(ctx) {
    const china = ctx.callRegion.startsWith('cn-');
    const partition = china ? 'aws-cn' : 'aws';
    const budgets = ctx.client(BudgetsClient, china ? 'cn-northwest-1' : 'us-east-1');
    const items = await ctx.list('aws.budgets.budget', 'DescribeBudgets', async () => {
      try {
        return await allPages(
          paginateDescribeBudgets({ client: budgets }, { AccountId: ctx.account }),
          (p) => p.Budgets ?? [],
        );
      } catch (e) {
        // An account without any budget may be answered with NotFoundException instead of an empty list.
        if (classify(e).code === 'NotFoundException') return [];
        throw e;
      }
    });
    for (const budget of items ?? []) {
      if (!budget.BudgetName) continue;
      ctx.emit(
        ctx.resource('aws.budgets.budget', {
          uid: `arn:${partition}:budgets::${ctx.account}:budget/${budget.BudgetName}`,
          name: budget.BudgetName,
          props: toJson<BudgetProps>(budget),
        }),
      );
    }
  },
};
