import { standingOf } from './authority.js';
import type { CommandContext } from './context.js';
import { parseDay, type Day } from '../domain/days.js';
import { periodOf } from '../domain/periods.js';
import { formatMonth, formatNumber, messages } from '../i18n/index.js';
import type { Message } from '../reports/blocks.js';
import { CSV_HEADER_WITH_NAMES, csvHeaderLineWithNames, csvLineWithName } from '../reports/csv.js';
import { textMessage } from '../reports/receipts.js';

/** A UTF-8 byte-order mark: without it, Excel in Japan reads a UTF-8 CSV as Shift-JIS and garbles it. */
const BOM = '\uFEFF';

/**
 * A team's name as part of a file name: what file systems and Slack keep as it is (letters of any
 * script, digits, `-`, `_`, `.`), runs of anything else as one `-`.
 */
export function fileNamePart(name: string): string {
  const part = name.normalize('NFKC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/gu, '');
  return part.slice(0, 60) || 'team';
}

/**
 * `/kpi export [YYYY-MM]`: the caller's history as a CSV file in their DMs, or, for a team's
 * manager, the team's, named after the team. UTF-8 with a BOM (Excel opens it as it is), each
 * person's name beside their ID; `kpi-bot import` loads it back.
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
  let csv = BOM + csvHeaderLineWithNames();
  const rows = await store.history.export(
    { teamId: caller.teamId, ...(team ? { kpiTeam: team.id } : { userId: caller.userId }), from, to },
    (row) => {
      csv += csvLineWithName(row);
    },
  );
  if (rows === 0) return textMessage(t.exportNone);
  const file = `kpi-${team ? fileNamePart(team.name) : caller.userId}-${month ?? 'all'}.csv`;
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
      columns: CSV_HEADER_WITH_NAMES.join(', '),
    }),
  });
  return textMessage(t.exportSent({ file, rows: count }));
}
