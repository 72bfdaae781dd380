import type { Resource } from '../../../../src/core/resource.js';
import type { ListenerProps } from '../../../../src/inventory/aws/edge.js';
import type {
  BudgetProps,
  DbClusterProps,
  DbInstanceProps,
  EfsFileSystemProps,
  LoadBalancerProps,
} from '../../../../src/inventory/aws/services.js';
import type { DemoIndex } from '../demo-index.js';
import { fakeError, page } from '../index.js';
import type { FakeContext, FakeHandlers, FakeInput } from '../types.js';

export interface DataHandlerOptions {
  /** Most items per page of every list; small by default so that paging is exercised. */
  pageSize?: number;
}

/** A demo gap ("AccessDenied: User: … is not authorized …") answered as the error AWS gave. */
function deniedIfGap(resource: Resource<unknown>, path: string): void {
  const gap = resource.gaps?.[path];
  if (gap === undefined) return;
  const m = /^(\w+): ([\s\S]*)$/.exec(gap);
  throw fakeError(m?.[1] ?? 'AccessDenied', m?.[2] ?? gap, 403);
}

const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/**
 * RDS (Query), EFS (REST JSON), Elastic Load Balancing v2 (Query) and Budgets (JSON 1.1), answering from the demo's
 * databases, file systems, load balancers and budgets as the API references shape their outputs.
 */
export function dataHandlers(inv: DemoIndex, options: DataHandlerOptions = {}): FakeHandlers {
  const pageSize = options.pageSize ?? 2;
  const instances = (ctx: FakeContext) => inv.ofType<DbInstanceProps>('aws.rds.db_instance', ctx.account, ctx.region);
  const clusters = (ctx: FakeContext) => inv.ofType<DbClusterProps>('aws.rds.db_cluster', ctx.account, ctx.region);
  const fileSystems = (ctx: FakeContext) =>
    inv.ofType<EfsFileSystemProps>('aws.efs.file_system', ctx.account, ctx.region);
  const balancers = (ctx: FakeContext) =>
    inv.ofType<LoadBalancerProps>('aws.elbv2.load_balancer', ctx.account, ctx.region);
  const listeners = (ctx: FakeContext) => inv.ofType<ListenerProps>('aws.elbv2.listener', ctx.account, ctx.region);
  const balancer = (arn: string, ctx: FakeContext) => {
    const lb = balancers(ctx).find((b) => b.uid === arn);
    if (!lb) throw fakeError('LoadBalancerNotFound', `Load balancers '[${arn}]' not found`, 400);
    return lb;
  };

  return {
    rds: {
      // DescribeDBInstances: every instance of the region (TagList included), or the one named; Marker in and out.
      DescribeDBInstances: (input: FakeInput, ctx: FakeContext) => {
        let items = instances(ctx);
        if (typeof input.DBInstanceIdentifier === 'string') {
          const id = input.DBInstanceIdentifier;
          items = items.filter((i) => i.props.DBInstanceIdentifier === id || i.uid === id);
          if (items.length === 0) throw fakeError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
        }
        return page(
          items.map((i) => i.props),
          input,
          { itemsKey: 'DBInstances', tokenIn: 'Marker', pageSize, invalidTokenCode: 'InvalidParameterValue' },
        );
      },
      DescribeDBClusters: (input: FakeInput, ctx: FakeContext) => {
        let items = clusters(ctx);
        if (typeof input.DBClusterIdentifier === 'string') {
          const id = input.DBClusterIdentifier;
          items = items.filter((c) => c.props.DBClusterIdentifier === id || c.uid === id);
          if (items.length === 0) throw fakeError('DBClusterNotFoundFault', `DBCluster ${id} not found.`, 404);
        }
        return page(
          items.map((c) => c.props),
          input,
          { itemsKey: 'DBClusters', tokenIn: 'Marker', pageSize, invalidTokenCode: 'InvalidParameterValue' },
        );
      },
    },
    elasticfilesystem: {
      // DescribeFileSystems: Marker in, NextMarker out, MaxItems page size; the description carries Name and Tags.
      DescribeFileSystems: (input: FakeInput, ctx: FakeContext) => {
        let items = fileSystems(ctx);
        if (typeof input.FileSystemId === 'string') {
          const id = input.FileSystemId;
          items = items.filter((f) => f.props.FileSystemId === id || f.uid === id);
          if (items.length === 0) throw fakeError('FileSystemNotFound', `File system '${id}' does not exist.`, 404);
        }
        if (typeof input.CreationToken === 'string') {
          const token = input.CreationToken;
          items = items.filter((f) => f.props.CreationToken === token);
        }
        const out = page(
          items.map(({ props: { BackupPolicy: _backup, ...fs } }) => fs),
          input,
          { itemsKey: 'FileSystems', tokenIn: 'Marker', tokenOut: 'NextMarker', pageSize, maxKey: 'MaxItems' },
        );
        return typeof input.Marker === 'string' ? { Marker: input.Marker, ...out } : out;
      },
      // DescribeBackupPolicy: PolicyNotFound when automatic backups were never turned on.
      DescribeBackupPolicy: (input: FakeInput, ctx: FakeContext) => {
        const id = String(input.FileSystemId);
        const fs = fileSystems(ctx).find((f) => f.props.FileSystemId === id);
        if (!fs) throw fakeError('FileSystemNotFound', `File system '${id}' does not exist.`, 404);
        deniedIfGap(fs, 'BackupPolicy');
        if (!fs.props.BackupPolicy) {
          throw fakeError('PolicyNotFound', `Backup policy for file system '${id}' does not exist.`, 404);
        }
        return { BackupPolicy: fs.props.BackupPolicy };
      },
    },
    elasticloadbalancing: {
      // DescribeLoadBalancers: no attributes and no tags in this answer; Marker in, NextMarker out, PageSize.
      DescribeLoadBalancers: (input: FakeInput, ctx: FakeContext) => {
        let items = balancers(ctx);
        const arns = Array.isArray(input.LoadBalancerArns) ? (input.LoadBalancerArns as string[]) : [];
        const names = Array.isArray(input.Names) ? (input.Names as string[]) : [];
        if (arns.length > 0) items = arns.map((arn) => balancer(arn, ctx));
        if (names.length > 0) {
          items = items.filter((b) => names.includes(b.props.LoadBalancerName ?? ''));
          if (items.length < names.length) {
            throw fakeError('LoadBalancerNotFound', `One or more load balancers not found`, 400);
          }
        }
        return page(
          items.map(({ props: { Attributes: _attributes, WebACLArn: _acl, ...lb } }) => lb),
          input,
          { itemsKey: 'LoadBalancers', tokenIn: 'Marker', tokenOut: 'NextMarker', pageSize, maxKey: 'PageSize' },
        );
      },
      DescribeLoadBalancerAttributes: (input: FakeInput, ctx: FakeContext) => {
        const lb = balancer(String(input.LoadBalancerArn), ctx);
        deniedIfGap(lb, 'Attributes');
        return { Attributes: lb.props.Attributes };
      },
      // DescribeListeners: the listeners of one load balancer (or the ones named); Marker in, NextMarker out.
      DescribeListeners: (input: FakeInput, ctx: FakeContext) => {
        let items = listeners(ctx);
        if (typeof input.LoadBalancerArn === 'string') {
          const lb = balancer(input.LoadBalancerArn, ctx);
          items = items.filter((l) => l.props.LoadBalancerArn === lb.uid);
        }
        const arns = Array.isArray(input.ListenerArns) ? (input.ListenerArns as string[]) : [];
        if (arns.length > 0) {
          items = items.filter((l) => arns.includes(l.uid));
          if (items.length < arns.length) throw fakeError('ListenerNotFound', 'One or more listeners not found', 400);
        }
        return page(
          items.map((l) => l.props),
          input,
          { itemsKey: 'Listeners', tokenIn: 'Marker', tokenOut: 'NextMarker', pageSize, maxKey: 'PageSize' },
        );
      },
      // DescribeTags: up to 20 resource ARNs (load balancers, listeners) per call, each answered with its tags.
      DescribeTags: (input: FakeInput, ctx: FakeContext) => {
        const arns = Array.isArray(input.ResourceArns) ? (input.ResourceArns as string[]) : [];
        if (arns.length === 0 || arns.length > 20) {
          throw fakeError('ValidationError', 'ResourceArns must hold between 1 and 20 ARNs', 400);
        }
        const found: Resource<unknown>[] = arns.map(
          (arn) => listeners(ctx).find((l) => l.uid === arn) ?? balancer(arn, ctx),
        );
        for (const lb of found) deniedIfGap(lb, 'Tags');
        return { TagDescriptions: found.map((lb) => ({ ResourceArn: lb.uid, Tags: tagList(lb.tags) })) };
      },
    },
    wafv2: {
      // GetWebACLForResource: the web ACL associated with a load balancer; an empty answer when there is none.
      GetWebACLForResource: (input: FakeInput, ctx: FakeContext) => {
        const lb = balancers(ctx).find((b) => b.uid === input.ResourceArn);
        if (!lb)
          throw fakeError(
            'WAFNonexistentItemException',
            'AWS WAF couldn’t perform the operation because your resource doesn’t exist.',
            400,
          );
        deniedIfGap(lb, 'WebACLArn');
        const arn = lb.props.WebACLArn;
        if (!arn) return {};
        const [name, id] = arn.split('/').slice(-2);
        return {
          WebACL: {
            Name: name,
            Id: id,
            ARN: arn,
            DefaultAction: { Allow: {} },
            Rules: [],
            VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: name },
          },
        };
      },
    },
    budgets: {
      // DescribeBudgets: only for the caller's own account; NextToken in and out, MaxResults page size.
      DescribeBudgets: (input: FakeInput, ctx: FakeContext) => {
        if (input.AccountId !== ctx.account) {
          throw fakeError(
            'AccessDeniedException',
            `User: arn:aws:iam::${ctx.account}:user/mamori-scanner is not authorized to view budgets of account ${String(input.AccountId)}`,
            400,
          );
        }
        const items = inv.ofType<BudgetProps>('aws.budgets.budget', ctx.account).map((b) => b.props);
        // Budgets answers an account that has none with NotFoundException rather than an empty list.
        if (items.length === 0) {
          throw fakeError(
            'NotFoundException',
            `[Exception=NotFoundException] Unable to get budgets for account: ${ctx.account} - No budgets exist for this account`,
            400,
          );
        }
        return page(items, input, {
          itemsKey: 'Budgets',
          tokenIn: 'NextToken',
          pageSize,
          maxKey: 'MaxResults',
          invalidTokenCode: 'InvalidNextTokenException',
        });
      },
    },
  };
}
