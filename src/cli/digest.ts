import { holidayOn, isWorkday, nextWorkdayFrom } from '../domain/calendar.js';
import { dayInZone, minutesInZone, type Day } from '../domain/days.js';
import { calendarOf, formatClock } from '../domain/team-settings.js';
import type { Logger } from '../log.js';
import { plain } from '../reports/blocks.js';
import { dataVisualizationBlock, type DataVisualizationBlock } from '../reports/charts/slack.js';
import { planDaily, planWeekly, recipientOf, type Outgoing, type SlotPlan } from '../scheduler/plans.js';
import { CLAIM_LEASE_MS, Scheduler } from '../scheduler/scheduler.js';
import { weeklyReviewDay } from '../scheduler/slots.js';
import type { ChatPort } from '../scheduler/chat-port.js';
import type { Locale } from '../domain/locale.js';
import type { Delivery, Store, Team } from '../store/index.js';

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

/** Where a delivery of the slot stands after this run, as the summary counts it. */
export type DeliveryState = 'sent' | 'alreadySent' | 'skipped' | 'waitingForRetry' | 'inProgress' | 'failed';

export interface DeliveryLine {
  readonly state: DeliveryState;
  /** What to print for it, one line. */
  readonly text: string;
}

/**
 * States a digest run leaves unfinished: the command exits non-zero when any delivery is in one.
 * One another process has claimed is that process's to finish (or the scheduler's, after the lease).
 */
const UNFINISHED: ReadonlySet<DeliveryState> = new Set(['waitingForRetry', 'failed']);

const STATE_WORDS: Readonly<Record<DeliveryState, string>> = {
  sent: 'sent',
  alreadySent: 'already sent before',
  skipped: 'skipped',
  waitingForRetry: 'waiting for a retry',
  inProgress: 'claimed by another process',
  failed: 'failed',
};

/** `09:10 (Asia/Tokyo)`: a time as the team reads it. */
const clockIn = (at: Date, zone: string) => `${formatClock(minutesInZone(at, zone))} (${zone})`;

/**
 * The day a run's deliveries are claimed under. On a day off, `--force` builds the digest anyway;
 * it then stands in for the next slot that would say the same (the daily digest of the next
 * workday reports the same last workday; the weekly review is the week's), so that slot does not
 * post it a second time.
 */
export function claimDay(team: Team, run: DigestRun, day: Day): Day {
  if (offDayReason(team, run) === null) return day;
  const standIn = run.kind === 'daily' ? nextWorkdayFrom(day, calendarOf(team.settings)) : weeklyReviewDay(team.settings, day);
  return standIn ?? day;
}

/** A delivery the run found recorded, in words that say what it is waiting for or what became of it. */
function describeRecorded(where: string, d: Delivery, zone: string, at: Date): DeliveryLine {
  const reason = d.reason ? `: ${d.reason}` : '';
  switch (d.status) {
    case 'sent':
      return { state: 'alreadySent', text: `${where} for ${d.periodKey} was already sent${d.ts ? ` (ts ${d.ts})` : ''}; not sent again.` };
    case 'skipped':
      return { state: 'skipped', text: `${where} for ${d.periodKey} was skipped${reason}; not sent again.` };
    case 'failed':
      return { state: 'failed', text: `${where} for ${d.periodKey} failed${reason}; not sent again.` };
    case 'retry':
      return d.nextTryAt && d.nextTryAt > at
        ? { state: 'waitingForRetry', text: `${where} for ${d.periodKey} is waiting for its retry at ${clockIn(d.nextTryAt, zone)}${reason}.` }
        : { state: 'waitingForRetry', text: `${where} for ${d.periodKey} is due for a retry${reason}.` };
    case 'claimed':
      return {
        state: 'inProgress',
        text: `${where} for ${d.periodKey} was already claimed; not sent again: another process claimed it at ${clockIn(d.claimedAt, zone)} and is sending it, or stopped while sending (the scheduler then takes it over once the ${CLAIM_LEASE_MS / 60_000}-minute claim lapses).`,
      };
  }
}

/**
 * Posts the slot for a team the way the scheduler does: each message claimed under its key, so a
 * second run finds it sent. Returns a line for each delivery, with where it stands.
 */
export async function sendSlot(store: Store, chat: ChatPort, logger: Logger, team: Team, run: DigestRun): Promise<DeliveryLine[]> {
  const scheduler = new Scheduler({ store, chat, clock: () => run.at, logger, defaultLocale: run.defaultLocale, defaultZone: run.defaultZone });
  const zone = team.settings.timezone;
  const day = dayInZone(run.at, zone);
  const keyDay = claimDay(team, run, day);
  const early = keyDay !== day ? ` for ${keyDay} (posted early, on ${day}, with --force)` : '';
  const plan = planOf(store, team, run, day);
  const lines: DeliveryLine[] = [];
  for (const item of await plan.recipients()) {
    const key = { workspace: team.workspace, kpiTeam: team.id, subject: item.subject, kind: item.kind, periodKey: keyDay };
    const where = item.kind === 'dm' ? `the DM to ${item.subject}` : `the ${run.kind} ${run.kind === 'daily' ? 'digest' : 'review'} of ${team.name}`;
    const before = await store.deliveries.find(key);
    if (before && !(before.status === 'retry' && (before.nextTryAt === null || before.nextTryAt <= run.at))) {
      lines.push(describeRecorded(where, before, zone, run.at));
      continue;
    }
    const outcome = await scheduler.deliver(team, key, run.at, 'due', run.at, { to: recipientOf(item), build: () => plan.build(item) });
    if (outcome === null) {
      // Someone else claimed or settled it between the look and the claim: say what it is now.
      const now = await store.deliveries.find(key);
      lines.push(now ? describeRecorded(where, now, zone, run.at) : { state: 'inProgress', text: `${where} for ${keyDay}: claimed by another process meanwhile; not sent again.` });
      continue;
    }
    const because = outcome.reason ? ` (${outcome.reason})` : '';
    if (outcome.result === 'retry') {
      const recorded = await store.deliveries.find(key);
      const when = recorded?.nextTryAt ? ` at ${clockIn(recorded.nextTryAt, zone)}` : '';
      lines.push({ state: 'waitingForRetry', text: `${where}${early}: Slack could not take it now${because}; waiting for its retry${when}.` });
    } else {
      lines.push({ state: outcome.result, text: `${where}${early}: ${outcome.result}${because}` });
    }
  }
  return lines;
}

/** `Summary: 4 sent, 1 waiting for a retry.`, and whether every delivery is settled for good. */
export function digestSummary(lines: readonly DeliveryLine[]): { text: string; finished: boolean } {
  const counts = new Map<DeliveryState, number>();
  for (const line of lines) counts.set(line.state, (counts.get(line.state) ?? 0) + 1);
  const parts = (Object.keys(STATE_WORDS) as DeliveryState[]).filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${STATE_WORDS[s]}`);
  return { text: `Summary: ${parts.join(', ') || 'nothing to send'}.`, finished: lines.every((l) => !UNFINISHED.has(l.state)) };
}
