import type { HomeView } from '@slack/types';
import { formatItems, progressBar, totalsInOrder } from '../amounts.js';
import { actions, button, context, divider, header, LIMITS, section, type KnownBlock } from '../blocks.js';
import type { ChartModel } from '../charts/model.js';
import { chartImageBlocks } from '../charts/slack.js';
import type { HomeModel, TeamPanel } from '../home.js';
import { agreedPlanSection } from '../plan-check.js';
import { progressText, type StatusModel } from '../status.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import { formatDay, formatMonth, formatPercent, formatTime, messages, type Locale } from '../../i18n/index.js';

/** The button on App Home that opens the log form. */
export const OPEN_LOG_ACTION = 'kpi_open_log';

/** KPIs shown per period; the seeds advise 3–5, so more than this is already a lot. */
const MAX_KPI_LINES = 12;
/** Members listed by name in the team panel before the rest are counted. */
const MAX_MEMBER_LINES = 20;

const mention = (userId: string) => `<@${userId}>`;

function periodHeading(status: StatusModel, locale: Locale): string {
  const h = messages(locale).home;
  const p = status.period;
  const range = messages(locale).separators.dateRange;
  const [label, dates] =
    p.kind === 'day'
      ? [h.today, formatDay(p.start, locale)]
      : p.kind === 'week'
        ? [h.week, `${formatDay(p.start, locale)}${range}${formatDay(p.end, locale)}`]
        : [h.month, formatMonth(p.start, locale)];
  return messages(locale).withDate({ label: `*${label}*`, date: dates });
}

/** One period: what was logged first, then each KPI with its bar, pace and forecast. */
function periodBlocks(status: StatusModel, locale: Locale, seed: string, catalog: MetricCatalog): KnownBlock[] {
  const t = messages(locale);
  const items = totalsInOrder(status.totals, catalog);
  const logged = items.length > 0 ? formatItems(items, locale) : t.home.nothingLogged;
  const blocks: KnownBlock[] = [section(`${periodHeading(status, locale)}\n${logged}`)];
  for (const line of status.lines.slice(0, MAX_KPI_LINES)) blocks.push(section(progressText(line, status.totals, locale, `${seed}:${status.period.kind}`, 'you', catalog)));
  return blocks;
}

function streakBlock(model: HomeModel): KnownBlock {
  const h = messages(model.locale).home;
  const { days, loggedToday, todayIsWorkday } = model.streak;
  if (days === 0) return context(h.noStreak);
  const next = todayIsWorkday && !loggedToday ? [h.streakNext({ days: days + 1 })] : [];
  return context(h.streak({ days }), ...next);
}

function attainmentText(attainment: number | null, locale: Locale): string {
  return attainment === null ? messages(locale).home.memberNoTargets : `${formatPercent(attainment, locale)}  ${progressBar(attainment)}`;
}

/** The manager's panel: the team's month against team-level KPIs, then each member's attainment. */
function teamBlocks(panel: TeamPanel, locale: Locale, seed: string, catalog: MetricCatalog, chart: readonly KnownBlock[]): KnownBlock[] {
  const h = messages(locale).home;
  const blocks: KnownBlock[] = [divider(), header(h.teamTitle({ team: panel.name }))];
  const month = panel.month;
  if (month.lines.length > 0) {
    for (const line of month.lines.slice(0, MAX_KPI_LINES)) blocks.push(section(progressText(line, month.totals, locale, `${seed}:team`, 'team', catalog)));
  } else {
    const items = totalsInOrder(month.totals, catalog);
    blocks.push(section(items.length > 0 ? h.teamMonthTotals({ items: formatItems(items, locale) }) : h.nothingLogged));
  }
  blocks.push(...chart);
  if (panel.withTargets === 0) {
    blocks.push(context(h.teamNoTargets));
  } else {
    const share = formatPercent(panel.atTarget / panel.withTargets, locale);
    blocks.push(section(`*${h.teamAtTarget({ count: panel.atTarget, total: panel.withTargets, share })}*`));
  }
  if (panel.members.length > 0) {
    const lines = panel.members.slice(0, MAX_MEMBER_LINES).map((m) => h.memberLine({ person: mention(m.userId), attainment: attainmentText(m.attainment, locale) }));
    blocks.push(section(lines.join('\n')));
    const rest = panel.members.length - MAX_MEMBER_LINES;
    if (rest > 0) blocks.push(context(h.more({ count: rest })));
  }
  return blocks;
}

/** A chart of App Home with the ID of its uploaded PNG (Slack documents its chart block for messages only). */
export interface HomeChart {
  readonly chart: ChartModel;
  readonly fileId: string;
}

/** The image and the numbers' line of the chart of this audience, if there is one. */
function chartOf(charts: readonly HomeChart[], audience: ChartModel['audience']): KnownBlock[] {
  const found = charts.find((c) => c.chart.audience === audience);
  return found ? chartImageBlocks(found.chart, found.fileId) : [];
}

/**
 * A person's App Home: their streak and a "Log activity" button, today / this week / this month
 * with a bar, the pace and the forecast for each KPI, and for a team's manager the team panel.
 * Only the person's own numbers; the team panel is built only for the team's managers. `charts`:
 * the month's chart under the month, the team's under the team's KPIs.
 */
export function homeView(model: HomeModel, charts: readonly HomeChart[] = []): HomeView {
  const t = messages(model.locale);
  const h = t.home;
  const seed = `${model.today}:${model.userId}`;
  const blocks: KnownBlock[] = [
    header(model.name ? h.title({ name: model.name }) : h.titleNoName),
    streakBlock(model),
    actions(button(h.logButton, OPEN_LOG_ACTION, 'home', 'primary')),
  ];
  if (model.plan) {
    const agreed = agreedPlanSection(model.plan, model.locale);
    blocks.push(section(`*${agreed.title}*\n${agreed.quote}`));
  }
  for (const status of model.periods) {
    blocks.push(divider(), ...periodBlocks(status, model.locale, seed, model.catalog));
    if (status.period.kind === 'month') blocks.push(...chartOf(charts, 'person'));
  }
  if (model.periods.every((p) => p.lines.length === 0)) blocks.push(context(h.noTargets));
  if (model.team) blocks.push(...teamBlocks(model.team, model.locale, seed, model.catalog, chartOf(charts, 'team')));
  blocks.push(context(h.updated({ time: formatTime(model.at, model.zone) })));
  // Every count above is capped; this only guards the view against a future block that is not.
  const kept = blocks.length > LIMITS.blocksPerView ? [...blocks.slice(0, LIMITS.blocksPerView - 1), blocks[blocks.length - 1]!] : blocks;
  return { type: 'home', blocks: kept };
}
