import type { WorkCalendar } from '../../domain/calendar.js';
import { nextWorkdayFrom, workdaysBetween, previousWorkday, withDaysOff } from '../../domain/calendar.js';
import { addDays, type Day } from '../../domain/days.js';
import { periodOf, type Period } from '../../domain/periods.js';
import { funnelStages, stageRates, type Stage } from '../../domain/funnel.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import { sumOfAll, type Totals } from '../../domain/rates.js';
import { teamStageTotals } from '../../domain/team-rates.js';
import type { ActionPlan, Member, Store, Target, Team } from '../../store/index.js';
import { calendarFor, type DaysByMetric } from '../status.js';
import { loadTeamTargets } from '../tree.js';
import { channelKpis, type ChannelKpis } from './shared.js';

/** Everything the morning messages say about a team, read once for the digest and every DM. */
export interface TeamSnapshot {
  readonly team: Team;
  readonly catalog: MetricCatalog;
  readonly calendar: WorkCalendar;
  /** Active members, managers included. */
  readonly members: readonly Member[];
  /** The workday the morning messages report on (the one before the slot). */
  readonly reportDay: Day;
  /** The month that contains the report day. */
  readonly month: Period;
  /** What the channel may say: the KPIs that are several people's work, and the ones one person carries alone. */
  readonly channel: ChannelKpis;
  readonly memberTargets: ReadonlyMap<string, readonly Target[]>;
  readonly dayTotals: ReadonlyMap<string, Totals>;
  readonly monthTotals: ReadonlyMap<string, Totals>;
  /** Month to date up to the day before the report day: what was reached before it. */
  readonly monthTotalsBefore: ReadonlyMap<string, Totals>;
  readonly loggedDays: ReadonlyMap<string, ReadonlySet<Day>>;
  /** The five workdays up to the report day, and the five before them. */
  readonly recent: ReadonlyMap<string, Totals>;
  readonly earlier: ReadonlyMap<string, Totals>;
  /** Four weeks up to the report day, per member: each person's funnel against the team's, and their recent pace. */
  readonly fourWeeks: ReadonlyMap<string, Totals>;
  /** The days each member logged each metric over the streaks' 60 days: whether their recent pace (its four weeks) has the history to mean something. */
  readonly metricDays: ReadonlyMap<string, DaysByMetric>;
  /** The team's funnel stages, over the metrics it logged in those four weeks. */
  readonly stages: readonly Stage[];
  /** The team's stage rates over those four weeks, each over the people whose role works it: the reference every member's funnel is read against. */
  readonly teamStageRates: ReadonlyMap<string, number>;
  readonly notes: readonly { userId: string; day: Day; note: string }[];
  readonly bests: readonly { userId: string; metric: string; best: number; previous: number }[];
  /** Members' days off around the report day (the streaks' 60 days back to the month's end), by member. */
  readonly daysOff?: ReadonlyMap<string, readonly Day[]>;
  /** Each member's latest 1on1 action plan agreed by the morning after the report day, by member. */
  readonly plans?: ReadonlyMap<string, ActionPlan>;
}

/** Each snapshot's members' calendars, made once: a morning asks for each several times, and a calendar made once keeps its remembered workdays. */
const calendarsOf = new WeakMap<Pick<TeamSnapshot, 'calendar' | 'daysOff'>, Map<string, WorkCalendar>>();

/** A member's calendar in a snapshot: the team's without their days off. */
export function memberCalendar(s: Pick<TeamSnapshot, 'calendar' | 'daysOff'>, userId: string): WorkCalendar {
  let calendars = calendarsOf.get(s);
  if (!calendars) calendarsOf.set(s, (calendars = new Map()));
  let calendar = calendars.get(userId);
  if (!calendar) calendars.set(userId, (calendar = withDaysOff(s.calendar, s.daysOff?.get(userId))));
  return calendar;
}

/** Whether a member is off on a day (a day off of theirs; closures are in the team's calendar). */
export function isOffOn(s: Pick<TeamSnapshot, 'daysOff'>, userId: string, d: Day): boolean {
  return s.daysOff?.get(userId)?.includes(d) ?? false;
}

/** The first and last day of the `n` workdays ending at `end`. */
function lastWorkdays(end: Day, n: number, calendar: WorkCalendar): { from: Day; to: Day } {
  const days = workdaysBetween(addDays(end, -n * 3 - 14), end, calendar).slice(-n);
  return { from: days[0] ?? end, to: end };
}

/** The days each member logged anything, from the days they logged each metric. */
function daysLoggedOf(metricDays: ReadonlyMap<string, DaysByMetric>): Map<string, Set<Day>> {
  const loggedDays = new Map<string, Set<Day>>();
  for (const [userId, byMetric] of metricDays) {
    const logged = new Set<Day>();
    for (const days of byMetric.values()) for (const d of days) logged.add(d);
    loggedDays.set(userId, logged);
  }
  return loggedDays;
}

/** Reads a team's snapshot for the morning of `slotDay`, reporting on the workday before it. */
export async function loadTeamSnapshot(store: Store, team: Team, reportDay: Day): Promise<TeamSnapshot> {
  const calendar = calendarFor(team);
  const month = periodOf(reportDay, 'month');
  const recentSpan = lastWorkdays(reportDay, 5, calendar);
  const earlierSpan = lastWorkdays(addDays(recentSpan.from, -1), 5, calendar);
  const monthBefore = reportDay > month.start ? { from: month.start, to: addDays(reportDay, -1) } : null;
  const catalog = await store.metrics.catalog(team.workspace);
  const fourWeeksSpan = { from: addDays(reportDay, -27), to: reportDay };
  const streakFrom = addDays(reportDay, -60);
  // The plan a morning DM shows: agreed by the morning it goes out (the workday after the report day).
  const planDay = nextWorkdayFrom(addDays(reportDay, 1), calendar) ?? addDays(reportDay, 1);
  const [{ members: all, byPerson: memberTargets, targets: allTargets }, ranges, metricDays, notes, bests, daysOff, plans] = await Promise.all([
    loadTeamTargets(store, team, reportDay, catalog),
    store.totals.memberRanges(team.id, [
      { from: reportDay, to: reportDay },
      { from: month.start, to: reportDay },
      recentSpan,
      earlierSpan,
      fourWeeksSpan,
      ...(monthBefore ? [monthBefore] : []),
    ]),
    // The streaks' 60 days and the recent pace's four weeks in one read.
    store.totals.memberMetricDays(team.id, streakFrom, reportDay),
    store.totals.memberNotes(team.id, reportDay, reportDay),
    store.totals.bestsSetOn(team.id, reportDay),
    store.daysOff.ofTeam(team.id, streakFrom, addDays(month.end, 31)),
    store.oneonones.latestPlans(team.workspace, team.id, planDay),
  ]);
  const loggedDays = daysLoggedOf(metricDays);
  const members = all.filter((m) => m.isActive);
  const [dayTotals, monthTotals, recent, earlier, fourWeeks, before] = ranges as [Map<string, Totals>, Map<string, Totals>, Map<string, Totals>, Map<string, Totals>, Map<string, Totals>, Map<string, Totals> | undefined];
  const monthTotalsBefore = before ?? new Map<string, Totals>();
  const channel = channelKpis(allTargets, catalog);
  const logged = sumOfAll(fourWeeks).values;
  const stages = funnelStages(team.settings.funnel, catalog, (key) => (logged[key] ?? 0) > 0);
  const teamStageRates = stageRates(stages, teamStageTotals(members, fourWeeks));
  return { team, catalog, calendar, members, reportDay, month, channel, memberTargets, dayTotals, monthTotals, monthTotalsBefore, loggedDays, recent, earlier, fourWeeks, metricDays, stages, teamStageRates, notes, bests, daysOff, plans };
}

/** The workday a morning message reports on: the one before the slot's day. */
export function reportDayFor(slotDay: Day, calendar: WorkCalendar): Day {
  return previousWorkday(slotDay, calendar) ?? addDays(slotDay, -1);
}
