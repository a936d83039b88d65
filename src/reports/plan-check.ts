import { formatQuantity, metricLabel } from './amounts.js';
import { gapWithSuggestion, say, type Sentence } from './digest/sentences.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { actionKept, agreedActions, type ActionCadence, type AgreedAction } from '../domain/plan-actions.js';
import type { Totals } from '../domain/rates.js';
import { daysBetween, type Day } from '../domain/days.js';
import { formatDay, formatPercent, messages, pick, type Locale } from '../i18n/index.js';

/** The most agreed actions a prep holds against the log: a plan has two or three. */
const MAX_ACTIONS = 3;

/** One agreed action held against what the rep logged since the plan was saved. */
export interface KeptAction {
  readonly action: AgreedAction;
  /** What was logged of its metric since the plan, in total. */
  readonly logged: number;
  /** The rep's workdays since the plan (their days off left out). */
  readonly workdays: number;
  /** The logged amount per the action's cadence, and as a share of what was agreed; null with no workday yet. */
  readonly perCadence: number | null;
  readonly share: number | null;
}

/** What the prep says about the last plan's actions: the ones that map to a KPI, each with how it was kept. */
export type PlanKeeping = { readonly kind: 'none' } | { readonly kind: 'tooSoon' } | { readonly kind: 'kept'; readonly actions: readonly KeptAction[] };

/**
 * Reads the actions of a plan that map to a KPI and holds each against the rep's totals since the
 * plan was saved: per workday, per week (`workdaysPer.week` workdays) or per month.
 */
export function planKeeping(plan: string, catalog: MetricCatalog, since: { readonly after: Totals; readonly afterDays: number }, workdaysPer: Readonly<Record<ActionCadence, number>>): PlanKeeping {
  const actions = agreedActions(plan, catalog).slice(0, MAX_ACTIONS);
  if (actions.length === 0) return { kind: 'none' };
  if (since.afterDays === 0) return { kind: 'tooSoon' };
  return {
    kind: 'kept',
    actions: actions.map((action) => {
      const logged = since.after.values[action.metric.key] ?? 0;
      const kept = actionKept(action, logged, since.afterDays, workdaysPer[action.per]);
      return { action, logged, workdays: since.afterDays, perCadence: kept?.perCadence ?? null, share: kept?.share ?? null };
    }),
  };
}

/** One decimal for a rate of logging (8.4 a workday), whole numbers as they are. */
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * The sentences of how the plan was kept, progress first: the actions kept come before the ones with
 * a distance left, and each distance is followed by one suggestion (rules 1–3).
 * "Agreed 10 leads a workday; logged 8.4 leads a workday over 9 workdays (84%)."
 */
export function planKeepingSentences(k: PlanKeeping, locale: Locale, seed: string): Sentence[] {
  const c = messages(locale).cycle;
  if (k.kind === 'none') return [say('info', c.keptNoKpi)];
  if (k.kind === 'tooSoon') return [say('info', c.keptTooSoon)];
  const per = (a: AgreedAction, amount: number) => c.perCadence[a.per]({ name: metricLabel(a.metric, locale), quantity: formatQuantity(a.metric, amount, locale) });
  const kept: Sentence[] = [];
  const open: Sentence[] = [];
  for (const [i, x] of k.actions.entries()) {
    const agreed = per(x.action, x.action.amount);
    if (x.perCadence === null || x.share === null) continue;
    if (x.logged === 0) {
      open.push(...gapWithSuggestion(c.keptNone({ agreed, days: x.workdays }), pick(c.keptNoneAdvice, `${seed}:${i}`, undefined)));
      continue;
    }
    const line = say('progress', c.keptLine({ agreed, logged: per(x.action, oneDecimal(x.perCadence)), days: x.workdays, share: formatPercent(x.share, locale) }));
    if (x.share >= 1) {
      kept.push(line, say('celebration', pick(c.keptReached, `${seed}:${i}`, { metric: metricLabel(x.action.metric, locale) })));
    } else {
      const more = per(x.action, oneDecimal(x.action.amount - x.perCadence));
      open.push(line, ...gapWithSuggestion(c.keptDistance({ more }), pick(c.keptAdvice, `${seed}:${i}`, undefined)));
    }
  }
  return [...kept, ...open];
}

/** How long an agreed plan stays in the rep's morning DM and App Home: six weeks covers a 1on1 every two weeks with room. */
export const PLAN_SHOWN_DAYS = 42;

/** Whether a plan agreed on `day` is still the one to show on `today`: agreed by then, and within `PLAN_SHOWN_DAYS`. */
export function isCurrentPlan(plan: { readonly day: Day }, today: Day): boolean {
  return plan.day <= today && daysBetween(plan.day, today) < PLAN_SHOWN_DAYS;
}

/** The most lines of a plan a DM or App Home quotes; the prep shows it whole. */
const MAX_PLAN_LINES = 8;

/**
 * The agreed plan as the rep reads it in their morning DM and on App Home: a title with the day it
 * was agreed, and the plan quoted line by line, as their manager saved it.
 */
export function agreedPlanSection(plan: { readonly text: string; readonly day: Day }, locale: Locale): { title: string; quote: string } {
  const lines = plan.text
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const shown = lines.slice(0, MAX_PLAN_LINES).map((l) => `> ${l.length > 200 ? `${l.slice(0, 199)}…` : l}`);
  if (lines.length > MAX_PLAN_LINES) shown.push('> …');
  return { title: messages(locale).cycle.planTitle({ day: formatDay(plan.day, locale) }), quote: shown.join('\n') };
}
