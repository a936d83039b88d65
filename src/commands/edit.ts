import type { CommandContext } from './context.js';
import { resolveDay, MAX_DAYS_BACK } from './dates.js';
import { explainProblem } from './explain.js';
import { dateProblem, dayCeiling } from './log.js';
import type { EditRequest } from './parse-log.js';
import type { Problem } from './problems.js';
import { addDays, dayInZone, type Day } from '../domain/days.js';
import type { Totals } from '../domain/rates.js';
import type { Message } from '../reports/blocks.js';
import { renderEditReceipt } from '../reports/receipts.js';
import { Rejected, type NothingToEdit } from '../store/index.js';

/** The first metric a correction would push over what a day can hold, on any day it touches, as a problem. */
function daysCeiling(request: EditRequest) {
  const over = dayCeiling(request);
  return (after: ReadonlyMap<Day, Totals>): Problem | null => {
    for (const totals of after.values()) {
      const problem = over(totals);
      if (problem) return problem;
    }
    return null;
  };
}

/**
 * `/kpi edit calls 40 [yesterday]`: corrects the number of each metric named in the caller's latest
 * log of it (of that day, when one is given; else within the days a log may be dated back), every
 * number or none. The replaced numbers stay in the audit history, as undone logs do.
 */
export async function handleEdit(ctx: CommandContext, request: EditRequest): Promise<Message> {
  const { caller } = ctx;
  const now = ctx.clock();
  const today = dayInZone(now, caller.zone);
  let day: Day | null = null;
  if (request.date !== null) {
    const resolved = resolveDay(request.date, today);
    if (!resolved.ok) return explainProblem(dateProblem(resolved, request.date), caller.locale, 'edit');
    day = resolved.day;
  }
  try {
    const outcome = await ctx.store.edits.correct(
      {
        teamId: caller.teamId,
        userId: caller.userId,
        requestKey: ctx.requestKey,
        corrections: request.pairs.map((p) => ({ metric: p.metric.key, value: p.value, handoff: p.handoff ?? null })),
        day,
        since: addDays(today, -MAX_DAYS_BACK),
        at: now,
      },
      daysCeiling(request),
    );
    return renderEditReceipt({ locale: caller.locale, today, zone: caller.zone, outcome, catalog: await ctx.store.metrics.catalog(caller.teamId) });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    const reason = error.reason as Problem | NothingToEdit;
    if ('kind' in reason) {
      const metric = request.pairs.find((p) => p.metric.key === reason.metric)!.metric;
      return explainProblem({ code: 'nothingToEdit', metric, day, maxDaysBack: MAX_DAYS_BACK }, caller.locale, 'edit');
    }
    return explainProblem(reason, caller.locale, 'edit');
  }
}
