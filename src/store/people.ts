import type { Tx } from './sql.js';
import type { Db } from './db.js';
import { ensureWorkspace } from './metrics.js';
import type { Locale } from '../domain/locale.js';
import type { SlackStatus } from '../domain/profiles.js';

export type Role = 'rep' | 'manager';

export interface Person {
  readonly teamId: string;
  readonly userId: string;
  readonly name: string | null;
  readonly locale: Locale | null;
  readonly timeZone: string | null;
  readonly role: Role;
  /** The KPI team they belong to, if any. */
  readonly kpiTeamId: number | null;
  readonly salesRole: string | null;
  readonly isSlackAdmin: boolean;
  readonly isActive: boolean;
  /** When the Slack profile was last read (locale, zone, admin); null when never. */
  readonly profileCheckedAt: Date | null;
}

/** What Slack's `users.info` told us about someone. */
export interface SlackProfile {
  readonly teamId: string;
  readonly userId: string;
  readonly name: string | null;
  readonly locale: Locale | null;
  readonly timeZone: string | null;
  readonly isSlackAdmin: boolean;
  readonly isActive: boolean;
  /** Their status (text, emoji, expiry) when they have one: a vacation status marks days off. */
  readonly status?: SlackStatus | null;
}

interface PersonRow {
  team_id: string;
  user_id: string;
  name: string | null;
  locale: Locale | null;
  time_zone: string | null;
  role: Role;
  kpi_team: number | null;
  sales_role: string | null;
  is_slack_admin: number;
  is_active: number;
  profile_checked_at: string | null;
}

const toPerson = (r: PersonRow): Person => ({
  teamId: r.team_id,
  userId: r.user_id,
  name: r.name,
  locale: r.locale,
  timeZone: r.time_zone,
  role: r.role,
  kpiTeamId: r.kpi_team,
  salesRole: r.sales_role,
  isSlackAdmin: r.is_slack_admin === 1,
  isActive: r.is_active === 1,
  profileCheckedAt: r.profile_checked_at ? new Date(r.profile_checked_at) : null,
});

/** Inside a write: makes sure the workspace and the person exist, so entries can refer to them. */
export async function ensurePerson(tx: Tx, teamId: string, userId: string, now: Date): Promise<void> {
  await ensureWorkspace(tx, teamId, now);
  await tx.run('INSERT INTO people (team_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [teamId, userId, now.toISOString()]);
}

export class People {
  constructor(private readonly db: Db) {}

  async get(teamId: string, userId: string): Promise<Person | null> {
    const row = await this.db.read.get<PersonRow>('SELECT * FROM people WHERE team_id = ? AND user_id = ?', [teamId, userId]);
    return row ? toPerson(row) : null;
  }

  /**
   * Records what Slack says about someone, creating them when new, in a workspace the bot already
   * holds. Reading a profile does not create a workspace: one appears with the first thing stored
   * for it (a log, a team), so a request that is refused leaves no trace. False when not kept.
   */
  saveProfile(profile: SlackProfile, checkedAt: Date): Promise<boolean> {
    return this.db.write(async (tx) => {
      if (!(await tx.get('SELECT 1 FROM workspaces WHERE team_id = ?', [profile.teamId]))) return false;
      await ensurePerson(tx, profile.teamId, profile.userId, checkedAt);
      await tx.run(
        `UPDATE people SET name = ?, locale = ?, time_zone = ?, is_slack_admin = ?, is_active = ?, profile_checked_at = ?
         WHERE team_id = ? AND user_id = ?`,
        [
          profile.name,
          profile.locale,
          profile.timeZone,
          profile.isSlackAdmin ? 1 : 0,
          profile.isActive ? 1 : 0,
          checkedAt.toISOString(),
          profile.teamId,
          profile.userId,
        ],
      );
      return true;
    });
  }

  /** A person's own choice about the morning DM. */
  setMorningDm(teamId: string, userId: string, on: boolean, at: Date): Promise<void> {
    return this.db.write(async (tx) => {
      await ensurePerson(tx, teamId, userId, at);
      await tx.run('UPDATE people SET morning_dm = ? WHERE team_id = ? AND user_id = ?', [on ? 1 : 0, teamId, userId]);
    });
  }

  /** A person's own choice about the evening reminder. */
  setEveningReminder(teamId: string, userId: string, on: boolean, at: Date): Promise<void> {
    return this.db.write(async (tx) => {
      await ensurePerson(tx, teamId, userId, at);
      await tx.run('UPDATE people SET evening_reminder = ? WHERE team_id = ? AND user_id = ?', [on ? 1 : 0, teamId, userId]);
    });
  }

  /** Marks someone Slack reports as deactivated, so nothing more is sent to them. */
  markInactive(teamId: string, userId: string): Promise<void> {
    return this.db.write(async (tx) => {
      await tx.run('UPDATE people SET is_active = 0 WHERE team_id = ? AND user_id = ?', [teamId, userId]);
    });
  }

  /** The workspaces in the database, oldest first (`kpi-bot import` loads into the only one). */
  async workspaces(): Promise<string[]> {
    const rows = await this.db.read.all<{ team_id: string }>('SELECT team_id FROM workspaces ORDER BY created_at, team_id');
    return rows.map((r) => r.team_id);
  }
}
