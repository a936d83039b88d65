import { parseAmount } from './amounts.js';
import type { Problem } from './problems.js';
import { channelMention, unescapeSlack, userMention } from './tokens.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';
import { parsePeriodWord, type PeriodKind } from '../domain/periods.js';
import { parseSettingKey, type SettingKey } from '../domain/team-settings.js';
import { parseRoleWord, type Role as SalesRole } from '../domain/roles.js';
import { wordTable } from '../domain/words.js';

/** Whom a target is for: named people, each member of the team, or the team's total. */
export type TargetSubject = { readonly kind: 'users'; readonly userIds: readonly string[] } | { readonly kind: 'members' } | { readonly kind: 'team' };

export type ManageRequest =
  | { readonly kind: 'status'; readonly userId: string | null; readonly period: PeriodKind | null }
  | { readonly kind: 'target'; readonly metric: MetricDef; readonly value: number | null; readonly period: PeriodKind; readonly subject: TargetSubject }
  | { readonly kind: 'targetModal' }
  | { readonly kind: 'targets'; readonly userId: string | null }
  | { readonly kind: 'template'; readonly role: SalesRole; readonly userIds: readonly string[]; readonly withSecondary: boolean }
  | { readonly kind: 'teamShow' }
  | { readonly kind: 'teamCreate'; readonly name: string; readonly channelId: string | null; readonly asManager: boolean }
  | { readonly kind: 'teamAdd'; readonly userIds: readonly string[]; readonly asManager: boolean }
  | { readonly kind: 'teamRemove'; readonly userIds: readonly string[] }
  | { readonly kind: 'settingsModal' }
  | { readonly kind: 'settingsSet'; readonly key: SettingKey; readonly words: readonly string[] }
  | { readonly kind: 'tree' }
  | { readonly kind: 'treeSet'; readonly metric: MetricDef; readonly value: number; readonly period: PeriodKind; readonly parent: MetricDef | null }
  | { readonly kind: 'treeClear' }
  | { readonly kind: 'treeExample'; readonly use: boolean }
  | {
      readonly kind: 'plan';
      readonly revenue: number;
      readonly period: PeriodKind;
      readonly avgDealSize: number | null;
      readonly winRate: number | null;
      readonly meetingRate: number | null;
      /** `apply` / `適用`: show the plan with a button that sets it as the team's targets and tree. */
      readonly apply: boolean;
    };

const TEAM_WORDS = new Set(['team', 'チーム', 'チーム全体', 'total']);
const MEMBERS_WORDS = new Set(['members', 'everyone', 'all', 'メンバー', '全員', 'みんな']);
const MANAGER_WORDS = new Set(['manager', 'managers', 'マネージャー', 'マネージャーとして', 'マネジャー']);
const AS_WORDS = new Set(['as', 'として']);
const UNDER_WORDS = new Set(['under', 'below', 'の下', '配下', '下']);
const OFF_WORDS = new Set(['off', 'none', 'clear', 'なし', '解除', 'オフ']);

type Fail = { readonly ok: false; readonly problem: Problem };
const problem = (p: Problem): Fail => ({ ok: false, problem: p });
export type ManageResult = { readonly ok: true; readonly value: ManageRequest } | Fail;
const done = (value: ManageRequest): ManageResult => ({ ok: true, value });

/** The metric a word names for a command; a retired one takes no new targets. */
function metricIn(command: string, word: string | undefined, catalog: MetricCatalog): { ok: true; metric: MetricDef } | Fail {
  if (word === undefined) return problem({ code: 'missingMetric', command });
  const metric = catalog.resolve(word);
  if (metric?.retired) return problem({ code: 'retiredMetric', metric });
  return metric ? { ok: true, metric } : problem({ code: 'unknownMetricIn', command, word, suggestions: catalog.suggest(word) });
}

/**
 * A target amount in the metric's unit: `50`, `1,000万`, `¥500,000`; rates as `20%`, `0.2` or `20`
 * (read as 20%); a CSAT score as `4.5`.
 */
export function targetValue(metric: Pick<MetricDef, 'unit' | 'outOf'>, word: string): number | null {
  const amount = parseAmount(word);
  if (!amount) return null;
  if (metric.unit === 'percent') {
    const fraction = amount.percent || amount.value > 1 ? amount.value / 100 : amount.value;
    return fraction > 0 && fraction <= 1 ? fraction : null;
  }
  if (amount.percent) return null;
  if (metric.unit === 'score') return amount.value > 0 && amount.value <= (metric.outOf ?? 5) ? amount.value : null;
  return amount.value >= 0 ? amount.value : null;
}

/** Whether a target of a metric holds in any period (a rate or score) rather than being a number per period. */
const periodless = (metric: MetricDef) => metric.kind === 'rate' && metric.formula?.denominatorAt !== 'start';

/**
 * `<n>/<period>`, `<n> / <period>`, `<n> per <period>`, or `<n>` alone: the amount word and the
 * period, consuming the words it reads. A rate or score without a period is monthly.
 */
function amountAndPeriod(
  command: string,
  words: readonly string[],
  start: number,
): { ok: true; amount: string; period: PeriodKind | null; next: number } | Fail {
  const first = words[start];
  if (first === undefined) return problem({ code: 'badTargetValue', command, word: '' });
  const glued = /^(.+?)\/(.+)$/u.exec(first);
  if (glued) {
    const period = parsePeriodWord(glued[2]!);
    return period ? { ok: true, amount: glued[1]!, period, next: start + 1 } : problem({ code: 'badPeriod', command, word: glued[2]! });
  }
  const second = words[start + 1];
  if (second !== undefined && (second === '/' || second.toLowerCase() === 'per' || second.toLowerCase() === 'a' || second.startsWith('/'))) {
    const periodWord = second.length > 1 && second.startsWith('/') ? second.slice(1) : words[start + 2];
    const period = periodWord ? parsePeriodWord(periodWord) : null;
    if (!period) return problem({ code: 'badPeriod', command, word: periodWord ?? '' });
    return { ok: true, amount: first, period, next: start + (second.length > 1 && second.startsWith('/') ? 2 : 3) };
  }
  return { ok: true, amount: first, period: null, next: start + 1 };
}

function mentionsFrom(words: readonly string[]): { userIds: string[]; rest: string[] } {
  const userIds: string[] = [];
  const rest: string[] = [];
  for (const w of words) {
    const id = userMention(w);
    if (id) {
      if (!userIds.includes(id)) userIds.push(id);
    } else rest.push(w);
  }
  return { userIds, rest };
}

/** Words for the current period: `status 今週` is `status week`; `this` before a period word is read through. */
const CURRENT_PERIOD = wordTable<PeriodKind>({
  today: 'day',
  今日: 'day',
  本日: 'day',
  きょう: 'day',
  今週: 'week',
  こんしゅう: 'week',
  今月: 'month',
  こんげつ: 'month',
  今四半期: 'quarter',
  今期: 'quarter',
  今年: 'year',
  今年度: 'year',
  ことし: 'year',
});

export function parseStatus(words: readonly string[]): ManageResult {
  let userId: string | null = null;
  let period: PeriodKind | null = null;
  for (const w of words.filter((word, i) => !(/^this$/iu.test(word) && words[i + 1] !== undefined && parsePeriodWord(words[i + 1]!)))) {
    const id = userMention(w);
    const p = parsePeriodWord(w) ?? CURRENT_PERIOD.get(w.normalize('NFKC').toLowerCase()) ?? null;
    if (id && userId === null) userId = id;
    else if (p && period === null) period = p;
    else return problem({ code: 'unknownWord', command: 'status', word: w });
  }
  return done({ kind: 'status', userId, period });
}

export function parseTarget(words: readonly string[], catalog: MetricCatalog): ManageResult {
  if (words.length === 0) return done({ kind: 'targetModal' });
  const m = metricIn('target', words[0], catalog);
  if (!m.ok) return m;
  const ap = amountAndPeriod('target', words, 1);
  if (!ap.ok) return ap;
  let value: number | null;
  if (OFF_WORDS.has(ap.amount.toLowerCase())) value = null;
  else {
    value = targetValue(m.metric, ap.amount);
    if (value === null) return problem({ code: 'badTargetValue', command: 'target', word: ap.amount });
  }
  const period = ap.period ?? (periodless(m.metric) || value === null ? 'month' : null);
  if (!period) return problem({ code: 'badPeriod', command: 'target', word: '' });
  const { userIds, rest } = mentionsFrom(words.slice(ap.next));
  let subject: TargetSubject = { kind: 'members' };
  if (userIds.length > 0) subject = { kind: 'users', userIds };
  for (const w of rest) {
    const folded = w.toLowerCase();
    if (TEAM_WORDS.has(folded) && userIds.length === 0) subject = { kind: 'team' };
    else if (MEMBERS_WORDS.has(folded) && userIds.length === 0) subject = { kind: 'members' };
    else return problem({ code: 'unknownWord', command: 'target', word: w });
  }
  return done({ kind: 'target', metric: m.metric, value, period, subject });
}

export function parseTargets(words: readonly string[]): ManageResult {
  const { userIds, rest } = mentionsFrom(words);
  if (rest.length > 0) return problem({ code: 'unknownWord', command: 'targets', word: rest[0]! });
  return done({ kind: 'targets', userId: userIds[0] ?? null });
}

/** Words asking a template for its secondary KPIs too. */
const ALL_WORDS = new Set(['all', 'full', '+secondary', 'secondary', '全部', 'すべて', '全て', 'サブ含む']);

export function parseTemplate(words: readonly string[]): ManageResult {
  const roleWord = words[0];
  const role = roleWord ? parseRoleWord(roleWord) : null;
  if (!role) return problem({ code: 'unknownRole', word: roleWord ?? '' });
  const { userIds, rest } = mentionsFrom(words.slice(1));
  const extra = rest.filter((w) => !ALL_WORDS.has(w.normalize('NFKC').toLowerCase()));
  if (extra.length > 0) return problem({ code: 'unknownWord', command: 'template', word: extra[0]! });
  if (userIds.length === 0) return problem({ code: 'missingPeople', command: 'template' });
  return done({ kind: 'template', role, userIds, withSecondary: rest.length > 0 });
}

const TEAM_SUBCOMMANDS = wordTable<'create' | 'add' | 'remove'>({
  create: 'create',
  new: 'create',
  作成: 'create',
  作る: 'create',
  add: 'add',
  追加: 'add',
  remove: 'remove',
  rm: 'remove',
  削除: 'remove',
  外す: 'remove',
});

/** `as manager` at the end of `team create`: the admin who creates a team manages it only when they say so. */
const AS_MANAGER_TAIL = /\s*(?:\bas\s+(?:a\s+)?manager|(?:マネージャー|マネジャー)として)\s*$/iu;

/** `team`, `team create <name> [#channel] [as manager]`, `team add @user… [as manager]`, `team remove @user…`. */
export function parseTeam(words: readonly string[], rawRest: string): ManageResult {
  const sub = words[0] === undefined ? null : TEAM_SUBCOMMANDS.get(words[0].toLowerCase());
  if (words.length === 0) return done({ kind: 'teamShow' });
  if (!sub) return problem({ code: 'unknownWord', command: 'team', word: words[0]! });
  if (sub === 'create') {
    const channels = words.slice(1).map(channelMention).filter((c): c is string => c !== null);
    // The name is the raw text after "create", without the channel mention, as typed.
    const typed = unescapeSlack(
      rawRest
        .replace(/^\S+\s*/u, '')
        .replace(/<#[^>]*>/gu, '')
        .trim()
        .replace(/\s+/gu, ' '),
    );
    const asManager = AS_MANAGER_TAIL.test(typed);
    const name = typed.replace(AS_MANAGER_TAIL, '').trim();
    if (!name) return problem({ code: 'missingTeamName' });
    return done({ kind: 'teamCreate', name: name.slice(0, 80), channelId: channels[0] ?? null, asManager });
  }
  const { userIds, rest } = mentionsFrom(words.slice(1));
  if (userIds.length === 0) return problem({ code: 'missingPeople', command: `team ${sub}` });
  if (sub === 'remove') {
    if (rest.length > 0) return problem({ code: 'unknownWord', command: 'team remove', word: rest[0]! });
    return done({ kind: 'teamRemove', userIds });
  }
  const extra = rest.filter((w) => !AS_WORDS.has(w.toLowerCase()));
  const asManager = extra.length > 0 && extra.every((w) => MANAGER_WORDS.has(w.toLowerCase()));
  if (extra.length > 0 && !asManager) return problem({ code: 'unknownWord', command: 'team add', word: extra[0]! });
  return done({ kind: 'teamAdd', userIds, asManager });
}

export function parseSettings(words: readonly string[]): ManageResult {
  if (words.length === 0) return done({ kind: 'settingsModal' });
  const key = parseSettingKey(words[0]!);
  if (!key) return problem({ code: 'unknownSettingKey', word: words[0]! });
  return done({ kind: 'settingsSet', key, words: words.slice(1) });
}

const EXAMPLE_WORDS = new Set(['example', 'sample', '例', 'サンプル']);
const USE_WORDS = new Set(['use', 'adopt', 'apply', '採用', '使う', '適用']);

/** `tree`, `tree set <metric> <n>/<period> [under <metric>]`, `tree clear`, `tree example [use]`. */
export function parseTree(words: readonly string[], catalog: MetricCatalog): ManageResult {
  if (words.length === 0) return done({ kind: 'tree' });
  const sub = words[0]!.toLowerCase();
  if (sub === 'clear' || sub === 'reset' || sub === 'クリア') return done({ kind: 'treeClear' });
  if (EXAMPLE_WORDS.has(sub)) {
    if (words.length === 1) return done({ kind: 'treeExample', use: false });
    if (words.length === 2 && USE_WORDS.has(words[1]!.toLowerCase())) return done({ kind: 'treeExample', use: true });
    return problem({ code: 'unknownWord', command: 'tree', word: words[1]! });
  }
  if (sub !== 'set' && sub !== '設定') return problem({ code: 'unknownWord', command: 'tree', word: words[0]! });
  const m = metricIn('tree set', words[1], catalog);
  if (!m.ok) return m;
  const ap = amountAndPeriod('tree set', words, 2);
  if (!ap.ok) return ap;
  const value = targetValue(m.metric, ap.amount);
  if (value === null) return problem({ code: 'badTargetValue', command: 'tree set', word: ap.amount });
  const period = ap.period ?? (periodless(m.metric) ? 'month' : null);
  if (!period) return problem({ code: 'badPeriod', command: 'tree set', word: '' });
  let parent: MetricDef | null = null;
  const rest = words.slice(ap.next);
  if (rest.length > 0) {
    if (!UNDER_WORDS.has(rest[0]!.toLowerCase())) return problem({ code: 'unknownWord', command: 'tree set', word: rest[0]! });
    const p = metricIn('tree set', rest[1], catalog);
    if (!p.ok) return p;
    parent = p.metric;
    if (rest.length > 2) return problem({ code: 'unknownWord', command: 'tree set', word: rest[2]! });
  }
  return done({ kind: 'treeSet', metric: m.metric, value, period, parent });
}

const PLAN_KEYS = wordTable<'avgDealSize' | 'winRate' | 'meetingRate'>({
  deal: 'avgDealSize',
  'deal-size': 'avgDealSize',
  単価: 'avgDealSize',
  平均単価: 'avgDealSize',
  受注単価: 'avgDealSize',
  win: 'winRate',
  'win-rate': 'winRate',
  受注率: 'winRate',
  成約率: 'winRate',
  meeting: 'meetingRate',
  'meeting-rate': 'meetingRate',
  商談化率: 'meetingRate',
  アポ率: 'meetingRate',
});

/** The word that asks for a plan to be applied, in either language. */
const APPLY_WORDS = new Set(['apply', 'set', '適用', '適用する', '反映', '反映する']);

/** `plan <amount>/<period> [deal N] [win P%] [meeting P%] [apply]`. */
export function parsePlan(all: readonly string[]): ManageResult {
  const words = all.filter((w) => !APPLY_WORDS.has(w.normalize('NFKC').toLowerCase()));
  const apply = words.length < all.length;
  const ap = amountAndPeriod('plan', words, 0);
  if (!ap.ok) return ap;
  const revenue = parseAmount(ap.amount);
  if (!revenue || revenue.percent || revenue.value <= 0) return problem({ code: 'badTargetValue', command: 'plan', word: ap.amount });
  const out = { avgDealSize: null as number | null, winRate: null as number | null, meetingRate: null as number | null };
  const rest = words.slice(ap.next);
  for (let i = 0; i < rest.length; i += 2) {
    const key = PLAN_KEYS.get(rest[i]!.toLowerCase());
    const word = rest[i + 1];
    if (!key) return problem({ code: 'unknownWord', command: 'plan', word: rest[i]! });
    if (word === undefined) return problem({ code: 'badRate', word: '' });
    const value = targetValue({ unit: key === 'avgDealSize' ? 'currency' : 'percent', outOf: null }, word);
    if (value === null || value <= 0) return problem({ code: 'badRate', word });
    out[key] = value;
  }
  return done({ kind: 'plan', revenue: revenue.value, period: ap.period ?? 'month', ...out, apply });
}
