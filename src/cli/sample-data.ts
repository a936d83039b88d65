import { workdaysBetween, type WorkCalendar } from '../domain/calendar.js';
import type { Day } from '../domain/days.js';
import { periodOf } from '../domain/periods.js';
import { calendarOf, type TeamSettings } from '../domain/team-settings.js';
import { templateTargets, type Role as SalesRole } from '../domain/templates.js';
import type { HistoryRow, Store, Team } from '../store/index.js';

/** The Monday of a day's week. */
const weekOf = (day: Day): Day => periodOf(day, 'week').start;

/** A deterministic pseudo-random source (mulberry32), so a sample is the same on every run. */
function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A count around `mean` (roughly normal, never below 0). */
function around(random: () => number, mean: number, spread = 0.25): number {
  const noise = (random() + random() + random() - 1.5) * 2 * spread;
  return Math.max(0, Math.round(mean * (1 + noise)));
}

/** How many of `n` tries convert at `rate`, with some chance in it. */
function convert(random: () => number, n: number, rate: number): number {
  let k = 0;
  for (let i = 0; i < n; i += 1) if (random() < rate) k += 1;
  return k;
}

export interface SamplePerson {
  readonly userId: string;
  readonly role: SalesRole;
  /** Activity multiplier over the span, from `start` to `end` (1 → 1 is steady; 0.8 → 1.3 improves). */
  readonly trend?: { readonly start: number; readonly end: number };
  /** The meeting conversion over the span, start to end (a falling one makes a bottleneck). */
  readonly meetingConversion?: { readonly start: number; readonly end: number };
}

const NOTES: Readonly<Record<'en' | 'ja', readonly string[]>> = {
  en: ['tried a shorter opener', 'tested a new email subject line', 'new talk script for the pricing question'],
  ja: ['新しいトークスクリプトを試した', '件名を変えたメールをテスト', '価格の質問への新しい切り返しを試した'],
};

/** One workday of a person in a role: the metrics a rep in that role logs, with realistic rates. */
function dayOf(random: () => number, p: SamplePerson, level: number, meetingConversion: number): Record<string, number> {
  switch (p.role) {
    case 'sdr':
    case 'bdr': {
      const calls = around(random, 52 * level);
      const connects = convert(random, calls, 0.27);
      const meetings = convert(random, connects, meetingConversion);
      // Both roles carry the template's target-account appointment rate, so both log the accounts they reach.
      return { calls, connects, meetings, leads: around(random, 8 * level), emails: around(random, 15 * level), target_accounts: around(random, 46 * level) };
    }
    case 'field': {
      const visits = around(random, 2 * level, 0.5);
      const meetings = around(random, 1.6 * level, 0.5);
      const wins = convert(random, meetings, 0.22);
      return { visits, meetings, key_person_contacts: convert(random, meetings, 0.8), wins, revenue: wins * around(random, 520_000, 0.3) };
    }
    case 'cs': {
      // About 120 customers in charge: a workday touches a twenty-first of them, at the seed's monthly
      // rates (repeat 80%, upsell 15%, cross-sell 10%) and a yearly churn near 5%.
      const touched = around(random, 120 / 21, 0.3);
      const responses = around(random, 3, 0.5);
      return {
        accounts: around(random, 6 * level, 0.3),
        renewals: convert(random, touched, 0.82),
        upsells: convert(random, touched, 0.14),
        cross_sells: convert(random, touched, 0.09),
        churns: convert(random, touched, 0.05 / 12),
        csat_responses: responses,
        csat_points: Math.round(responses * (4.2 + random() * 0.7)),
      };
    }
    case 'manager':
      return random() < 0.12 ? { ride_alongs: 1 } : {};
  }
}

/** The hours (UTC) of a day's logs when a day is logged in several goes: morning, afternoon, evening. */
const LOG_HOURS = ['09:30', '13:30', '17:30', '20:30'];

/** The sample's snapshots: logged once when they change, never split. */
const SNAPSHOTS: ReadonlySet<string> = new Set(['pipeline', 'customers']);

/**
 * A day's value as `n` logs, as a person who logs as they go would leave it: the parts add up to the
 * value and none is zero (a zero day stays one log). A snapshot metric is logged once.
 */
function splitValue(metric: string, value: number, n: number): number[] {
  if (n <= 1 || value === 0 || SNAPSHOTS.has(metric)) return [value];
  const parts: number[] = [];
  for (let i = 0; i < n; i += 1) parts.push(Math.floor((value * (i + 1)) / n) - Math.floor((value * i) / n));
  return parts.filter((p) => p > 0);
}

/**
 * Realistic history for people in their roles over the workdays from `from` to `to`: most days
 * logged, rates near the role templates', a few notes about new approaches. With `logsPerDay` above
 * 1 each day's numbers come in that many logs (up to 4), as they do from people who log as they go.
 * Field reps log their open pipeline on each week's first workday.
 */
export function sampleHistory(
  people: readonly SamplePerson[],
  from: Day,
  to: Day,
  calendar: WorkCalendar,
  options: { seed?: number; locale?: 'en' | 'ja'; logsPerDay?: number } = {},
): HistoryRow[] {
  const random = randomSource(options.seed ?? 42);
  // The pipeline has its own source, so adding it left every other sampled number as it was.
  const pipelineRandom = randomSource((options.seed ?? 42) + 7_919);
  const customersRandom = randomSource((options.seed ?? 42) + 104_729);
  const logsPerDay = Math.min(Math.max(1, Math.floor(options.logsPerDay ?? 1)), LOG_HOURS.length);
  const days = workdaysBetween(from, to, calendar);
  const rows: HistoryRow[] = [];
  days.forEach((day, i) => {
    const progressShare = days.length > 1 ? i / (days.length - 1) : 1;
    const loggedAt = LOG_HOURS.slice(0, logsPerDay).map((hour) => new Date(`${day}T${hour}:00Z`));
    for (const p of people) {
      if (random() < 0.08) continue; // a day off or a day not logged
      const trend = p.trend ?? { start: 1, end: 1 };
      const conversion = p.meetingConversion ?? { start: 0.2, end: 0.2 };
      const level = trend.start + (trend.end - trend.start) * progressShare;
      const meetingConversion = conversion.start + (conversion.end - conversion.start) * progressShare;
      const note = random() < 0.04 ? NOTES[options.locale ?? 'en'][Math.floor(random() * 3)]! : null;
      const numbers = dayOf(random, p, level, meetingConversion);
      // Field reps update their open pipeline (a snapshot, not a sum) once a week, on the week's first
      // workday; customer success updates the customers in charge at the start of each month.
      if (p.role === 'field' && (i === 0 || weekOf(day) !== weekOf(days[i - 1]!))) {
        numbers.pipeline = Math.round(around(pipelineRandom, 15_000_000 * level, 0.15) / 10_000) * 10_000;
      }
      if (p.role === 'cs' && (i === 0 || day.slice(0, 7) !== days[i - 1]!.slice(0, 7))) {
        numbers.customers = around(customersRandom, 120, 0.05);
      }
      for (const [metric, value] of Object.entries(numbers)) {
        if (value > 0 || metric === 'calls') {
          splitValue(metric, value, logsPerDay).forEach((part, k) => {
            rows.push({ day, userId: p.userId, metric, value: part, note: k === 0 ? note : null, loggedAt: loggedAt[k]! });
          });
        }
      }
    }
  });
  return rows;
}

/** A sample team: its people (the manager among them), their role templates' targets from `from`, and history from `from` to `to`. */
export interface SampleTeam {
  readonly workspace: string;
  readonly name: string;
  readonly channelId: string;
  readonly settings: TeamSettings;
  /** Creates the team and manages it; everyone else joins as a rep. */
  readonly manager: string;
  readonly people: readonly SamplePerson[];
  readonly from: Day;
  readonly to: Day;
  readonly at: Date;
  /** `sampleHistory`'s options besides the language, which is the team's. */
  readonly history?: { readonly seed?: number; readonly logsPerDay?: number };
  /** The import's name in the history (a file name, or "demo"). */
  readonly source: string;
}

/** Seeds a sample team through the store's own API, for the demo and the benchmarks; returns it and how many entries it got. */
export async function seedSampleTeam(store: Store, s: SampleTeam): Promise<{ team: Team; entries: number }> {
  const team = (await store.teams.create({ workspace: s.workspace, name: s.name, channelId: s.channelId, settings: s.settings, createdBy: s.manager, at: s.at, creatorJoinsAsManager: true }))!;
  await store.teams.addMembers(team, s.people.filter((p) => p.userId !== s.manager).map((p) => p.userId), 'rep', s.at);
  const changes = s.people.flatMap((p) => templateTargets(p.role, { person: p.userId, team: String(team.id) }, s.from));
  await store.targets.set(s.workspace, changes, s.manager, s.at, 'template');
  for (const role of new Set(s.people.map((p) => p.role))) {
    await store.teams.setSalesRole(s.workspace, s.people.filter((p) => p.role === role).map((p) => p.userId), role, s.at);
  }
  const rows = sampleHistory(s.people, s.from, s.to, calendarOf(s.settings), { ...s.history, locale: s.settings.locale });
  await store.history.import(s.workspace, s.source, rows, s.at);
  return { team, entries: rows.length };
}
