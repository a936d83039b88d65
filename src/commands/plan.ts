import { standingOf } from './authority.js';
import type { CommandContext } from './context.js';
import { countWorkdays } from '../domain/calendar.js';
import { addDays, dayInZone, type Day } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { periodOf, type PeriodKind } from '../domain/periods.js';
import { PLAN_DEFAULTS, reversePlan, type PlanProblem } from '../domain/planning.js';
import { teamRate, type TeamMember } from '../domain/team-rates.js';
import type { Totals } from '../domain/rates.js';
import { formatNumber, messages, type Locale } from '../i18n/index.js';
import { formatAmount } from '../reports/amounts.js';
import type { Message } from '../reports/blocks.js';
import { renderPlan, type PlanModel, type PlanRate } from '../reports/plan.js';
import { textMessage } from '../reports/receipts.js';
import { calendarFor } from '../reports/status.js';
import type { Store, Team } from '../store/index.js';

/** How far back the team's own rates are read. */
const HISTORY_DAYS = 90;
/** Below these counts in 90 days a rate says more about luck than about the team. */
const ENOUGH: Readonly<Record<string, number>> = { wins: 3, meetings: 10, calls: 50 };

/**
 * One rate of the plan: as given, else the team's history over the people whose role works it (the
 * win rate over field sales, the meeting rate over inside sales), else the template's default.
 */
function rateFrom(
  key: 'avg_deal_size' | 'win_rate' | 'meeting_rate',
  given: number | null,
  history: { members: readonly TeamMember[]; byMember: ReadonlyMap<string, Totals> },
  fallback: number,
  catalog: MetricCatalog,
  locale: Locale,
): PlanRate {
  const metric = catalog.def(key);
  if (given !== null) return { metric, value: given, source: { kind: 'given' }, group: null };
  const read = teamRate(metric, history.members, history.byMember);
  const base = catalog.def(metric.formula!.denominator);
  const count = read.totals.values[base.key] ?? 0;
  if (read.value !== null && read.value > 0 && count >= (ENOUGH[base.key] ?? 1)) return { metric, value: read.value, source: { kind: 'history', days: HISTORY_DAYS }, group: read.group };
  const why = messages(locale).planTooLittle({ count: formatAmount(base, count, locale) });
  return { metric, value: fallback, source: { kind: 'fallback', why }, group: null };
}

export function planProblemText(problem: PlanProblem, locale: Locale): string {
  const what = problem.code === 'rateOutOfRange' ? `${problem.field} ${formatNumber(problem.value * 100, locale)}%` : `${problem.code} ${formatNumber(problem.value, locale)}`;
  return messages(locale).planProblem({ what });
}

/** What `/kpi plan` asks for: a revenue goal for a period, and any rate given to try a scenario. */
export interface PlanRequest {
  readonly revenue: number;
  readonly period: PeriodKind;
  readonly avgDealSize: number | null;
  readonly winRate: number | null;
  readonly meetingRate: number | null;
  /** Show the plan with a button that sets it as the team's targets and tree (`apply`). */
  readonly apply?: boolean;
}

/**
 * The reverse plan for a team (or one person without a team) as of `today`, from its last 90 days
 * read over the people whose role works each rate; or what is wrong with the inputs.
 */
export async function loadPlan(
  store: Store,
  who: { workspace: string; userId: string; team: Team | null },
  request: PlanRequest,
  today: Day,
  locale: Locale,
): Promise<{ ok: true; model: PlanModel } | { ok: false; problem: PlanProblem }> {
  const from = addDays(today, -HISTORY_DAYS);
  const to = addDays(today, -1);
  const catalog = await store.metrics.catalog(who.workspace);
  const history = who.team
    ? { members: await store.teams.members(who.team.id), byMember: await store.totals.memberTotals(who.team.id, from, to) }
    : { members: [{ userId: who.userId, salesRole: null }], byMember: new Map([[who.userId, await store.totals.rangeTotals(who.workspace, who.userId, from, to)]]) };
  const deal = rateFrom('avg_deal_size', request.avgDealSize, history, PLAN_DEFAULTS.avgDealSize, catalog, locale);
  const win = rateFrom('win_rate', request.winRate, history, PLAN_DEFAULTS.winRate, catalog, locale);
  const meeting = rateFrom('meeting_rate', request.meetingRate, history, PLAN_DEFAULTS.meetingRate, catalog, locale);
  const period = periodOf(today, request.period);
  const workdays = countWorkdays(period.start, period.end, calendarFor(who.team));
  const plan = reversePlan({ revenue: request.revenue, avgDealSize: deal.value, winRate: win.value, meetingRate: meeting.value, workdays });
  if (!plan.ok) return plan;
  return { ok: true, model: { revenue: request.revenue, period, workdays, plan: plan.value, avgDealSize: deal, winRate: win, meetingRate: meeting, catalog, from, to } };
}

/** `/kpi plan <amount>/<period> [deal N] [win P%] [meeting P%]`: reverse planning from the team's own rates. */
export async function handlePlan(ctx: CommandContext, request: PlanRequest): Promise<Message> {
  const { caller, store } = ctx;
  const standing = await standingOf(ctx);
  const team = standing.team;
  const today = dayInZone(ctx.clock(), team?.settings.timezone ?? caller.zone);
  const result = await loadPlan(store, { workspace: caller.teamId, userId: caller.userId, team }, request, today, caller.locale);
  return result.ok ? renderPlan(result.model, caller.locale) : textMessage(planProblemText(result.problem, caller.locale));
}
