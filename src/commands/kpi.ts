import type { CommandContext } from './context.js';
import { explainProblem } from './explain.js';
import { renderHelp } from './help.js';
import { handleLog } from './log.js';
import { parseCommand } from './parse.js';
import { handleUndo } from './undo.js';
import { dayInZone } from '../domain/days.js';
import type { Message } from '../reports/blocks.js';
import { renderTodayOverview } from '../reports/receipts.js';

/**
 * Everything `/kpi` can do: parse the text, run the command, answer with a message in the caller's
 * language. Problems a person can cause come back as messages; only outages throw.
 */
export async function handleKpi(ctx: CommandContext, text: string): Promise<Message> {
  const parsed = parseCommand(text);
  if (!parsed.ok) return explainProblem(parsed.problem, ctx.caller.locale);
  const request = parsed.value;
  switch (request.kind) {
    case 'log':
      return handleLog(ctx, request, text);
    case 'undo':
      return handleUndo(ctx);
    case 'help':
      return renderHelp(ctx.caller.locale, request.topic, request.unknownTopic ?? undefined);
    case 'overview': {
      const today = dayInZone(ctx.clock(), ctx.caller.zone);
      const totals = await ctx.store.activity.dayTotals(ctx.caller.teamId, ctx.caller.userId, today);
      return renderTodayOverview({ locale: ctx.caller.locale, userId: ctx.caller.userId, today, totals });
    }
  }
}
