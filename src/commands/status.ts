import { check, mention, standingOf } from './authority.js';
import type { CommandContext } from './context.js';
import { dayInZone, zoneOf } from '../domain/days.js';
import type { PeriodKind } from '../domain/periods.js';
import { formatAmount, formatItems, totalsInOrder } from '../reports/amounts.js';
import { context, section, type Message } from '../reports/blocks.js';
import { formatPercent, messages, pick } from '../i18n/index.js';
import { renderTodayOverview } from '../reports/receipts.js';
import { loadStatus, renderStatus, todaysAsk, type StatusModel } from '../reports/status.js';
import { loadPersonCalendar } from '../reports/calendars.js';
import { metricLabel } from '../reports/amounts.js';

/** `/kpi status [@person] [period]`: one's own numbers, or a member's for their manager and admins. */
export async function handleStatus(ctx: CommandContext, userId: string | null, kind: PeriodKind | null): Promise<Message> {
  const { caller, store } = ctx;
  const subjectId = userId ?? caller.userId;
  const own = subjectId === caller.userId;
  const team = await store.teams.ofPerson(caller.teamId, subjectId);
  if (!own) {
    const refused = await check(ctx, await standingOf(ctx), 'viewOthers', team, mention(subjectId));
    if (refused) return refused;
  }
  const person = own ? null : await store.people.get(caller.teamId, subjectId);
  const zone = own ? caller.zone : zoneOf(person, team, ctx.defaults.timezone);
  const [[model], catalog] = await Promise.all([
    loadStatus(store, { workspace: caller.teamId, userId: subjectId, team, asOf: dayInZone(ctx.clock(), zone) }, [kind ?? 'month'] as const),
    store.metrics.catalog(caller.teamId),
  ]);
  return renderStatus(model, caller.locale, own ? messages(caller.locale).you : mention(subjectId), catalog);
}

/** One line per KPI with its attainment: `"calls 60% · meetings 45%"`. */
function compact(model: StatusModel, ctx: CommandContext): string {
  const sep = messages(ctx.caller.locale).itemSeparator;
  return model.lines
    .map((l) => `${metricLabel(l.progress.metric, ctx.caller.locale)} ${l.progress.attainment === null ? '–' : formatPercent(l.progress.attainment, ctx.caller.locale)}`)
    .join(sep);
}

/** Bare `/kpi`: today's numbers, where the week and the month stand, and what today asks. */
export async function handleOverview(ctx: CommandContext): Promise<Message> {
  const { caller, store } = ctx;
  const t = messages(caller.locale);
  const today = dayInZone(ctx.clock(), caller.zone);
  const team = await store.teams.ofPerson(caller.teamId, caller.userId);
  const [totals, [week, month], catalog, calendar] = await Promise.all([
    store.totals.dayTotals(caller.teamId, caller.userId, today),
    loadStatus(store, { workspace: caller.teamId, userId: caller.userId, team, asOf: today }, ['week', 'month'] as const),
    store.metrics.catalog(caller.teamId),
    loadPersonCalendar(store, caller.teamId, caller.userId, team),
  ]);
  const base = renderTodayOverview({ locale: caller.locale, userId: caller.userId, today, totals, catalog });
  if (month.lines.length === 0) {
    const monthItems = totalsInOrder(month.totals, catalog);
    const extra = monthItems.length ? [t.overviewWeekMonth({ week: formatItems(totalsInOrder(week.totals, catalog), caller.locale) || '–', month: formatItems(monthItems, caller.locale) })] : [];
    return {
      text: [base.text, ...extra, t.overviewSetTargets].join('\n'),
      blocks: [...base.blocks.slice(0, 1), ...extra.map(section), context(t.overviewSetTargets)],
    };
  }
  const standing = t.overviewWeekMonth({ week: compact(week, ctx), month: compact(month, ctx) });
  const ask = todaysAsk(month, today, calendar);
  const hint = ask
    ? t.todayAsks({ amount: formatAmount(ask.metric, ask.amount, caller.locale), target: formatAmount(ask.metric, Math.round(ask.target), caller.locale) })
    : pick(t.statusReached, today, { metric: metricLabel(month.lines[0]!.progress.metric, caller.locale) });
  return {
    text: [base.text, standing, hint].join('\n'),
    blocks: [...base.blocks.slice(0, 1), section(standing), context(hint), context(t.overviewHint)],
  };
}
