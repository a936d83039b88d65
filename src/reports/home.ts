import { calendarFor, loadStatus, personalKpis, statusModel, type StatusModel } from './status.js';
import { teamProgress } from './team-progress.js';
import { loadTeamTargets } from './tree.js';
import { loadPersonCalendar } from './calendars.js';
import { countWorkdays, isWorkday, withDaysOff, type WorkCalendar } from '../domain/calendar.js';
import { addDays, dayInZone, type Day } from '../domain/days.js';
import { periodOf } from '../domain/periods.js';
import { loggedSince, NO_TOTALS, sumOfAll } from '../domain/rates.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { workdayStreak } from '../domain/streaks.js';
import { MEMBER_AT_TARGET_SHARE } from '../domain/templates.js';
import type { Locale } from '../i18n/index.js';
import type { ActionPlan, Store, Team } from '../store/index.js';
import { isCurrentPlan } from './plan-check.js';

/** The periods App Home shows, in order. */
export const HOME_PERIODS = ['day', 'week', 'month'] as const;

export interface HomeStreak {
  /** Consecutive workdays with a log (see `workdayStreak`). */
  readonly days: number;
  readonly loggedToday: boolean;
  readonly todayIsWorkday: boolean;
}

export interface MemberAttainment {
  readonly userId: string;
  /** Average share of their month targets reached (each capped at 100%); null without month targets. */
  readonly attainment: number | null;
}

/** What a team's manager sees of the team: the month against team-level targets, and each member. */
export interface TeamPanel {
  readonly name: string;
  readonly month: StatusModel;
  readonly members: readonly MemberAttainment[];
  /** Members with month targets, and how many of them are at `MEMBER_AT_TARGET_SHARE` or more. */
  readonly withTargets: number;
  readonly atTarget: number;
}

/** One person's App Home: their own numbers only, and for a team's manager their team. */
export interface HomeModel {
  readonly userId: string;
  readonly name: string | null;
  readonly locale: Locale;
  readonly zone: string;
  readonly today: Day;
  readonly at: Date;
  /** Today, this week and this month, in `HOME_PERIODS` order. */
  readonly periods: readonly StatusModel[];
  readonly streak: HomeStreak;
  readonly team: TeamPanel | null;
  readonly catalog: MetricCatalog;
  /** The action plan agreed in their last 1on1, while it is current. */
  readonly plan?: ActionPlan | null;
}

/** The longest span of history read for a streak (about ten years). */
const MAX_STREAK_SPAN = 3650;

/** Reads as much history as the streak needs: a couple of months, more only while the run fills the window. */
async function streakOf(store: Store, workspace: string, userId: string, today: Day, calendar: WorkCalendar): Promise<number> {
  for (let span = 62; ; span *= 4) {
    const from = addDays(today, -span);
    const rows = await store.totals.personDays(workspace, userId, from, today);
    const streak = workdayStreak(new Set(rows.map((r) => r.day)), today, calendar);
    if (streak < countWorkdays(from, today, calendar) - 1 || span >= MAX_STREAK_SPAN) return streak;
  }
}

/**
 * A member's standing against the month as one number: the average share of their targets reached,
 * each capped at 100% so one target far exceeded does not hide another; null without targets.
 * Targets with nothing to measure yet (a rate with no denominator) are left out.
 */
export function memberAttainment(month: StatusModel): number | null {
  const shares = month.lines.map((l) => l.progress.attainment).filter((a): a is number => a !== null);
  return shares.length === 0 ? null : shares.reduce((sum, a) => sum + Math.min(1, a), 0) / shares.length;
}

/** The manager's view of their team for the month, as of today in the team's zone. */
export async function loadTeamPanel(store: Store, team: Team, at: Date): Promise<TeamPanel> {
  const asOf = dayInZone(at, team.settings.timezone);
  const month = periodOf(asOf, 'month');
  const calendar = calendarFor(team);
  const catalog = await store.metrics.catalog(team.workspace);
  // Every member's targets, read once for the team's targets and each person's standing.
  const [{ members, byPerson, targets: levelTargets }, byMember, daysOff] = await Promise.all([
    loadTeamTargets(store, team, asOf, catalog),
    store.totals.memberTotals(team.id, month.start, asOf),
    store.daysOff.ofTeam(team.id, month.start, month.end),
  ]);
  const active = members.filter((m) => m.isActive);
  // The team's KPIs as the digest reads them: rates over the people whose role works them.
  const teamMonth: StatusModel = {
    userId: `team:${team.id}`,
    period: month,
    asOf,
    totals: sumOfAll(byMember),
    lines: levelTargets.flatMap((t) => {
      const def = catalog.get(t.metric);
      if (!def) return [];
      const read = teamProgress(def, t, month, asOf, active, byMember, calendar);
      return [{ progress: read.progress, totals: read.totals }];
    }),
    untargeted: [],
    rates: [],
    handoffs: null,
  };
  const reps = active.filter((m) => m.role === 'rep');
  const people = reps.length > 0 ? reps : active;
  const standings = people.map((m) => ({
    userId: m.userId,
    attainment: memberAttainment(
      statusModel({
        userId: m.userId,
        role: m.salesRole,
        kind: 'month',
        asOf,
        totals: byMember.get(m.userId) ?? NO_TOTALS,
        targets: personalKpis(byPerson.get(m.userId) ?? []),
        calendar: withDaysOff(calendar, daysOff.get(m.userId)),
        catalog,
      }),
    ),
  }));
  const measured = standings.filter((s) => s.attainment !== null);
  return {
    name: team.name,
    month: teamMonth,
    members: standings,
    withTargets: measured.length,
    atTarget: measured.filter((s) => s.attainment! >= MEMBER_AT_TARGET_SHARE).length,
  };
}

/**
 * Everything a person's App Home shows, read for `at` in their zone: today, this week and this
 * month against their targets, their streak, and for a team's manager the team panel.
 */
export async function loadHome(store: Store, input: { workspace: string; userId: string; locale: Locale; zone: string; at: Date }): Promise<HomeModel> {
  const { workspace, userId } = input;
  const today = dayInZone(input.at, input.zone);
  const person = await store.people.get(workspace, userId);
  const team = person?.kpiTeamId ? await store.teams.byId(person.kpiTeamId) : null;
  const calendar = await loadPersonCalendar(store, workspace, userId, team);
  const [periods, days, plan] = await Promise.all([
    loadStatus(store, { workspace, userId, team, asOf: today }, HOME_PERIODS),
    streakOf(store, workspace, userId, today, calendar),
    store.oneonones.latestPlan(workspace, userId, today),
  ]);
  const manages = team !== null && person?.role === 'manager';
  return {
    userId,
    name: person?.name ?? null,
    locale: input.locale,
    zone: input.zone,
    today,
    at: input.at,
    periods,
    streak: { days, loggedToday: loggedSince(periods[0]!.totals, today), todayIsWorkday: isWorkday(today, calendar) },
    catalog: await store.metrics.catalog(workspace),
    team: manages ? await loadTeamPanel(store, team, input.at) : null,
    plan: plan && isCurrentPlan(plan, today) ? plan : null,
  };
}
