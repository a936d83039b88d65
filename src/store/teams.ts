import type { Tx } from './sql.js';
import type { Db } from './db.js';
import { ensurePerson, type Role } from './people.js';
import type { DayRange, HolidayCalendar } from '../domain/calendar.js';
import type { Locale } from '../domain/locale.js';
import type { TeamSettings } from '../domain/team-settings.js';

export interface Team {
  readonly id: number;
  /** The Slack workspace. */
  readonly workspace: string;
  readonly name: string;
  /** Where the team's digests and reviews go. */
  readonly channelId: string | null;
  readonly settings: TeamSettings;
  readonly createdBy: string;
  /** When the team was created: no slot before it is sent late. Absent for a team not read from the store. */
  readonly createdAt?: Date;
  /** Set when the team is a client engagement (its numbers are the logs that name it); absent or null otherwise. */
  readonly engagement?: Engagement | null;
}

/** A client engagement (seed 003): whose it is, the agency team whose managers run it, and how often the client gets its report. */
export interface Engagement {
  readonly client: string;
  readonly parentTeam: number | null;
  readonly report: 'weekly' | 'monthly';
}

export interface Member {
  readonly userId: string;
  readonly role: Role;
  readonly name: string | null;
  readonly locale: Locale | null;
  readonly timeZone: string | null;
  readonly isActive: boolean;
  readonly salesRole: string | null;
  /** Whether they want the morning DM (the team's setting applies on top). */
  readonly morningDm: boolean;
}

/** A member as the scheduler needs them: when they joined, when their Slack profile was read, their reminder choice. */
export interface MemberRecord extends Member {
  /** When they joined the team; null for people who joined before this was kept. */
  readonly joinedAt: Date | null;
  readonly profileCheckedAt: Date | null;
  /** Whether they want the evening reminder (the team's setting applies on top). */
  readonly eveningReminder: boolean;
}

export interface TeamRow {
  id: number;
  team_id: string;
  name: string;
  channel_id: string | null;
  timezone: string;
  locale: Locale;
  daily_time: number | null;
  weekly_day: number;
  weekly_time: number | null;
  workdays: string;
  holidays: HolidayCalendar;
  catchup_hours: number;
  morning_dm: number;
  oneonone_lead_hours: number | null;
  oneonone_checkin: number;
  funnel: string;
  closures: string;
  reminder_time: number | null;
  pace_alerts: number;
  month_review: number;
  kickoff: number;
  created_by: string;
  created_at: string;
  client: string | null;
  parent_team: number | null;
  report: 'weekly' | 'monthly';
}

export const toTeam = (r: TeamRow): Team => ({
  id: r.id,
  workspace: r.team_id,
  name: r.name,
  channelId: r.channel_id,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  engagement: r.client === null ? null : { client: r.client, parentTeam: r.parent_team, report: r.report },
  settings: {
    timezone: r.timezone,
    locale: r.locale,
    dailyTime: r.daily_time,
    weeklyDay: r.weekly_day,
    weeklyTime: r.weekly_time,
    workdays: r.workdays.split(',').filter(Boolean).map(Number),
    holidays: r.holidays,
    catchupHours: r.catchup_hours,
    morningDm: r.morning_dm === 1,
    oneOnOneLeadHours: r.oneonone_lead_hours,
    checkIn: r.oneonone_checkin === 1,
    funnel: JSON.parse(r.funnel) as string[],
    closures: JSON.parse(r.closures) as DayRange[],
    reminderTime: r.reminder_time,
    paceAlerts: r.pace_alerts === 1,
    monthReview: r.month_review === 1,
    kickoff: r.kickoff === 1,
  },
});

function settingsColumns(s: TeamSettings): (string | number | null)[] {
  return [
    s.timezone,
    s.locale,
    s.dailyTime,
    s.weeklyDay,
    s.weeklyTime,
    s.workdays.join(','),
    s.holidays,
    s.catchupHours,
    s.morningDm ? 1 : 0,
    s.oneOnOneLeadHours,
    s.checkIn ? 1 : 0,
    JSON.stringify(s.funnel),
    JSON.stringify(s.closures),
    s.reminderTime,
    s.paceAlerts ? 1 : 0,
    s.monthReview ? 1 : 0,
    s.kickoff ? 1 : 0,
  ];
}

export interface MembershipChange {
  readonly added: readonly string[];
  /** People who were in another team and now are in this one. */
  readonly moved: readonly { userId: string; from: string }[];
  /** Already members with this role. */
  readonly unchanged: readonly string[];
}

async function teamById(q: Pick<Tx, 'get'>, id: number): Promise<Team | null> {
  const row = await q.get<TeamRow>('SELECT * FROM teams WHERE id = ?', [id]);
  return row ? toTeam(row) : null;
}

/** Teams, their settings and who is in them. */
export class Teams {
  constructor(private readonly db: Db) {}

  /** Creates a team; null when the workspace already has one of that name. The creator may join as its manager. */
  create(input: {
    workspace: string;
    name: string;
    channelId: string | null;
    settings: TeamSettings;
    createdBy: string;
    at: Date;
    creatorJoinsAsManager: boolean;
  }): Promise<Team | null> {
    return this.db.write(async (tx) => {
      const at = input.at.toISOString();
      await ensurePerson(tx, input.workspace, input.createdBy, input.at);
      // A name taken (in any case) inserts nothing, also when another instance took it a moment ago.
      const id = await tx.insert(
        `INSERT INTO teams (team_id, name, channel_id, timezone, locale, daily_time, weekly_day, weekly_time, workdays, holidays,
           catchup_hours, morning_dm, oneonone_lead_hours, oneonone_checkin, funnel, closures, reminder_time, pace_alerts, month_review, kickoff,
           created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [input.workspace, input.name, input.channelId, ...settingsColumns(input.settings), input.createdBy, at],
      );
      if (id === null) return null;
      if (input.creatorJoinsAsManager) {
        await tx.run("UPDATE people SET kpi_team = ?, role = 'manager', joined_at = ? WHERE team_id = ? AND user_id = ?", [id, at, input.workspace, input.createdBy]);
      }
      return teamById(tx, id);
    });
  }

  byId(id: number): Promise<Team | null> {
    return teamById(this.db.read, id);
  }

  async byName(workspace: string, name: string): Promise<Team | null> {
    // Names compare without regard to (ASCII) case: SQLite's column is NOCASE, PostgreSQL's index is on lower(name).
    const sameName = this.db.read.dialect === 'postgres' ? 'lower(name) = lower(?)' : 'name = ?';
    const row = await this.db.read.get<TeamRow>(`SELECT * FROM teams WHERE team_id = ? AND ${sameName}`, [workspace, name]);
    return row ? toTeam(row) : null;
  }

  async byChannel(workspace: string, channelId: string): Promise<Team | null> {
    const row = await this.db.read.get<TeamRow>('SELECT * FROM teams WHERE team_id = ? AND channel_id = ? ORDER BY id LIMIT 1', [workspace, channelId]);
    return row ? toTeam(row) : null;
  }

  /** The team a person belongs to, if any. */
  async ofPerson(workspace: string, userId: string): Promise<Team | null> {
    const row = await this.db.read.get<TeamRow>(
      'SELECT t.* FROM teams t JOIN people p ON p.kpi_team = t.id WHERE p.team_id = ? AND p.user_id = ?',
      [workspace, userId],
    );
    return row ? toTeam(row) : null;
  }

  /** Every team of every workspace (the scheduler's round). */
  async all(): Promise<Team[]> {
    return (await this.db.read.all<TeamRow>('SELECT * FROM teams ORDER BY id')).map(toTeam);
  }

  async inWorkspace(workspace: string): Promise<Team[]> {
    return (await this.db.read.all<TeamRow>(`SELECT * FROM teams WHERE team_id = ? ORDER BY ${this.db.read.dialect === 'postgres' ? 'lower(name), id' : 'name'}`, [workspace])).map(toTeam);
  }

  /** Members, managers first, then by name. */
  async members(teamId: number): Promise<MemberRecord[]> {
    const rows = await this.db.read.all<{
      user_id: string;
      role: Role;
      name: string | null;
      locale: Locale | null;
      time_zone: string | null;
      is_active: number;
      sales_role: string | null;
      morning_dm: number;
      evening_reminder: number;
      joined_at: string | null;
      profile_checked_at: string | null;
    }>(
      `SELECT user_id, role, name, locale, time_zone, is_active, sales_role, morning_dm, evening_reminder, joined_at, profile_checked_at
       FROM people WHERE kpi_team = ? ORDER BY role = 'manager' DESC, coalesce(name, user_id)`,
      [teamId],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      role: r.role,
      name: r.name,
      locale: r.locale,
      timeZone: r.time_zone,
      isActive: r.is_active === 1,
      salesRole: r.sales_role,
      morningDm: r.morning_dm === 1,
      eveningReminder: r.evening_reminder === 1,
      joinedAt: r.joined_at ? new Date(r.joined_at) : null,
      profileCheckedAt: r.profile_checked_at ? new Date(r.profile_checked_at) : null,
    }));
  }

  /** The zones of each team's active members as their profiles say (null: not known), one row per team and zone: the scheduler's round. */
  async memberZones(): Promise<Map<number, (string | null)[]>> {
    const rows = await this.db.read.all<{ kpi_team: number; time_zone: string | null }>(
      'SELECT DISTINCT kpi_team, time_zone FROM people WHERE kpi_team IS NOT NULL AND is_active = 1',
    );
    const out = new Map<number, (string | null)[]>();
    for (const r of rows) out.set(r.kpi_team, [...(out.get(r.kpi_team) ?? []), r.time_zone]);
    return out;
  }

  /** Puts people in a team with a role; someone in another team moves (a person belongs to one team). */
  addMembers(team: Team, userIds: readonly string[], role: Role, at: Date): Promise<MembershipChange> {
    return this.db.write(async (tx) => {
      const added: string[] = [];
      const moved: { userId: string; from: string }[] = [];
      const unchanged: string[] = [];
      for (const userId of userIds) {
        await ensurePerson(tx, team.workspace, userId, at);
        const current = await tx.get<{ kpi_team: number | null; role: Role; from_name: string | null }>(
          'SELECT p.kpi_team, p.role, t.name AS from_name FROM people p LEFT JOIN teams t ON t.id = p.kpi_team WHERE p.team_id = ? AND p.user_id = ?',
          [team.workspace, userId],
        );
        if (current?.kpi_team === team.id && current.role === role) {
          unchanged.push(userId);
          continue;
        }
        if (current?.kpi_team !== null && current?.kpi_team !== undefined && current.kpi_team !== team.id) {
          moved.push({ userId, from: current.from_name ?? '' });
        } else {
          added.push(userId);
        }
        // Joining (or moving) starts the clock for their scheduled messages; a role change does not.
        const joined = current?.kpi_team === team.id ? null : at.toISOString();
        await tx.run('UPDATE people SET kpi_team = ?, role = ?, joined_at = coalesce(?, joined_at) WHERE team_id = ? AND user_id = ?', [
          team.id,
          role,
          joined,
          team.workspace,
          userId,
        ]);
      }
      return { added, moved, unchanged };
    });
  }

  /** Takes people out of a team; returns those who were in it. */
  removeMembers(team: Team, userIds: readonly string[]): Promise<string[]> {
    return this.db.write(async (tx) => {
      const removed: string[] = [];
      for (const userId of userIds) {
        const { changes } = await tx.run("UPDATE people SET kpi_team = NULL, role = 'rep', joined_at = NULL WHERE team_id = ? AND user_id = ? AND kpi_team = ?", [
          team.workspace,
          userId,
          team.id,
        ]);
        if (changes > 0) removed.push(userId);
      }
      return removed;
    });
  }

  /** Changes settings and returns the team as it now is. */
  updateSettings(team: Team, patch: Partial<TeamSettings>, channelId?: string | null): Promise<Team> {
    return this.db.write(async (tx) => {
      const next: TeamSettings = { ...team.settings, ...patch };
      await tx.run(
        `UPDATE teams SET timezone = ?, locale = ?, daily_time = ?, weekly_day = ?, weekly_time = ?, workdays = ?, holidays = ?,
           catchup_hours = ?, morning_dm = ?, oneonone_lead_hours = ?, oneonone_checkin = ?, funnel = ?, closures = ?, reminder_time = ?,
           pace_alerts = ?, month_review = ?, kickoff = ?, channel_id = ? WHERE id = ?`,
        [...settingsColumns(next), channelId === undefined ? team.channelId : channelId, team.id],
      );
      return (await teamById(tx, team.id))!;
    });
  }

  /** Records the role template last applied to people. */
  setSalesRole(workspace: string, userIds: readonly string[], salesRole: string, at: Date): Promise<void> {
    return this.db.write(async (tx) => {
      for (const userId of userIds) {
        await ensurePerson(tx, workspace, userId, at);
        await tx.run('UPDATE people SET sales_role = ? WHERE team_id = ? AND user_id = ?', [salesRole, workspace, userId]);
      }
    });
  }
}
