import type { CommandContext } from './context.js';
import { formatDateSpec, resolveDay, MAX_DAYS_BACK, type DateSpec, type ResolvedDay } from './dates.js';
import { explainProblem } from './explain.js';
import type { LogRequest } from './parse-log.js';
import type { Problem } from './problems.js';
import { dayInZone, type Day } from '../domain/days.js';
import type { Totals } from '../domain/rates.js';
import type { Message } from '../reports/blocks.js';
import { renderLogReceipt } from '../reports/receipts.js';
import { Rejected, type StoredLog } from '../store/index.js';

/** The first metric whose day total a log would push over its ceiling, as a problem. */
function dayCeiling(request: LogRequest) {
  return (after: Totals): Problem | null => {
    for (const { metric } of request.pairs) {
      const total = after.values[metric.key] ?? 0;
      if (metric.dailyMax !== null && total > metric.dailyMax) return { code: 'dayTotalTooLarge', metric, total, max: metric.dailyMax };
    }
    return null;
  };
}

export type LogOutcome =
  | { readonly ok: true; readonly stored: StoredLog; readonly today: Day }
  | { readonly ok: false; readonly problem: Problem };

/** What to tell a person whose date cannot take a log: ahead of today, too far back, or no such day. */
export function dateProblem(resolved: Extract<ResolvedDay, { ok: false }>, spec: DateSpec): Problem {
  if (resolved.code === 'futureDate') return { code: 'futureDate', day: resolved.day as Day };
  if (resolved.code === 'tooOld') return { code: 'tooOld', day: resolved.day as Day, maxDaysBack: MAX_DAYS_BACK };
  return { code: 'badDate', word: formatDateSpec(spec) };
}

/**
 * Stores a log for the caller, every pair or none, for the business day in their zone: the shared
 * path of `/kpi log` and the log form. Problems a person can fix come back as values.
 */
export async function storeLog(ctx: CommandContext, request: LogRequest, text: string, source: 'slash' | 'modal'): Promise<LogOutcome> {
  const { caller } = ctx;
  const now = ctx.clock();
  const today = dayInZone(now, caller.zone);
  const resolved = resolveDay(request.date, today);
  if (!resolved.ok) return { ok: false, problem: dateProblem(resolved, request.date) };
  try {
    const stored = await ctx.store.activity.log(
      {
        teamId: caller.teamId,
        userId: caller.userId,
        requestKey: ctx.requestKey,
        source,
        text,
        day: resolved.day,
        loggedAt: now,
        pairs: request.pairs.map((p) => ({ metric: p.metric.key, value: p.value, handoff: p.handoff ?? null })),
        note: request.note,
      },
      dayCeiling(request),
    );
    return { ok: true, stored, today };
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, problem: error.reason as Problem };
    throw error;
  }
}

/** `/kpi log`: stores every pair or none and answers with what was stored and the day's total. */
export async function handleLog(ctx: CommandContext, request: LogRequest, text: string): Promise<Message> {
  const outcome = await storeLog(ctx, request, text, 'slash');
  if (!outcome.ok) return explainProblem(outcome.problem, ctx.caller.locale);
  const { stored, today } = outcome;
  return renderLogReceipt({
    catalog: await ctx.store.metrics.catalog(ctx.caller.teamId),
    locale: ctx.caller.locale,
    userId: ctx.caller.userId,
    day: stored.day,
    today,
    pairs: stored.pairs,
    dayTotals: stored.dayTotals,
    note: stored.note,
    duplicate: stored.duplicate,
  });
}
