import { holidayOn, isWorkday } from '../domain/calendar.js';
import { dayInZone, type Day } from '../domain/days.js';
import { calendarOf } from '../domain/team-settings.js';
import type { Logger } from '../log.js';
import { plain } from '../reports/blocks.js';
import { dataVisualizationBlock, type DataVisualizationBlock } from '../reports/charts/slack.js';
import { planDaily, planWeekly, recipientOf, type Outgoing, type SlotPlan } from '../scheduler/plans.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { weeklyReviewDay } from '../scheduler/slots.js';
import type { ChatPort } from '../scheduler/chat-port.js';
import type { Locale } from '../domain/locale.js';
import type { Store, Team } from '../store/index.js';

export interface DigestRun {
  readonly kind: 'daily' | 'weekly';
  readonly at: Date;
  readonly defaultLocale: Locale;
  readonly defaultZone: string;
}

/**
 * A payload as `--format json` prints it: a DM is addressed to the person's user ID. A message with
 * charts lists them: where each goes (before the block at `at`), its text alternative, and Slack's
 * native chart block the sender tries first (null when the chart has none and goes as a PNG).
 */
interface PrintedPayload {
  readonly channel: string;
  readonly text: string;
  readonly blocks: readonly unknown[];
  readonly charts?: readonly { readonly at: number; readonly kind: string; readonly title: string; readonly alt: string; readonly native: DataVisualizationBlock | null }[];
}

function planOf(store: Store, team: Team, run: DigestRun, day: Day): SlotPlan {
  return run.kind === 'daily' ? planDaily(store, team, day) : planWeekly(store, team, day);
}

/** Why a team gets nothing on this day, or null when the day is one of its slots. */
export function offDayReason(team: Team, run: DigestRun): string | null {
  const day = dayInZone(run.at, team.settings.timezone);
  const calendar = calendarOf(team.settings);
  if (run.kind === 'daily' && !isWorkday(day, calendar)) {
    const holiday = holidayOn(day, calendar.holidays);
    return `${day} is not a workday for ${team.name}${holiday ? ` (${holiday.en}, ${holiday.ja})` : ''}`;
  }
  if (run.kind === 'weekly' && weeklyReviewDay(team.settings, day) !== day) {
    return `${day} is not the weekly review day of ${team.name} (that week it is ${weeklyReviewDay(team.settings, day) ?? 'none'})`;
  }
  return null;
}

/** Builds every message of the slot for a team, without sending or claiming anything. */
export async function buildSlot(store: Store, team: Team, run: DigestRun): Promise<Outgoing[]> {
  const plan = planOf(store, team, run, dayInZone(run.at, team.settings.timezone));
  const out: Outgoing[] = [];
  for (const item of await plan.recipients()) out.push({ to: recipientOf(item), message: await plan.build(item) });
  return out;
}

export function printPayloads(outgoing: readonly Outgoing[], format: 'text' | 'json'): string {
  if (format === 'json') {
    const payloads: PrintedPayload[] = outgoing.map((o) => ({
      channel: 'channel' in o.to ? o.to.channel : o.to.userId,
      text: o.message.text,
      blocks: o.message.blocks,
      ...(o.message.charts?.length
        ? { charts: o.message.charts.map(({ at, chart }) => ({ at, kind: chart.kind, title: chart.title, alt: chart.text.alt, native: dataVisualizationBlock(chart) })) }
        : {}),
    }));
    return `${JSON.stringify(payloads, null, 2)}\n`;
  }
  return outgoing
    .map((o) => `──── ${'channel' in o.to ? `#${o.to.channel}` : `DM to ${o.to.userId}`} ────\n${plain(o.message.text)}\n`)
    .join('\n');
}

/**
 * Posts the slot for a team the way the scheduler does: each message claimed under its key, so a
 * second run finds it sent. Returns lines to print.
 */
export async function sendSlot(store: Store, chat: ChatPort, logger: Logger, team: Team, run: DigestRun): Promise<string[]> {
  const scheduler = new Scheduler({ store, chat, clock: () => run.at, logger, defaultLocale: run.defaultLocale, defaultZone: run.defaultZone });
  const day = dayInZone(run.at, team.settings.timezone);
  const plan = planOf(store, team, run, day);
  const lines: string[] = [];
  for (const item of await plan.recipients()) {
    const key = { workspace: team.workspace, kpiTeam: team.id, subject: item.subject, kind: item.kind, periodKey: day };
    const before = await store.deliveries.find(key);
    const where = item.kind === 'dm' ? `the DM to ${item.subject}` : `the ${run.kind} ${run.kind === 'daily' ? 'digest' : 'review'} of ${team.name}`;
    if (before && before.status !== 'retry') {
      lines.push(`${where} for ${day} was already ${before.status}${before.ts ? ` (ts ${before.ts})` : ''}${before.reason ? `: ${before.reason}` : ''}; not sent again.`);
      continue;
    }
    const outcome = await scheduler.deliver(team, key, run.at, 'due', run.at, { to: recipientOf(item), build: () => plan.build(item) });
    lines.push(outcome ? `${where}: ${outcome.result}${outcome.reason ? ` (${outcome.reason})` : ''}` : `${where}: taken by another process`);
  }
  return lines;
}
