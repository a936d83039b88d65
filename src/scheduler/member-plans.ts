import { buildDm, snapshotFor, type PlanItem, type SlotPlan, type SnapshotCache } from './plans.js';
import { withDaysOff } from '../domain/calendar.js';
import { addDays, monthOf, type Day } from '../domain/days.js';
import { workdayStreak } from '../domain/streaks.js';
import { MAX_ALERTS_A_MORNING, paceAlertsOf, renderPaceAlert } from '../reports/pace-alerts.js';
import { renderReminder } from '../reports/reminder.js';
import { calendarFor } from '../reports/status.js';
import type { MemberRecord, Store, Team } from '../store/index.js';

/** A person's slot of a team (their morning or their evening), for the members who share a zone. */
export interface MemberSlotInput {
  readonly store: Store;
  readonly team: Team;
  /** The workday, in the members' zone. */
  readonly slotDay: Day;
  readonly slotAt: Date;
  /** The team's members in this zone. */
  readonly members: readonly MemberRecord[];
  readonly cache: SnapshotCache;
  /** Past the catch-up window: what is recorded as skipped. Pace alerts then wait for a later morning instead. */
  readonly missed: boolean;
}

/** Whether a member is there for a slot: active, in the team by then (no catch-up for a slot before they joined), not off. */
function present(m: MemberRecord, slotAt: Date, off: ReadonlyMap<string, readonly Day[]>, slotDay: Day): boolean {
  return m.isActive && (m.joinedAt === null || m.joinedAt <= slotAt) && !(off.get(m.userId)?.includes(slotDay) ?? false);
}

/**
 * A person's morning: their plan for the day by DM (when they and the team want it), and for a
 * manager the alerts of KPIs far off their monthly pace (when the team has them on), the furthest
 * first, at most `MAX_ALERTS_A_MORNING` a morning, each KPI once a month. Nothing for someone off that day.
 */
export function planMorning(input: MemberSlotInput): SlotPlan {
  const { store, team, slotDay, cache } = input;
  return {
    async recipients() {
      const off = await store.daysOff.ofTeam(team.id, slotDay, slotDay);
      const here = input.members.filter((m) => present(m, input.slotAt, off, slotDay));
      const items: PlanItem[] = [];
      if (team.settings.morningDm) for (const m of here.filter((x) => x.morningDm)) items.push({ kind: 'dm', subject: m.userId, member: m });
      const managers = here.filter((m) => m.role === 'manager');
      if (!team.settings.paceAlerts || input.missed || managers.length === 0) return items;
      const snapshot = await snapshotFor(store, team, slotDay, cache);
      // On the first workday of a month the report day is last month's: its alerts are moot now.
      if (monthOf(snapshot.reportDay) !== monthOf(slotDay)) return items;
      const alerts = paceAlertsOf(snapshot);
      for (const manager of managers) {
        let sent = 0;
        for (const alert of alerts) {
          if (sent === MAX_ALERTS_A_MORNING) break;
          const before = await store.deliveries.find({ workspace: team.workspace, kpiTeam: team.id, subject: manager.userId, kind: 'pace', periodKey: alert.periodKey });
          // One told on an earlier morning is done; one claimed for this morning (on an earlier tick,
          // before a restart, by another process) stays in the plan and counts toward the cap.
          if (before && before.slotAt.getTime() !== input.slotAt.getTime()) continue;
          items.push({ kind: 'pace', subject: manager.userId, member: manager, alert, periodKey: alert.periodKey });
          sent += 1;
        }
      }
      return items;
    },
    async build(item) {
      if (item.kind === 'pace') return renderPaceAlert(item.alert, item.member.locale ?? team.settings.locale);
      if (item.kind !== 'dm') throw new Error(`a morning sends DMs and pace alerts, not ${item.kind}`);
      return buildDm(store, team, slotDay, item.member, cache);
    },
  };
}

/** How far back logs are read for a reminder's streak. */
const STREAK_DAYS = 60;

/**
 * A person's evening on a workday: a reminder by DM when the team has them on, they have not opted
 * out, they have a target to log against, are not off, and have logged nothing that day.
 */
export function planEvening(input: MemberSlotInput): SlotPlan {
  const { store, team, slotDay } = input;
  return {
    async recipients() {
      if (team.settings.reminderTime === null) return [];
      const from = addDays(slotDay, -STREAK_DAYS);
      const off = await store.daysOff.ofTeam(team.id, from, slotDay);
      const here = input.members.filter((m) => m.eveningReminder && present(m, input.slotAt, off, slotDay));
      if (here.length === 0) return [];
      const [targets, logged] = await Promise.all([
        store.targets.inForce(team.workspace, 'person', here.map((m) => m.userId), slotDay),
        store.totals.memberLoggedDays(team.id, from, slotDay),
      ]);
      const items: PlanItem[] = [];
      for (const m of here) {
        const days = logged.get(m.userId) ?? new Set<Day>();
        if (!targets.has(m.userId) || days.has(slotDay)) continue;
        const streak = workdayStreak(days, slotDay, withDaysOff(calendarFor(team), off.get(m.userId)));
        items.push({ kind: 'reminder', subject: m.userId, member: m, reminder: { userId: m.userId, day: slotDay, streak } });
      }
      return items;
    },
    async build(item) {
      if (item.kind !== 'reminder') throw new Error(`an evening sends reminders, not ${item.kind}`);
      return renderReminder(item.reminder, item.member.locale ?? team.settings.locale);
    },
  };
}
