import type { Message } from './blocks.js';
import { oneOnOneMessage } from './charts/from-oneonone.js';
import { buildOneOnOne, type OneOnOneInput, type OneOnOneModel } from './oneonone.js';
import { loadPersonCalendar } from './calendars.js';
import { daysByMetric, recentPace, trailingWindow } from './status.js';
import { countWorkdays } from '../domain/calendar.js';
import { addDays, daysBetween, type Day } from '../domain/days.js';
import type { Locale } from '../domain/locale.js';
import { DEFAULT_FUNNEL, funnelStages } from '../domain/funnel.js';
import { periodOf } from '../domain/periods.js';
import { sumTotals, type Totals } from '../domain/rates.js';
import { formatClock } from '../domain/team-settings.js';
import { formatDay } from '../i18n/index.js';
import type { Store, Team } from '../store/index.js';

/** Reads what a prep needs for a rep as of the meeting day. */
export async function loadOneOnOne(store: Store, team: Team | null, input: { workspace: string; rep: string; meetingDay: Day; meetingMinutes: number | null }): Promise<OneOnOneModel> {
  const { workspace, rep, meetingDay } = input;
  const to = addDays(meetingDay, -1);
  const last = await store.deliveries.lastSent(workspace, rep, 'oneonone', meetingDay);
  // A prep sent to each of a team's managers is keyed by the day and the manager: the day comes first.
  const lastDay = last ? (last.periodKey.slice(0, 10) as Day) : null;
  const since = lastDay && daysBetween(lastDay, meetingDay) <= 28 ? 'last1on1' : 'twoWeeks';
  const from = since === 'last1on1' ? lastDay! : addDays(meetingDay, -14);
  const span = daysBetween(from, to) + 1;
  const calendar = await loadPersonCalendar(store, workspace, rep, team);
  const monthStart = periodOf(to, 'month').start;
  // The four weeks the SMART check reads: their totals here, their days out of `days` below.
  const trailing = trailingWindow(meetingDay);
  const [catalog, members, person, targets, byMember, plan, days, current, previous, baseline, monthTotals, notes, checkIn, trailingTotals] = await Promise.all([
    store.metrics.catalog(workspace),
    team ? store.teams.members(team.id) : [],
    store.people.get(workspace, rep),
    store.targets.of(workspace, 'person', rep, to),
    team ? store.totals.memberTotals(team.id, from, to) : new Map<string, Totals>(),
    store.oneonones.latestPlan(workspace, rep, meetingDay),
    store.totals.personDays(workspace, rep, addDays(to, -60), to),
    store.totals.rangeTotals(workspace, rep, from, to),
    store.totals.rangeTotals(workspace, rep, addDays(from, -span), addDays(from, -1)),
    store.totals.rangeTotals(workspace, rep, addDays(from, -28), addDays(from, -1)),
    store.totals.rangeTotals(workspace, rep, monthStart, to),
    store.totals.personNotes(workspace, rep, from, to),
    store.oneonones.checkIn(workspace, rep, meetingDay),
    store.totals.rangeTotals(workspace, rep, trailing.from, trailing.to),
  ]);
  const roleOf = new Map(members.map((m) => [m.userId, m.salesRole] as const));
  const teammates = [...byMember.entries()].filter(([u]) => u !== rep).map(([u, totals]) => ({ salesRole: roleOf.get(u) ?? null, totals }));
  const logged = sumTotals([current, ...byMember.values()]).values;
  const stages = funnelStages(team?.settings.funnel ?? DEFAULT_FUNNEL, catalog, (key) => (logged[key] ?? 0) > 0);
  const lastLogged = new Map<string, Day>();
  // The last day of each metric in the last 40 days (the rows come in day order).
  const lastLoggedFrom = addDays(to, -40);
  for (const r of days) if (r.day >= lastLoggedFrom) lastLogged.set(r.metric, r.day);
  const paces = new Map<string, number | null>();
  const paceOf = recentPace(trailingTotals, daysByMetric(days), meetingDay, calendar);
  for (const t of targets) {
    const def = catalog.get(t.metric);
    if (def) paces.set(t.metric, paceOf(def, t.period));
  }
  let sincePlan: OneOnOneInput['sincePlan'] = null;
  if (plan) {
    const afterDays = countWorkdays(plan.day, to, calendar);
    const beforeFrom = addDays(plan.day, -Math.max(7, daysBetween(plan.day, to)));
    sincePlan = {
      after: await store.totals.rangeTotals(workspace, rep, plan.day, to),
      before: await store.totals.rangeTotals(workspace, rep, beforeFrom, addDays(plan.day, -1)),
      afterDays,
      beforeDays: countWorkdays(beforeFrom, addDays(plan.day, -1), calendar),
      workdaysPer: { workday: 1, week: calendar.workdays.length, month: countWorkdays(periodOf(plan.day, 'month').start, periodOf(plan.day, 'month').end, calendar) },
    };
  }
  return buildOneOnOne({
    catalog,
    stages,
    rep,
    salesRole: person?.salesRole ?? null,
    meetingDay,
    meetingMinutes: input.meetingMinutes,
    since,
    from,
    to,
    calendar,
    current,
    previous,
    baseline,
    teammates,
    monthTotals,
    targets,
    loggedDays: new Set(days.map((d) => d.day)),
    lastLogged,
    bests: await store.totals.bestsOf(workspace, rep),
    notes: notes.map((n) => n.note),
    paces,
    lastPlan: plan,
    sincePlan,
    checkIn,
  });
}

/**
 * The prep message for a rep's 1on1 on a day, in the reader's language, with its charts: headed with
 * the day, and the time when the meeting has one (scheduled), the day alone when asked for on demand.
 */
export async function prepareOneOnOne(
  store: Store,
  team: Team | null,
  input: { workspace: string; rep: string; meetingDay: Day; meetingMinutes: number | null },
  locale: Locale,
): Promise<Message> {
  const model = await loadOneOnOne(store, team, input);
  const day = formatDay(input.meetingDay, locale);
  return oneOnOneMessage(model, locale, input.meetingMinutes === null ? day : `${day} ${formatClock(input.meetingMinutes)}`);
}
