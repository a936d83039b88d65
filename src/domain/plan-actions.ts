import type { MetricCatalog } from './metric-catalog.js';
import { normalizeName, type MetricDef } from './metrics.js';

/**
 * The actions of an agreed 1on1 plan that name a KPI (seed 004: 「毎日10件の新規リードにアプローチする」),
 * read out of the plan's free text so the next prep can hold them against what the rep logged. An
 * action without a number, a cadence or a metric people log (「週3回ロールプレイ」) is not a KPI and is left alone.
 */

/** How often an agreed action is meant to happen: every workday, every week, or over a month. */
export type ActionCadence = 'workday' | 'week' | 'month';

/** One action of a plan that maps to a logged KPI: so much of a metric per workday, week or month. */
export interface AgreedAction {
  /** A flow where more is better: what the rep logs. */
  readonly metric: MetricDef;
  readonly amount: number;
  readonly per: ActionCadence;
  /** The part of the plan it was read from, as written. */
  readonly text: string;
}

/** Words that say how often, in either language; the first one met in a clause sets its cadence. */
const CADENCES: readonly { readonly per: ActionCadence; readonly pattern: RegExp }[] = [
  {
    per: 'workday',
    pattern:
      /毎営業日|営業日ごと|毎日|日次|(?<![\d.])1日(?:あたり|に|で|当たり)?|一日(?:あたり|に|で|当たり)?|\/\s*(?:work)?day\b|\/\s*日|\b(?:a|per|each|every)\s+(?:work|business\s+)?day\b|\bdaily\b/gu,
  },
  { per: 'week', pattern: /毎週|週に|週あたり|週間|今週|週|\/\s*week\b|\/\s*週|\b(?:a|per|each|every|this)\s+week\b|\bweekly\b/gu },
  { per: 'month', pattern: /毎月|月に|月あたり|月間|今月|月次|\/\s*month\b|\/\s*月|\b(?:a|per|each|every|this)\s+month\b|\bmonthly\b/gu },
];

/** A number as people write it in a plan: `10`, `1,000`, `2.5`, `100万`, `1.5k`. */
const NUMBER = /(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*(万|億|k\b)?/gu;
const MULTIPLIER: Readonly<Record<string, number>> = { 万: 10_000, 億: 100_000_000, k: 1_000 };

/** A counter after a number: `10件`, `3回`, `2社`, `5通`, `100万円`, and the workspace's own metrics' counters. */
const counters = new WeakMap<MetricCatalog, RegExp>();
function counterPattern(catalog: MetricCatalog): RegExp {
  const known = counters.get(catalog);
  if (known) return known;
  const own = catalog.all.map((d) => d.counterJa).filter((c) => c.length > 0 && !/[\\^$.*+?()[\]{}|]/u.test(c));
  const words = [...new Set([...own, '件', '本', '回', '社', '通', '名', '人', '円', '個', 'つ'])].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`^\\s*(?:${words.join('|')}|times\\b)?`, 'u');
  counters.set(catalog, pattern);
  return pattern;
}

/** What may sit between a metric's name and the number after it: `架電を50`, `calls: 50`. */
const BETWEEN_BEFORE = /(?:\s|を|が|は|も|:|=|：)*$/u;
/** Words that qualify the metric after a number without changing it: `10 new leads`, `10件の新規リード`. */
const MODIFIERS = /^(?:の\s*)?(?:新規の?|新しい|新たな|追加の?|既存の?|見込みの?|new|fresh|more|extra|additional|cold|warm|outbound|inbound|outgoing|sales|follow-up)\s*/iu;
const LEADING_OF = /^(?:の|of)\s*/u;

/** The longest name a workspace's metric could have, in characters. */
const MAX_NAME = 32;

const isAsciiWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/iu.test(c);

/** Clauses of a plan: its lines, sentences and list items, each without its list marker. */
function clausesOf(plan: string): string[] {
  return plan
    .split(/\r?\n|。|;|；|•|(?<=[a-z)])\.\s+/iu)
    .map((c) => c.replace(/^[\s\-*・]*(?:[①-⑳]|\(?\d{1,2}[.)](?!\d))?\s*/u, '').normalize('NFKC').trim())
    .filter((c) => c.length > 0);
}

/** The cadence a clause states first, and the clause with every cadence word blanked out (so `1日` is no number). */
function cadenceOf(clause: string): { per: ActionCadence; rest: string } | null {
  let first: { per: ActionCadence; at: number } | null = null;
  let rest = clause;
  for (const { per, pattern } of CADENCES) {
    for (const m of clause.matchAll(pattern)) {
      if (first === null || m.index < first.at) first = { per, at: m.index };
    }
    rest = rest.replace(pattern, (m) => ' '.repeat(m.length));
  }
  return first && { per: first.per, rest };
}

/** A flow the rep logs where more is better: the only kind of metric an action's number can be held against. */
const isLoggedActivity = (def: MetricDef | null): def is MetricDef => def !== null && def.kind === 'flow' && def.better === 'higher' && !def.retired;

/** The metric whose name starts `text` (the longest one), and where its name ends; an ASCII name ends at a word's end. */
function metricAtStart(text: string, catalog: MetricCatalog): { metric: MetricDef; end: number } | null {
  for (let n = Math.min(MAX_NAME, text.length); n >= 1; n -= 1) {
    const candidate = text.slice(0, n);
    if (isAsciiWordChar(candidate.at(-1)) && isAsciiWordChar(text[n])) continue;
    if (normalizeName(candidate) === '') continue;
    const def = catalog.resolve(candidate);
    if (isLoggedActivity(def)) return { metric: def, end: n };
  }
  return null;
}

/** The metric whose name ends `text` (the longest one), and where its name starts. */
function metricAtEnd(text: string, catalog: MetricCatalog): { metric: MetricDef; start: number } | null {
  for (let n = Math.min(MAX_NAME, text.length); n >= 1; n -= 1) {
    const start = text.length - n;
    const candidate = text.slice(start);
    if (isAsciiWordChar(candidate[0]) && isAsciiWordChar(text[start - 1])) continue;
    if (normalizeName(candidate) === '') continue;
    const def = catalog.resolve(candidate);
    if (isLoggedActivity(def)) return { metric: def, start };
  }
  return null;
}

/**
 * The metric named right after a number: its counter, then the name (`50 calls`, `10件の新規リード`),
 * possibly after one or two qualifying words; where names compete, the one that reaches furthest
 * (`50 sales calls` is calls), the fewer words skipped on a tie.
 */
function metricAfter(text: string, catalog: MetricCatalog): { metric: MetricDef; from: number; to: number } | null {
  let at = counterPattern(catalog).exec(text)![0].length;
  const skipped = text.slice(at);
  at += LEADING_OF.exec(skipped)?.[0].length ?? 0;
  let best: { metric: MetricDef; from: number; to: number } | null = null;
  for (let skips = 0; skips <= 2; skips += 1) {
    const start = at + (/^\s*/u.exec(text.slice(at))![0].length);
    const found = metricAtStart(text.slice(start), catalog);
    if (found && (!best || start + found.end > best.to)) best = { metric: found.metric, from: start, to: start + found.end };
    const modifier = MODIFIERS.exec(text.slice(start));
    if (!modifier) break;
    at = start + modifier[0].length;
  }
  return best;
}

/** The value of a number as written, with its multiplier: `100万` → 1,000,000. */
function valueOf(digits: string, multiplier: string | undefined): number {
  return Number(digits.replace(/,/gu, '')) * (multiplier ? (MULTIPLIER[multiplier.toLowerCase()] ?? 1) : 1);
}

/** The most a plan may ask in one cadence before it reads as a typo: a metric's daily ceiling, times the days. */
const CADENCE_DAYS: Readonly<Record<ActionCadence, number>> = { workday: 1, week: 7, month: 31 };

/** The actions of one clause: each number held by the metric named right before it (not yet taken), else right after it. */
function actionsOf(clause: string, catalog: MetricCatalog): AgreedAction[] {
  // Lower-cased once, so `Every day` and `every day` read alike; the clause as written is what is kept.
  const cadence = cadenceOf(clause.toLowerCase());
  if (!cadence) return [];
  const { rest, per } = cadence;
  const taken: { from: number; to: number }[] = [];
  const free = (from: number, to: number) => taken.every((t) => to <= t.from || from >= t.to);
  const out: AgreedAction[] = [];
  for (const m of rest.matchAll(NUMBER)) {
    const numberEnd = m.index + m[0].length;
    const head = rest.slice(0, m.index);
    const tail = rest.slice(numberEnd);
    // A share (20%) or a clock time or date (9:00, 11/20) is not an amount of activity.
    if (/^\s*%/u.test(tail) || /^[:/]\d/u.test(tail) || /\d[:/]$/u.test(head)) continue;
    const amount = valueOf(m[1]!, m[2]);
    const beforeText = head.replace(BETWEEN_BEFORE, '');
    const before = metricAtEnd(beforeText, catalog);
    let chosen: { metric: MetricDef; from: number; to: number } | null = null;
    if (before && free(before.start, beforeText.length)) chosen = { metric: before.metric, from: before.start, to: beforeText.length };
    if (!chosen) {
      const after = metricAfter(tail, catalog);
      if (after && free(numberEnd + after.from, numberEnd + after.to)) chosen = { metric: after.metric, from: numberEnd + after.from, to: numberEnd + after.to };
    }
    if (!chosen) continue;
    const ceiling = (chosen.metric.dailyMax ?? Number.POSITIVE_INFINITY) * CADENCE_DAYS[per];
    if (!(amount > 0 && Number.isFinite(amount) && amount <= ceiling)) continue;
    taken.push({ from: chosen.from, to: chosen.to });
    out.push({ metric: chosen.metric, amount, per, text: clause });
  }
  return out;
}

/**
 * The actions of a plan that map to a KPI of the workspace, in the plan's order, each metric and
 * cadence once (the first one said). Never throws; a plan with none gives none.
 * `agreedActions("毎日10件の新規リードにアプローチする\n週3回ロールプレイ", catalog)` → leads 10 a workday.
 * `agreedActions("calls 50 a day", catalog)` → calls 50 a workday.
 */
export function agreedActions(plan: string, catalog: MetricCatalog): AgreedAction[] {
  const out: AgreedAction[] = [];
  for (const clause of clausesOf(plan)) {
    for (const action of actionsOf(clause, catalog)) {
      if (!out.some((a) => a.metric.key === action.metric.key && a.per === action.per)) out.push(action);
    }
  }
  return out;
}

/**
 * How an action was kept: what was logged, said per the action's cadence, over the workdays since
 * the plan, and as a share of what was agreed. `workdaysPer` is how many workdays one cadence holds
 * (1 for a workday, the workdays of a week or of the plan's month).
 * `actionKept({ amount: 10, per: "workday" }, 84, 10, 1)` → 8.4 a workday, 84%.
 */
export function actionKept(action: Pick<AgreedAction, 'amount'>, logged: number, workdays: number, workdaysPer: number): { perCadence: number; share: number } | null {
  if (workdays <= 0 || workdaysPer <= 0 || action.amount <= 0) return null;
  const perCadence = (logged / workdays) * workdaysPer;
  return { perCadence, share: perCadence / action.amount };
}
