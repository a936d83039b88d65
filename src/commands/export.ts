import { standingOf } from './authority.js';
import type { CommandContext } from './context.js';
import { parseDay, type Day } from '../domain/days.js';
import { periodOf } from '../domain/periods.js';
import { formatMonth, formatNumber, messages } from '../i18n/index.js';
import type { Message } from '../reports/blocks.js';
import { csvHeaderLine, csvLine } from '../reports/csv.js';
import { textMessage } from '../reports/receipts.js';

/**
 * `/kpi export [YYYY-MM]`: the caller's history as a CSV file in their DMs, or, for a team's
 * manager, the team's. The same columns as `kpi-bot export`, so it loads back with `kpi-bot import`.
 */
export async function handleExport(ctx: CommandContext, month: string | null): Promise<Message> {
  const { caller, store } = ctx;
  const t = messages(caller.locale);
  const standing = await standingOf(ctx);
  const team = standing.actor.role === 'manager' ? standing.team : null;
  let from: Day | undefined;
  let to: Day | undefined;
  if (month) {
    const period = periodOf(parseDay(`${month}-01`)!, 'month');
    from = period.start;
    to = period.end;
  }
  let csv = csvHeaderLine();
  const rows = await store.history.export(
    { teamId: caller.teamId, ...(team ? { kpiTeam: team.id } : { userId: caller.userId }), from, to },
    (row) => {
      csv += csvLine(row);
    },
  );
  if (rows === 0) return textMessage(t.exportNone);
  const file = `kpi-${team ? `team-${team.id}` : caller.userId}-${month ?? 'all'}.csv`;
  const count = formatNumber(rows, caller.locale);
  const channel = await ctx.chat.openDm(caller.userId);
  await ctx.chat.uploadFile(channel, {
    filename: file,
    title: file,
    content: csv,
    comment: t.exportComment({
      who: team ? t.exportTeam({ team: team.name }) : t.you,
      period: from ? formatMonth(from, caller.locale) : t.exportAll,
      rows: count,
    }),
  });
  return textMessage(t.exportSent({ file, rows: count }));
}
