// The CIS "… is monitored" recommendations (v6.0.0/v7.0.0 5.1–5.15, v5.0.0 4.1–4.15) share one chain:
// multi-region trail → CloudWatch Logs log group → metric filter whose pattern catches the events → alarm on the
// filter's metric → SNS topic → a confirmed subscriber. This file holds the filter-pattern reasoning, the chain walk
// and the rule factory; each rule file gives only its pattern, its words and a few fixture patterns.
//
// How a filter pattern is judged (the reason this is not a string comparison):
// - The pattern is parsed as a CloudWatch Logs JSON filter pattern ({ … } with &&, ||, parentheses, =, !=, <, >,
//   <=, >=, NOT EXISTS, IS NULL/TRUE/FALSE, quoted or bare values, * wildcards, %regex%). Whitespace, quoting and
//   term order therefore do not matter. A pattern that is not a JSON pattern (plain terms) never counts.
// - The reference pattern (ours, written from the CloudTrail event names) is expanded into its disjunctive normal
//   form: each conjunct describes one kind of event that must be caught (e.g. eventName = DeleteTrail).
//   A few extra facts are added to every conjunct: the event source the events come from, and the noise filters
//   that CIS itself proposes (e.g. sourceIPAddress != delivery.logs.amazonaws.com). A user's pattern may add those
//   terms without being judged narrower.
// - The user's pattern is evaluated against each conjunct with three-valued logic: a term is true or false when the
//   conjunct's facts decide it (same field; equal values, wildcard inclusion, != against =, NOT EXISTS against =) and
//   unknown otherwise. The filter counts only when it is TRUE for every conjunct, so extra || branches are accepted
//   (they only widen the match), extra && terms are accepted only when the facts imply them, and any term that could
//   drop a required event (another field, a narrower value, a missing event name) makes it not count. This is sound
//   (a counted filter really catches every required event) though not complete (an unusual but equivalent pattern
//   can be missed, which shows as FAIL with the reason, never as a false PASS).
// - && and || are mixed without parentheses in some published patterns. Because the precedence is not documented
//   well, such a pattern must satisfy both readings (&& binding tighter, and plain left to right).

import type { Resource } from '../../../core/resource.js';
import type { FixtureResource, Lookups, Rule, RuleFixtures, Verdict } from '../../../core/rule.js';
import { error, fail, pass } from '../../../core/rule.js';
import type { Severity } from '../../../core/severity.js';
import type { Text } from '../../../core/text.js';
import type { AccountProps } from '../../../inventory/aws/account.js';
import type {
  MetricAlarmProps,
  MetricFilterProps,
  SnsTopicProps,
  TrailProps,
} from '../../../inventory/aws/services.js';
import { defineAwsRule } from '../../define.js';
import { excludedManagementSources, managementEventsCovered } from './cloudtrail.js';
import { relatedGap } from './related.js';

// ---------------------------------------------------------------------------------------------------------------
// Filter patterns

type Op = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'NOT EXISTS' | 'IS NULL' | 'IS TRUE' | 'IS FALSE';

/** One comparison: `$.field op value`, or a keyword test on the field. */
export interface Term {
  field: string;
  op: Op;
  value?: string;
  /** %…% value */
  regex?: boolean;
}

/** One parenthesis level as written: operands and the operators between them. */
interface Seq {
  operands: Array<Term | Seq>;
  ops: Array<'&&' | '||'>;
}

type Expr = { kind: 'term'; term: Term } | { kind: 'and' | 'or'; items: Expr[] };

const isTerm = (x: Term | Seq): x is Term => 'field' in x;

/** Parses a JSON filter pattern; undefined when the text is not one (or is malformed). */
export function parseFilterPattern(pattern: string): Seq | undefined {
  const s = pattern.trim();
  if (!s.startsWith('{') || !s.endsWith('}')) return undefined;
  const end = s.length - 1;
  let i = 1;
  const skipSpace = () => {
    while (i < end && /\s/.test(s.charAt(i))) i++;
  };
  const value = (): { text: string; regex: boolean } | undefined => {
    if (s.charAt(i) === '"') {
      let text = '';
      i++;
      while (i < end && s.charAt(i) !== '"') {
        if (s.charAt(i) === '\\' && i + 1 < end) i++;
        text += s.charAt(i);
        i++;
      }
      if (s.charAt(i) !== '"') return undefined;
      i++;
      return { text, regex: false };
    }
    if (s.charAt(i) === '%') {
      const close = s.indexOf('%', i + 1);
      if (close < 0 || close >= end) return undefined;
      const text = s.slice(i + 1, close);
      i = close + 1;
      return { text, regex: true };
    }
    const start = i;
    while (i < end && !/[\s()]/.test(s.charAt(i)) && s.slice(i, i + 2) !== '&&' && s.slice(i, i + 2) !== '||') i++;
    return i > start ? { text: s.slice(start, i), regex: false } : undefined;
  };
  const term = (): Term | undefined => {
    if (s.charAt(i) !== '$') return undefined;
    const start = i;
    while (i < end && !/[\s=!<>()&|]/.test(s.charAt(i))) i++;
    const field = s.slice(start, i);
    if (!field.startsWith('$.') || field.length < 3) return undefined;
    skipSpace();
    const rest = s.slice(i, end);
    const keyword = /^(NOT\s+EXISTS|IS\s+NULL|IS\s+TRUE|IS\s+FALSE)(?![A-Za-z0-9_])/i.exec(rest);
    if (keyword) {
      i += keyword[0].length;
      return { field, op: keyword[1]!.toUpperCase().replace(/\s+/, ' ') as Op };
    }
    const op = /^(!=|<=|>=|=|<|>)/.exec(rest);
    if (!op) return undefined;
    i += op[0].length;
    skipSpace();
    const v = value();
    if (!v) return undefined;
    return v.regex ? { field, op: op[1] as Op, value: v.text, regex: true } : { field, op: op[1] as Op, value: v.text };
  };
  const seq = (): Seq | undefined => {
    const operands: Array<Term | Seq> = [];
    const ops: Array<'&&' | '||'> = [];
    for (;;) {
      skipSpace();
      let operand: Term | Seq | undefined;
      if (s.charAt(i) === '(') {
        i++;
        operand = seq();
        skipSpace();
        if (operand === undefined || s.charAt(i) !== ')') return undefined;
        i++;
      } else {
        operand = term();
      }
      if (operand === undefined) return undefined;
      operands.push(operand);
      skipSpace();
      const two = s.slice(i, i + 2);
      if (two !== '&&' && two !== '||') return { operands, ops };
      ops.push(two);
      i += 2;
    }
  };
  const root = seq();
  skipSpace();
  return root !== undefined && i === end ? root : undefined;
}

/** Builds the expression tree: `precedence` lets && bind tighter than ||; `left` reads left to right. */
function build(seq: Seq, mode: 'precedence' | 'left'): Expr {
  const operands: Expr[] = seq.operands.map((o) => (isTerm(o) ? { kind: 'term', term: o } : build(o, mode)));
  const first = operands[0]!;
  if (mode === 'left') {
    let acc = first;
    seq.ops.forEach((op, k) => {
      acc = { kind: op === '&&' ? 'and' : 'or', items: [acc, operands[k + 1]!] };
    });
    return acc;
  }
  const groups: Expr[][] = [[first]];
  seq.ops.forEach((op, k) => {
    if (op === '&&') groups[groups.length - 1]!.push(operands[k + 1]!);
    else groups.push([operands[k + 1]!]);
  });
  const conjunctions: Expr[] = groups.map((g) => (g.length === 1 ? g[0]! : { kind: 'and', items: g }));
  return conjunctions.length === 1 ? conjunctions[0]! : { kind: 'or', items: conjunctions };
}

/** Disjunctive normal form: a list of conjunctions of terms. */
function dnf(e: Expr): Term[][] {
  if (e.kind === 'term') return [[e.term]];
  const parts = e.items.map(dnf);
  if (e.kind === 'or') return parts.flat();
  return parts.reduce<Term[][]>((acc, p) => acc.flatMap((a) => p.map((b) => [...a, ...b])), [[]]);
}

const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when every string the glob `subject` can stand for is matched by the glob `pattern` (sound, not complete):
 * the pattern is matched against the subject's text, where a * of the subject can only be taken by a * of the pattern.
 */
function globCovers(pattern: string, subject: string): boolean {
  return new RegExp(`^${pattern.split('*').map(escapeRegExp).join('[\\s\\S]*')}$`).test(subject);
}

type Tri = 'T' | 'F' | 'U';

/** What a known fact `f` about a field says about the user's term `u` on the same field. */
function implied(f: Term, u: Term): Tri {
  if (f.op === u.op && f.value === u.value && f.regex === u.regex) return 'T';
  if (f.regex || u.regex) return 'U';
  if (f.op === '=' && f.value !== undefined) {
    const wild = f.value.includes('*');
    switch (u.op) {
      case '=':
        return globCovers(u.value ?? '', f.value) ? 'T' : wild ? 'U' : 'F';
      case '!=':
        return globCovers(u.value ?? '', f.value) ? 'F' : wild ? 'U' : 'T';
      case 'NOT EXISTS':
      case 'IS NULL':
        return 'F';
      default:
        return 'U';
    }
  }
  if (f.op === '!=' && f.value !== undefined && u.value !== undefined) {
    // f: the value is outside L(f); when L(u) ⊆ L(f) the value is outside L(u) too.
    if (globCovers(f.value, u.value)) return u.op === '!=' ? 'T' : u.op === '=' ? 'F' : 'U';
    return 'U';
  }
  if (f.op === 'NOT EXISTS' && u.op === '=') return 'F';
  return 'U';
}

function truth(e: Expr, facts: readonly Term[]): Tri {
  if (e.kind === 'term') {
    for (const f of facts) {
      if (f.field !== e.term.field) continue;
      const r = implied(f, e.term);
      if (r !== 'U') return r;
    }
    return 'U';
  }
  const values = e.items.map((x) => truth(x, facts));
  if (e.kind === 'and') return values.includes('F') ? 'F' : values.every((v) => v === 'T') ? 'T' : 'U';
  return values.includes('T') ? 'T' : values.every((v) => v === 'F') ? 'F' : 'U';
}

/** The events a filter must catch: one list of facts per kind of event. */
export type ReferencePattern = readonly (readonly Term[])[];

/** Compiles our reference pattern and the terms a filter may add (assumed true for every required event). */
export function compileReference(pattern: string, assume: readonly string[] = []): ReferencePattern {
  const seq = parseFilterPattern(pattern);
  if (seq === undefined) throw new Error(`malformed reference filter pattern: ${pattern}`);
  const extra = assume.map((a) => {
    const s = parseFilterPattern(`{ ${a} }`);
    const only = s?.operands[0];
    if (s === undefined || s.operands.length !== 1 || only === undefined || !isTerm(only)) {
      throw new Error(`an assumed term must be one comparison: ${a}`);
    }
    return only;
  });
  return dnf(build(seq, 'precedence')).map((conjunct) => [...conjunct, ...extra]);
}

/** True when the filter pattern catches every event the reference describes (see the file header). */
export function patternCovers(filterPattern: string, reference: ReferencePattern): boolean {
  const seq = parseFilterPattern(filterPattern);
  if (seq === undefined) return false;
  // Both readings agree unless && and || are mixed at one level without parentheses; then both must hold.
  const trees = [build(seq, 'precedence'), build(seq, 'left')];
  return reference.every((facts) => trees.every((tree) => truth(tree, facts) === 'T'));
}

/** `{ ($.eventSource = src) && (($.eventName = A) || …) }`, or without the source; bare or quoted values. */
export function eventNamePattern(names: readonly string[], source?: string, quote = false): string {
  const q = (v: string) => (quote ? `"${v}"` : v);
  const any = names.map((n) => `($.eventName = ${q(n)})`).join(' || ');
  return source === undefined ? `{ ${any} }` : `{ ($.eventSource = ${q(source)}) && (${any}) }`;
}

// ---------------------------------------------------------------------------------------------------------------
// The chain

const TRAIL_PATHS = [
  'IsMultiRegionTrail',
  'Status',
  'EventSelectors',
  'AdvancedEventSelectors',
  'CloudWatchLogsLogGroupArn',
];

interface ArnParts {
  account: string;
  region: string;
  resource: string;
}

/** arn:partition:service:region:account:resource (the resource may contain colons). */
function parseArn(arn: string, service: string): ArnParts | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== service) return undefined;
  return { region: parts[3]!, account: parts[4]!, resource: parts.slice(5).join(':') };
}

/** The log group of arn:aws:logs:<region>:<account>:log-group:<name>[:*]. */
function parseLogGroupArn(arn: string): ArnParts | undefined {
  const p = parseArn(arn, 'logs');
  if (p === undefined || !p.resource.startsWith('log-group:')) return undefined;
  return { ...p, resource: p.resource.slice('log-group:'.length).replace(/:\*$/, '') };
}

const joined = (items: readonly Text[]): Text => ({
  en: items.map((t) => t.en).join('; '),
  ja: items.map((t) => t.ja).join('、'),
});

/** Why a trail cannot carry the chain, or undefined when it can. */
function trailShortfall(t: TrailProps, sources: readonly string[]): Text | undefined {
  const name = t.Name ?? t.TrailARN ?? '?';
  if (t.IsMultiRegionTrail !== true) return { en: `${name} is single-region`, ja: `${name} は単一リージョン` };
  if (t.Status?.IsLogging !== true) return { en: `${name} is not logging`, ja: `${name} はログ記録が停止している` };
  if (!managementEventsCovered(t)) {
    return {
      en: `${name} does not record all management events (read and write)`,
      ja: `${name} はすべての管理イベント（読み取りと書き込み）を記録していない`,
    };
  }
  const excluded = excludedManagementSources(t).filter((s) => sources.includes(s));
  if (excluded.length > 0) {
    return {
      en: `${name} excludes management events from ${excluded.join(', ')}`,
      ja: `${name} は ${excluded.join('、')} の管理イベントを除外している`,
    };
  }
  return undefined;
}

/** True when the alarm evaluates the metric, directly or as one input of a metric math alarm. */
function watches(a: MetricAlarmProps, metricName: string, namespace: string): boolean {
  if (a.MetricName === metricName && a.Namespace === namespace) return true;
  return (a.Metrics ?? []).some(
    (m) => m.MetricStat?.Metric?.MetricName === metricName && m.MetricStat.Metric.Namespace === namespace,
  );
}

/** A subscription is confirmed once it has an ARN (PendingConfirmation and Deleted are placeholders). */
const confirmed = (topic: SnsTopicProps) => topic.Subscriptions.filter((s) => s.SubscriptionArn?.startsWith('arn:'));

interface Compiled {
  subject: Text;
  reference: ReferencePattern;
  eventSources: readonly string[];
}

/**
 * Walks every trail → filter → alarm → topic path of the account. PASS on the first complete chain; otherwise ERROR
 * when any path could not be followed (a gap, or a part outside the inventory), else FAIL naming the deepest link
 * that was reached and what is missing after it.
 */
function judgeChain(spec: Compiled, resource: Resource<AccountProps>, lookups: Lookups): Verdict {
  const account = resource.account;
  const blind: string[] = [];
  let deepest: { stage: number; text: Text } | undefined;
  const broken = (stage: number, text: Text) => {
    if (deepest === undefined || stage > deepest.stage) deepest = { stage, text };
  };
  /** Same account: in the inventory unless the inventory lists its regions without this one. */
  const covered = (acct: string, region: string) => {
    const regions = lookups.regions(acct);
    return acct === account ? regions.length === 0 || regions.includes(region) : regions.includes(region);
  };
  const unqualified: Text[] = [];
  const trails = lookups.ofType<TrailProps>('aws.cloudtrail.trail', account);

  for (const trail of trails) {
    const t = trail.props;
    const trailName = t.Name ?? trail.name;
    const trailGap = relatedGap(trail, TRAIL_PATHS);
    if (trailGap !== undefined) {
      blind.push(trailGap);
      continue;
    }
    const shortfall = trailShortfall(t, spec.eventSources);
    if (shortfall !== undefined) {
      unqualified.push(shortfall);
      continue;
    }
    if (!t.CloudWatchLogsLogGroupArn) {
      broken(1, {
        en: `Trail ${trailName} records all management events but does not send them to CloudWatch Logs (CloudWatchLogsLogGroupArn is not set)`,
        ja: `証跡 ${trailName} はすべての管理イベントを記録しているが、CloudWatch Logs に送信していない（CloudWatchLogsLogGroupArn が未設定）`,
      });
      continue;
    }
    const group = parseLogGroupArn(t.CloudWatchLogsLogGroupArn);
    if (group === undefined) {
      blind.push(`${trail.uid}: unreadable CloudWatchLogsLogGroupArn ${t.CloudWatchLogsLogGroupArn}`);
      continue;
    }
    if (!covered(group.account, group.region)) {
      blind.push(
        `log group ${group.resource} of trail ${trailName} is in ${group.account}/${group.region}, which is not in the inventory`,
      );
      continue;
    }
    // A chain that runs through another account is only confirmed, never denied, from here: that account's
    // collection errors are not visible to this rule, so anything found missing there leaves the check open.
    const foreign = group.account !== account;
    const missing = (stage: number, text: Text) => {
      if (foreign) blind.push(`${text.en} (in account ${group.account}, whose collection is not checked here)`);
      else broken(stage, text);
    };

    const filters = lookups
      .ofType<MetricFilterProps>('aws.logs.metric_filter', group.account, group.region)
      .filter((f) => f.props.logGroupName === group.resource || relatedGap(f, ['logGroupName']) !== undefined);
    const seen: string[] = [];
    let matched = 0;
    for (const filter of filters) {
      const gap = relatedGap(filter, ['logGroupName', 'filterPattern', 'metricTransformations']);
      if (gap !== undefined) {
        blind.push(gap);
        continue;
      }
      const f = filter.props;
      const filterName = f.filterName ?? filter.name;
      seen.push(filterName);
      if (!patternCovers(f.filterPattern ?? '', spec.reference)) continue;
      matched++;
      const metrics = (f.metricTransformations ?? []).filter((m) => m.metricName && m.metricNamespace);
      if (metrics.length === 0) {
        missing(3, {
          en: `Metric filter ${filterName} publishes no metric, so no alarm can watch it`,
          ja: `メトリクスフィルター ${filterName} がメトリクスを発行しておらず、アラームで監視できない`,
        });
      }
      for (const m of metrics) {
        if (!m.metricName || !m.metricNamespace) continue;
        const metric = `${m.metricNamespace}/${m.metricName}`;
        let alarmed = 0;
        for (const alarm of lookups.ofType<MetricAlarmProps>('aws.cloudwatch.alarm', group.account, group.region)) {
          const metricGap = relatedGap(alarm, ['MetricName', 'Namespace', 'Metrics']);
          if (metricGap !== undefined) {
            blind.push(metricGap);
            continue;
          }
          const a = alarm.props;
          if (!watches(a, m.metricName, m.metricNamespace)) continue;
          alarmed++;
          const actionGap = relatedGap(alarm, ['AlarmActions', 'ActionsEnabled']);
          if (actionGap !== undefined) {
            blind.push(actionGap);
            continue;
          }
          const alarmName = a.AlarmName ?? alarm.name;
          if (a.ActionsEnabled === false) {
            missing(4, {
              en: `Alarm ${alarmName} on ${metric} has its actions disabled (ActionsEnabled false), so it notifies nobody`,
              ja: `メトリクス ${metric} のアラーム ${alarmName} はアクションが無効（ActionsEnabled false）で、誰にも通知されない`,
            });
            continue;
          }
          const topics = (a.AlarmActions ?? []).filter((x) => parseArn(x, 'sns') !== undefined);
          if (topics.length === 0) {
            missing(4, {
              en: `Alarm ${alarmName} on ${metric} has no SNS topic in its AlarmActions`,
              ja: `メトリクス ${metric} のアラーム ${alarmName} の AlarmActions に SNS トピックがない`,
            });
            continue;
          }
          for (const topicArn of topics) {
            const where = parseArn(topicArn, 'sns')!;
            const topic = lookups
              .ofType<SnsTopicProps>('aws.sns.topic', where.account, where.region)
              .find((x) => x.props.TopicArn === topicArn);
            if (topic === undefined) {
              if (where.account === account && covered(where.account, where.region)) {
                missing(4, {
                  en: `Alarm ${alarmName} notifies SNS topic ${topicArn}, which does not exist`,
                  ja: `アラーム ${alarmName} の通知先 SNS トピック ${topicArn} が存在しない`,
                });
              } else {
                blind.push(`SNS topic ${topicArn} of alarm ${alarmName} is not in the inventory`);
              }
              continue;
            }
            const topicGap = relatedGap(topic, ['Subscriptions']);
            if (topicGap !== undefined) {
              blind.push(topicGap);
              continue;
            }
            const ok = confirmed(topic.props);
            if (ok.length > 0) {
              return pass({
                en: `${trailName} → ${group.resource} → filter ${filterName} → alarm ${alarmName} → ${topicArn} (${ok.length} confirmed subscription(s))`,
                ja: `${trailName} → ${group.resource} → フィルター ${filterName} → アラーム ${alarmName} → ${topicArn}（確認済みサブスクリプション ${ok.length} 件）`,
              });
            }
            const pending = topic.props.Subscriptions.filter((s) => s.SubscriptionArn === 'PendingConfirmation').length;
            missing(
              5,
              pending > 0
                ? {
                    en: `SNS topic ${topicArn} of alarm ${alarmName} has only subscriptions pending confirmation (${pending}), so nobody receives the alert`,
                    ja: `アラーム ${alarmName} の SNS トピック ${topicArn} のサブスクリプションは確認待ち（${pending} 件）のみで、通知が誰にも届かない`,
                  }
                : {
                    en: `SNS topic ${topicArn} of alarm ${alarmName} has no subscriptions`,
                    ja: `アラーム ${alarmName} の SNS トピック ${topicArn} にサブスクリプションがない`,
                  },
            );
          }
        }
        if (alarmed === 0) {
          missing(3, {
            en: `Metric filter ${filterName} publishes ${metric}, but no CloudWatch alarm watches that metric`,
            ja: `メトリクスフィルター ${filterName} はメトリクス ${metric} を発行しているが、そのメトリクスを監視する CloudWatch アラームがない`,
          });
        }
      }
    }
    if (matched === 0) {
      missing(
        2,
        seen.length > 0
          ? {
              en: `None of the metric filters on log group ${group.resource} (${seen.join(', ')}) catches all ${spec.subject.en}`,
              ja: `ロググループ ${group.resource} のメトリクスフィルター（${seen.join('、')}）のいずれも、${spec.subject.ja}をすべて捕捉していない`,
            }
          : {
              en: `Log group ${group.resource} of trail ${trailName} has no metric filter for ${spec.subject.en}`,
              ja: `証跡 ${trailName} のロググループ ${group.resource} に、${spec.subject.ja}のメトリクスフィルターがない`,
            },
      );
    }
  }

  if (blind.length > 0) return error(blind.length === 1 ? blind[0]! : `${blind[0]} (and ${blind.length - 1} more)`);
  if (deepest === undefined) {
    const text =
      trails.length === 0
        ? { en: 'The account has no CloudTrail trail', ja: 'アカウントに CloudTrail の証跡がない' }
        : {
            en: `No trail is multi-region, logging and recording all management events: ${joined(unqualified).en}`,
            ja: `マルチリージョン・ログ記録中・全管理イベント記録を満たす証跡がない: ${joined(unqualified).ja}`,
          };
    return fail('AccountId', text);
  }
  return fail('AccountId', deepest.text);
}

// ---------------------------------------------------------------------------------------------------------------
// The rule factory

export interface MetricAlarmRuleSpec {
  id: string;
  severity: Severity;
  /** The events, as a plural noun phrase: "unauthorized API calls" / 「不正な API 呼び出し」. */
  subject: Text;
  title: Text;
  rationale: Text;
  /** Our reference filter pattern (JSON pattern syntax): the events a filter must catch. */
  pattern: string;
  /**
   * The pattern the remediation proposes, when it should catch more than the reference (e.g. an API that CIS's
   * list predates). It must cover the reference; defineMetricAlarmRule checks that.
   */
  proposed?: string;
  /** Terms a filter may add that only drop noise (each one comparison), e.g. the event source. */
  assume?: readonly string[];
  /** Management event sources the trail must not exclude (only kms and rdsdata can be excluded). */
  eventSources?: readonly string[];
  /** Metric name proposed in the remediation (namespace CISBenchmark). */
  metricName: string;
  /** Further patterns for the fixtures: forms that must count, and narrower ones that must not. */
  examples: { covering: readonly string[]; narrower: readonly string[] };
}

const NAMESPACE = 'CISBenchmark';

function remediation(spec: MetricAlarmRuleSpec, pattern: string) {
  const tfPattern = pattern.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return {
    text: {
      en: `Send the multi-region trail to CloudWatch Logs, add a metric filter for ${spec.subject.en} on its log group, an alarm on the filter's metric, and an SNS topic with a confirmed subscriber as the alarm action.`,
      ja: `マルチリージョン証跡を CloudWatch Logs に送信し、そのロググループに「${spec.subject.ja}」を捕捉するメトリクスフィルターを、フィルターのメトリクスにアラームを作成し、確認済みのサブスクリプションを持つ SNS トピックをアラームのアクションに設定する。`,
    },
    console: {
      en: `CloudTrail console → Trails → the multi-region trail → CloudWatch Logs → Edit → Enabled (if it is not). CloudWatch console → Log groups → the trail's log group → Metric filters → Create metric filter → filter pattern: ${pattern} → namespace ${NAMESPACE}, metric name ${spec.metricName}, metric value 1 → Create. Select the filter → Create alarm → Sum ≥ 1 over 5 minutes → notification to an SNS topic → Create alarm. Confirm the subscription (e.g. the link in the e-mail).`,
      ja: `CloudTrail コンソール → 証跡 → マルチリージョン証跡 → CloudWatch Logs → 編集 → 有効（未設定の場合）。CloudWatch コンソール → ロググループ → 証跡のロググループ → メトリクスフィルター → メトリクスフィルターを作成 → フィルターパターン: ${pattern} → 名前空間 ${NAMESPACE}、メトリクス名 ${spec.metricName}、メトリクス値 1 → 作成。フィルターを選択 → アラームを作成 → 5 分間の合計が 1 以上 → SNS トピックに通知 → アラームの作成。サブスクリプションを確認する（確認メールのリンクなど）。`,
    },
    cli: [
      '# if the trail does not send to CloudWatch Logs yet:',
      'aws cloudtrail update-trail --name <TRAIL> --cloud-watch-logs-log-group-arn <LOG_GROUP_ARN> --cloud-watch-logs-role-arn <ROLE_ARN>',
      `aws logs put-metric-filter --log-group-name <TRAIL_LOG_GROUP> --filter-name ${spec.metricName} --metric-transformations metricName=${spec.metricName},metricNamespace=${NAMESPACE},metricValue=1 --filter-pattern '${pattern}'`,
      'aws sns create-topic --name <TOPIC>',
      'aws sns subscribe --topic-arn <TOPIC_ARN> --protocol email --notification-endpoint <EMAIL>',
      `aws cloudwatch put-metric-alarm --alarm-name ${spec.metricName} --metric-name ${spec.metricName} --namespace ${NAMESPACE} --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --treat-missing-data notBreaching --alarm-actions <TOPIC_ARN>`,
    ].join('\n'),
    cloudformation: [
      'AWS::CloudTrail::Trail: CloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn',
      `AWS::Logs::MetricFilter: LogGroupName: <TRAIL_LOG_GROUP>, FilterPattern: '${pattern}', MetricTransformations: [{ MetricName: ${spec.metricName}, MetricNamespace: ${NAMESPACE}, MetricValue: '1' }]`,
      `AWS::CloudWatch::Alarm: MetricName: ${spec.metricName}, Namespace: ${NAMESPACE}, Statistic: Sum, Period: 300, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: GreaterThanOrEqualToThreshold, AlarmActions: [<TOPIC_ARN>]`,
      'AWS::SNS::Subscription: TopicArn: <TOPIC_ARN>, Protocol: email, Endpoint: <EMAIL>',
    ].join('\n'),
    terraform: [
      'aws_cloudtrail: cloud_watch_logs_group_arn = "<LOG_GROUP_ARN>:*", cloud_watch_logs_role_arn = "<ROLE_ARN>"',
      `aws_cloudwatch_log_metric_filter: log_group_name = "<TRAIL_LOG_GROUP>", pattern = "${tfPattern}", metric_transformation { name = "${spec.metricName}", namespace = "${NAMESPACE}", value = "1" }`,
      `aws_cloudwatch_metric_alarm: metric_name = "${spec.metricName}", namespace = "${NAMESPACE}", statistic = "Sum", period = 300, evaluation_periods = 1, threshold = 1, comparison_operator = "GreaterThanOrEqualToThreshold", alarm_actions = ["<TOPIC_ARN>"]`,
      'aws_sns_topic_subscription: topic_arn = "<TOPIC_ARN>", protocol = "email", endpoint = "<EMAIL>"',
    ].join('\n'),
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html',
  };
}

/** One CIS monitoring rule on aws.account from its spec. */
export function defineMetricAlarmRule(spec: MetricAlarmRuleSpec): Rule<AccountProps> {
  const compiled: Compiled = {
    subject: spec.subject,
    reference: compileReference(spec.pattern, spec.assume),
    eventSources: spec.eventSources ?? [],
  };
  const proposed = spec.proposed ?? spec.pattern;
  if (!patternCovers(proposed, compiled.reference)) throw new Error(`${spec.id}: the proposed pattern misses events`);
  return defineAwsRule({
    id: spec.id,
    resourceType: 'aws.account',
    category: 'logging-monitoring',
    severity: spec.severity,
    // The trail → log group → metric filter → alarm → subscriber chain lives in the account; a template shows a part.
    iac: false,
    uses: ['aws.cloudtrail.trail', 'aws.logs.metric_filter', 'aws.cloudwatch.alarm', 'aws.sns.topic'],
    reads: ['aws.region'],
    text: {
      title: spec.title,
      description: {
        en: `Checks that ${spec.subject.en} raise an alert: a multi-region trail that is logging and records all management events sends them to CloudWatch Logs, a metric filter on that log group catches every such event, a CloudWatch alarm watches the filter's metric, and the alarm notifies an SNS topic with at least one confirmed subscription.`,
        ja: `${spec.subject.ja}がアラートになることを確認する。ログ記録中で全管理イベントを記録するマルチリージョン証跡が CloudWatch Logs に送信し、そのロググループのメトリクスフィルターが該当イベントをすべて捕捉し、フィルターのメトリクスを CloudWatch アラームが監視し、アラームが確認済みサブスクリプションを 1 つ以上持つ SNS トピックに通知することを確認する。`,
      },
      rationale: spec.rationale,
      remediation: remediation(spec, proposed),
    },
    evaluate: ({ resource, lookups }) => judgeChain(compiled, resource, lookups),
    fixtures: chainFixtures(spec),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: one working chain, then each link broken or unreadable in turn.

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const LOG_GROUP = 'aws-cloudtrail-logs-111122223333-mgmt';
const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/management-events`;
const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:security-alerts`;

type Related = NonNullable<FixtureResource['related']>[number];
type Props = Record<string, unknown>;

function trailProps(over: Props = {}): Props {
  return {
    Name: 'management-events',
    TrailARN: TRAIL_ARN,
    HomeRegion: REGION,
    S3BucketName: 'aws-cloudtrail-logs-111122223333-3f2a9c1e',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: true,
    IsOrganizationTrail: false,
    LogFileValidationEnabled: true,
    CloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${LOG_GROUP}:*`,
    CloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/CloudTrailRoleForCloudWatchLogs`,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    Status: {
      IsLogging: true,
      LatestDeliveryTime: '2026-10-31T23:55:12Z',
      LatestCloudWatchLogsDeliveryTime: '2026-10-31T23:55:40Z',
    },
    EventSelectors: [
      { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
    ],
    ...over,
  };
}

function filterProps(spec: MetricAlarmRuleSpec, pattern: string, over: Props = {}): Props {
  return {
    filterName: `cis-${spec.metricName}`,
    filterPattern: pattern,
    logGroupName: LOG_GROUP,
    metricTransformations: [{ metricName: spec.metricName, metricNamespace: NAMESPACE, metricValue: '1' }],
    creationTime: 1767225600000,
    ...over,
  };
}

function alarmProps(spec: MetricAlarmRuleSpec, over: Props = {}): Props {
  return {
    AlarmName: `cis-${spec.metricName}`,
    AlarmArn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:cis-${spec.metricName}`,
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [TOPIC_ARN],
    InsufficientDataActions: [],
    StateValue: 'OK',
    MetricName: spec.metricName,
    Namespace: NAMESPACE,
    Statistic: 'Sum',
    Dimensions: [],
    Period: 300,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
    ...over,
  };
}

const subscription = (arn: string, endpoint = 'security-team@example.com') => ({
  SubscriptionArn: arn,
  Owner: ACCOUNT,
  Protocol: 'email',
  Endpoint: endpoint,
  TopicArn: TOPIC_ARN,
});

function topicProps(over: Props = {}): Props {
  return {
    TopicArn: TOPIC_ARN,
    Attributes: { TopicArn: TOPIC_ARN, Owner: ACCOUNT, SubscriptionsConfirmed: '1', SubscriptionsPending: '0' },
    Policy: null,
    Subscriptions: [subscription(`${TOPIC_ARN}:6f1c2b9e-4d0a-4c51-9a3e-2f7d8b1c0e55`)],
    ...over,
  };
}

interface ChainParts {
  trail?: Related | null;
  filter?: Related | null;
  alarm?: Related | null;
  topic?: Related | null;
  extra?: Related[];
}

function chain(
  spec: MetricAlarmRuleSpec,
  parts: ChainParts = {},
  rest: Omit<FixtureResource, 'props' | 'related'> = {},
) {
  const defaults: Record<'trail' | 'filter' | 'alarm' | 'topic', Related> = {
    trail: { type: 'aws.cloudtrail.trail', uid: TRAIL_ARN, name: 'management-events', props: trailProps() },
    filter: { type: 'aws.logs.metric_filter', name: `cis-${spec.metricName}`, props: filterProps(spec, spec.pattern) },
    alarm: { type: 'aws.cloudwatch.alarm', name: `cis-${spec.metricName}`, props: alarmProps(spec) },
    topic: { type: 'aws.sns.topic', uid: TOPIC_ARN, name: 'security-alerts', props: topicProps() },
  };
  const related: Related[] = [];
  for (const key of ['trail', 'filter', 'alarm', 'topic'] as const) {
    const part = parts[key] === undefined ? defaults[key] : parts[key];
    if (part !== null) related.push(part);
  }
  related.push(...(parts.extra ?? []));
  return { props: { AccountId: ACCOUNT }, related, ...rest };
}

const trail = (over: Props, gaps?: Record<string, string>): Related => ({
  type: 'aws.cloudtrail.trail',
  uid: TRAIL_ARN,
  name: 'management-events',
  props: trailProps(over),
  ...(gaps ? { gaps } : {}),
});
const filter = (
  spec: MetricAlarmRuleSpec,
  pattern: string,
  over: Props = {},
  gaps?: Record<string, string>,
): Related => ({
  type: 'aws.logs.metric_filter',
  name: `cis-${spec.metricName}`,
  props: filterProps(spec, pattern, over),
  ...(gaps ? { gaps } : {}),
});
const alarm = (spec: MetricAlarmRuleSpec, over: Props): Related => ({
  type: 'aws.cloudwatch.alarm',
  name: `cis-${spec.metricName}`,
  props: alarmProps(spec, over),
});
const topic = (over: Props, gaps?: Record<string, string>): Related => ({
  type: 'aws.sns.topic',
  uid: TOPIC_ARN,
  name: 'security-alerts',
  props: topicProps(over),
  ...(gaps ? { gaps } : {}),
});

function chainFixtures(spec: MetricAlarmRuleSpec): RuleFixtures {
  const pending = subscription('PendingConfirmation', 'oncall@example.com');
  const passes: FixtureResource[] = [
    chain(spec),
    ...[...(spec.proposed ? [spec.proposed] : []), ...spec.examples.covering].map((p) =>
      chain(spec, { filter: filter(spec, p) }),
    ),
    // Advanced selectors, a metric math alarm with a second (non-SNS) action, one pending and one confirmed subscriber.
    chain(spec, {
      trail: trail({
        EventSelectors: undefined,
        HasCustomEventSelectors: true,
        AdvancedEventSelectors: [
          { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        ],
      }),
      alarm: alarm(spec, {
        MetricName: undefined,
        Namespace: undefined,
        Statistic: undefined,
        Period: undefined,
        AlarmActions: [`arn:aws:ssm:${REGION}:${ACCOUNT}:opsitem:3#CATEGORY=Security`, TOPIC_ARN],
        Metrics: [
          {
            Id: 'm1',
            ReturnData: true,
            MetricStat: {
              Metric: { Namespace: NAMESPACE, MetricName: spec.metricName, Dimensions: [] },
              Period: 300,
              Stat: 'Sum',
            },
          },
        ],
      }),
      topic: topic({
        Subscriptions: [pending, subscription(`${TOPIC_ARN}:0d9e7a44-1b2f-4e8c-b7d5-93a1c6f0e2aa`)],
      }),
    }),
    // A single-region trail that is not enough alongside the multi-region one that is.
    chain(spec, {
      extra: [
        {
          type: 'aws.cloudtrail.trail',
          uid: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/app-data`,
          props: trailProps({
            Name: 'app-data',
            TrailARN: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/app-data`,
            IsMultiRegionTrail: false,
            CloudWatchLogsLogGroupArn: undefined,
          }),
        },
      ],
    }),
  ];

  const fails: FixtureResource[] = [
    { props: { AccountId: ACCOUNT } },
    chain(spec, { trail: trail({ IsMultiRegionTrail: false }) }),
    chain(spec, { trail: trail({ Status: { IsLogging: false, LatestDeliveryTime: '2026-09-30T08:00:00Z' } }) }),
    chain(spec, {
      trail: trail({
        EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [] }],
      }),
    }),
    chain(spec, { trail: trail({ CloudWatchLogsLogGroupArn: undefined, CloudWatchLogsRoleArn: undefined }) }),
    chain(spec, { filter: null, alarm: null }),
    ...spec.examples.narrower.map((p) => chain(spec, { filter: filter(spec, p) })),
    // A matching filter on some other log group does not count.
    chain(spec, { filter: filter(spec, spec.pattern, { logGroupName: '/aws/lambda/app' }) }),
    chain(spec, { alarm: null }),
    chain(spec, { alarm: alarm(spec, { Namespace: 'LogMetrics' }) }),
    chain(spec, { alarm: alarm(spec, { AlarmActions: [] }) }),
    chain(spec, { alarm: alarm(spec, { ActionsEnabled: false }) }),
    chain(spec, { topic: null }),
    chain(spec, { topic: topic({ Subscriptions: [] }) }),
    chain(spec, { topic: topic({ Subscriptions: [pending] }) }),
  ];
  for (const source of spec.eventSources ?? []) {
    fails.push(
      chain(spec, {
        trail: trail({
          EventSelectors: [
            {
              ReadWriteType: 'All',
              IncludeManagementEvents: true,
              DataResources: [],
              ExcludeManagementEventSources: [source],
            },
          ],
        }),
      }),
    );
  }

  const errors: FixtureResource[] = [
    chain(spec, { trail: trail({ Status: undefined }, { Status: 'AccessDenied: cloudtrail:GetTrailStatus' }) }),
    chain(
      spec,
      {},
      { errors: [{ service: 'cloudtrail', operation: 'DescribeTrails', resourceType: 'aws.cloudtrail.trail' }] },
    ),
    chain(
      spec,
      { filter: null },
      { errors: [{ service: 'logs', operation: 'DescribeMetricFilters', resourceType: 'aws.logs.metric_filter' }] },
    ),
    chain(
      spec,
      { alarm: null },
      { errors: [{ service: 'cloudwatch', operation: 'DescribeAlarms', code: 'ThrottlingException' }] },
    ),
    chain(
      spec,
      { topic: null },
      { errors: [{ service: 'sns', operation: 'ListTopics', resourceType: 'aws.sns.topic' }] },
    ),
    chain(spec, {
      topic: topic({ Subscriptions: [] }, { Subscriptions: 'AccessDenied: sns:ListSubscriptionsByTopic' }),
    }),
    chain(spec, {
      filter: filter(spec, spec.pattern, { filterPattern: undefined }, { filterPattern: 'ThrottlingException' }),
    }),
    // An organization trail that delivers to a log group in a management account that was not scanned.
    chain(spec, {
      trail: trail({
        IsOrganizationTrail: true,
        CloudWatchLogsLogGroupArn: `arn:aws:logs:${REGION}:999988887777:log-group:org-trail-logs:*`,
      }),
      filter: null,
      alarm: null,
      topic: null,
    }),
    // The inventory covers only eu-west-1 of this account, but the trail's log group is in us-east-1.
    chain(spec, {
      filter: null,
      alarm: null,
      topic: null,
      extra: [
        {
          type: 'aws.region',
          region: 'eu-west-1',
          uid: `arn:aws::eu-west-1:${ACCOUNT}`,
          props: { RegionName: 'eu-west-1' },
        },
      ],
    }),
    // The alarm notifies a topic in another account that was not scanned.
    chain(spec, {
      alarm: alarm(spec, { AlarmActions: [`arn:aws:sns:${REGION}:444455556666:central-security-alerts`] }),
      topic: null,
    }),
  ];
  return { live: { pass: passes, fail: fails, error: errors } };
}
