import { standingOf } from './authority.js';
import type { CommandContext } from './context.js';
import { countWorkdays } from '../domain/calendar.js';
import { addDays, dayInZone } from '../domain/days.js';
import { periodOf, type PeriodKind } from '../domain/periods.js';
import { PLAN_DEFAULTS, reversePlan, type PlanProblem } from '../domain/planning.js';
import { avgDealSize, meetingRate, winRate, type Totals } from '../domain/rates.js';
import { formatNumber, messages, type Locale } from '../i18n/index.js';
import { formatAmount } from '../reports/amounts.js';
import type { Message } from '../reports/blocks.js';
import { renderPlan, type RateSource } from '../reports/plan.js';
import { textMessage } from '../reports/receipts.js';
import { calendarFor } from '../reports/status.js';
import { teamTotals } from '../reports/tree.js';

/** How far back the team's own rates are read. */
const HISTORY_DAYS = 90;
/** Below these counts in 90 days a rate says more about luck than about the team. */
const ENOUGH = { wins: 3, meetings: 10, calls: 50 } as const;

function rateFrom(
  given: number | null,
  measured: number | null,
  basis: { metric: 'wins' | 'meetings' | 'calls'; count: number },
  fallback: number,
  locale: Locale,
): { value: number; source: RateSource } {
  if (given !== null) return { value: given, source: { kind: 'given' } };
  if (measured !== null && measured > 0 && basis.count >= ENOUGH[basis.metric]) return { value: measured, source: { kind: 'history', days: HISTORY_DAYS } };
  const why = messages(locale).planTooLittle({ count: formatAmount(basis.metric, basis.count, locale) });
  return { value: fallback, source: { kind: 'fallback', why } };
}

function planProblemText(problem: PlanProblem, locale: Locale): string {
  const what = problem.code === 'rateOutOfRange' ? `${problem.field} ${formatNumber(problem.value * 100, locale)}%` : `${problem.code} ${formatNumber(problem.value, locale)}`;
  return messages(locale).planProblem({ what });
}

/** `/kpi plan <amount>/<period> [deal N] [win P%] [meeting P%]`: reverse planning from the team's own rates. */
export async function handlePlan(
  ctx: CommandContext,
  request: { revenue: number; period: PeriodKind; avgDealSize: number | null; winRate: number | null; meetingRate: number | null },
): Promise<Message> {
  const { caller, store } = ctx;
  const locale = caller.locale;
  const standing = await standingOf(ctx);
  const team = standing.team;
  const today = dayInZone(ctx.clock(), team?.settings.timezone ?? caller.zone);
  const from = addDays(today, -HISTORY_DAYS);
  const to = addDays(today, -1);
  const history: Totals = team ? await teamTotals(store, team, from, to) : await store.totals.rangeTotals(caller.teamId, caller.userId, from, to);
  const deal = rateFrom(request.avgDealSize, avgDealSize(history), { metric: 'wins', count: history.wins ?? 0 }, PLAN_DEFAULTS.avgDealSize, locale);
  const win = rateFrom(request.winRate, winRate(history), { metric: 'meetings', count: history.meetings ?? 0 }, PLAN_DEFAULTS.winRate, locale);
  const meeting = rateFrom(request.meetingRate, meetingRate(history), { metric: 'calls', count: history.calls ?? 0 }, PLAN_DEFAULTS.meetingRate, locale);
  const period = periodOf(today, request.period);
  const workdays = countWorkdays(period.start, period.end, calendarFor(team));
  const plan = reversePlan({ revenue: request.revenue, avgDealSize: deal.value, winRate: win.value, meetingRate: meeting.value, workdays });
  if (!plan.ok) return textMessage(planProblemText(plan.problem, locale));
  return renderPlan({ revenue: request.revenue, period, workdays, plan: plan.value, avgDealSize: deal, winRate: win, meetingRate: meeting }, locale);
}
