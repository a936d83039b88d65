import type { CommandContext } from './context.js';
import { dayInZone } from '../domain/days.js';
import type { Message } from '../reports/blocks.js';
import { renderNothingToUndo, renderUndoReceipt } from '../reports/receipts.js';

/** `/kpi undo`: takes back the person's latest log that still stands, all of its numbers. */
export async function handleUndo(ctx: CommandContext): Promise<Message> {
  const { caller } = ctx;
  const now = ctx.clock();
  const undone = await ctx.store.activity.undoLast(caller.teamId, caller.userId, now, ctx.requestKey);
  if (!undone) return renderNothingToUndo(caller.locale);
  return renderUndoReceipt({
    catalog: await ctx.store.metrics.catalog(caller.teamId),
    locale: caller.locale,
    day: undone.day,
    today: dayInZone(now, caller.zone),
    loggedAt: undone.loggedAt,
    zone: caller.zone,
    pairs: undone.pairs,
    dayTotals: undone.dayTotals,
  });
}
