import type { Db } from './db.js';
import { ensurePerson } from './people.js';
import type { Queryable, Tx } from './sql.js';
import { toTeam, type Engagement, type Team, type TeamRow } from './teams.js';
import type { Day } from '../domain/days.js';
import type { Totals } from '../domain/rates.js';
import type { TeamSettings } from '../domain/team-settings.js';

/** Someone who works in an engagement; `isDefault` when their logs go to it unless they name another. */
export interface EngagementMember {
  readonly userId: string;
  readonly isDefault: boolean;
}

/** A decision taken in an engagement's (or a team's) review meeting. */
export interface Decision {
  readonly id: number;
  readonly text: string;
  readonly decidedBy: string;
  readonly decidedAt: Date;
}

/** How a name is compared: case and width folded, spaces ignored ("ACME", "acme", "Ａｃｍｅ"). */
export const foldName = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

/**
 * Client engagements (seed 003): teams whose numbers are the logs that name them, worked by reps of
 * an agency team who may be in several; and the decisions of review meetings, kept for the next report.
 */
export class Engagements {
  constructor(
    private readonly db: Db,
    private readonly teamById: (id: number) => Promise<Team | null>,
  ) {}

  /** Starts an engagement for a client; null when the workspace already has a team of that name. */
  create(input: {
    workspace: string;
    client: string;
    parentTeam: number | null;
    channelId: string | null;
    settings: TeamSettings;
    report: Engagement['report'];
    createdBy: string;
    at: Date;
  }): Promise<Team | null> {
    return this.db
      .write(async (tx) => {
        await ensurePerson(tx, input.workspace, input.createdBy, input.at);
        const taken = await tx.all<{ name: string }>('SELECT name FROM teams WHERE team_id = ?', [input.workspace]);
        if (taken.some((t) => foldName(t.name) === foldName(input.client))) return null;
        const s = input.settings;
        // A client gets no digests or DMs of its own: only its report, at the weekly time (its day for a weekly one).
        // A name another instance took a moment ago inserts nothing.
        return tx.insert(
          `INSERT INTO teams (team_id, name, channel_id, timezone, locale, daily_time, weekly_day, weekly_time, workdays, holidays,
             catchup_hours, morning_dm, funnel, client, parent_team, report, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          [
            input.workspace,
            input.client,
            input.channelId,
            s.timezone,
            s.locale,
            s.weeklyDay,
            s.weeklyTime,
            s.workdays.join(','),
            s.holidays,
            s.catchupHours,
            JSON.stringify(s.funnel),
            input.client,
            input.parentTeam,
            input.report,
            input.createdBy,
            input.at.toISOString(),
          ],
        );
      })
      .then((id) => (id === null ? null : this.teamById(id)));
  }

  /** The workspace's engagements, by client name. */
  async inWorkspace(workspace: string): Promise<Team[]> {
    return (await this.db.read.all<TeamRow>('SELECT * FROM teams WHERE team_id = ? AND client IS NOT NULL ORDER BY client', [workspace])).map(toTeam);
  }

  /** An engagement by its client's name, as typed (`acme`, `@Acme`). */
  async byName(workspace: string, typed: string): Promise<Team | null> {
    const name = foldName(typed.replace(/^[@#]/u, ''));
    return (await this.inWorkspace(workspace)).find((t) => foldName(t.engagement!.client) === name || foldName(t.name) === name) ?? null;
  }

  /** The engagements a person works in now, their default first. */
  async ofPerson(workspace: string, userId: string): Promise<{ team: Team; isDefault: boolean }[]> {
    // One read on every /kpi log: the engagements with their teams' rows, not one read per engagement.
    const rows = await this.db.read.all<TeamRow & { member_default: number }>(
      `SELECT t.*, em.is_default AS member_default FROM engagement_members em JOIN teams t ON t.id = em.engagement
       WHERE em.team_id = ? AND em.user_id = ? AND em.left_at IS NULL ORDER BY em.is_default DESC, em.engagement`,
      [workspace, userId],
    );
    return rows.map((r) => ({ team: toTeam(r), isDefault: r.member_default === 1 }));
  }

  async members(engagement: number): Promise<EngagementMember[]> {
    const rows = await this.db.read.all<{ user_id: string; is_default: number }>(
      'SELECT user_id, is_default FROM engagement_members WHERE engagement = ? AND left_at IS NULL ORDER BY user_id',
      [engagement],
    );
    return rows.map((r) => ({ userId: r.user_id, isDefault: r.is_default === 1 }));
  }

  /** Adds people to an engagement (they keep their own team); `asDefault` makes it where their logs go unless they name another. */
  join(workspace: string, engagement: number, userIds: readonly string[], at: Date, asDefault = false): Promise<{ added: string[]; already: string[] }> {
    return this.db.write(async (tx) => {
      const added: string[] = [];
      const already: string[] = [];
      for (const userId of userIds) {
        await ensurePerson(tx, workspace, userId, at);
        const { changes } = await tx.run(
          `INSERT INTO engagement_members (engagement, team_id, user_id, joined_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (engagement, user_id) DO UPDATE SET left_at = NULL, joined_at = excluded.joined_at WHERE engagement_members.left_at IS NOT NULL`,
          [engagement, workspace, userId, at.toISOString()],
        );
        (changes > 0 ? added : already).push(userId);
        if (asDefault) await setDefault(tx, workspace, userId, engagement);
      }
      return { added, already };
    });
  }

  /** Takes people off an engagement; their logs so far keep counting for it. */
  leave(engagement: number, userIds: readonly string[], at: Date): Promise<string[]> {
    return this.db.write(async (tx) => {
      const left: string[] = [];
      for (const userId of userIds) {
        const { changes } = await tx.run('UPDATE engagement_members SET left_at = ?, is_default = 0 WHERE engagement = ? AND user_id = ? AND left_at IS NULL', [
          at.toISOString(),
          engagement,
          userId,
        ]);
        if (changes > 0) left.push(userId);
      }
      return left;
    });
  }

  /** How often the client gets its report. */
  setReport(engagement: number, report: Engagement['report']): Promise<void> {
    return this.db.write(async (tx) => {
      await tx.run('UPDATE teams SET report = ? WHERE id = ? AND client IS NOT NULL', [report, engagement]);
    });
  }

  /** The latest decisions of a team or engagement, newest first. */
  async recentDecisions(kpiTeam: number, limit: number): Promise<Decision[]> {
    const rows = await this.db.read.all<DecisionRow>('SELECT id, text, decided_by, decided_at FROM decisions WHERE kpi_team = ? ORDER BY decided_at DESC, id DESC LIMIT ?', [kpiTeam, limit]);
    return rows.map(toDecision);
  }

  /** Makes an engagement the one a person's logs go to when they name none; false when they do not work in it. */
  setDefault(workspace: string, userId: string, engagement: number): Promise<boolean> {
    return this.db.write((tx) => setDefault(tx, workspace, userId, engagement));
  }

  /**
   * Each person's numbers for an engagement over a range, from the logs that name it: flows summed;
   * snapshots (a pipeline) their latest on or before the range's end, with its day, and as the range
   * started (else the first inside it). People with nothing are absent.
   */
  async memberTotals(engagement: number, from: Day, to: Day): Promise<Map<string, Totals>> {
    const out = new Map<string, { values: Record<string, number>; atStart: Record<string, number>; asOf: Record<string, Day> }>();
    const of = (userId: string) => {
      let t = out.get(userId);
      if (!t) out.set(userId, (t = { values: {}, atStart: {}, asOf: {} }));
      return t;
    };
    const flows = await this.db.read.all<{ user_id: string; metric: string; total: number }>(
      `SELECT e.user_id, e.metric, sum(e.value) AS total FROM entries e
       WHERE e.engagement = ? AND e.undone_at IS NULL AND e.day BETWEEN ? AND ?
         AND NOT EXISTS (SELECT 1 FROM metrics m WHERE m.team_id = e.team_id AND m.key = e.metric AND m.kind = 'snapshot')
       GROUP BY e.user_id, e.metric`,
      [engagement, from, to],
    );
    for (const f of flows) of(f.user_id).values[f.metric] = f.total;
    const key = (s: SnapshotRow) => `${s.user_id}|${s.metric}`;
    const before = new Map((await latestSnapshots(this.db.read, engagement, from)).map((s) => [key(s), s.value]));
    const firstInside = new Map((await firstSnapshotsInside(this.db.read, engagement, from, to)).map((s) => [key(s), s.value]));
    for (const s of await latestSnapshots(this.db.read, engagement, to)) {
      const t = of(s.user_id);
      t.values[s.metric] = s.value;
      t.asOf[s.metric] = s.day;
      const start = before.get(key(s)) ?? firstInside.get(key(s));
      if (start !== undefined) t.atStart[s.metric] = start;
    }
    return out;
  }

  /** Records a review decision; a request Slack sends twice is recorded once. */
  decide(kpiTeam: number, text: string, by: string, at: Date, requestKey: string | null): Promise<Decision> {
    return this.db.write(async (tx) => {
      // The request's unique key lets one in, also when another instance recorded it a moment ago;
      // a request seen before gets the decision it recorded.
      const id = await tx.insert('INSERT INTO decisions (kpi_team, text, decided_by, decided_at, request_key) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', [
        kpiTeam,
        text,
        by,
        at.toISOString(),
        requestKey,
      ]);
      if (id !== null) return { id, text, decidedBy: by, decidedAt: at };
      const seen = await tx.get<DecisionRow>('SELECT id, text, decided_by, decided_at FROM decisions WHERE kpi_team = ? AND request_key = ?', [kpiTeam, requestKey]);
      return toDecision(seen!);
    });
  }

  /** Decisions taken after `after` (exclusive) up to `until` (inclusive), oldest first. */
  async decisions(kpiTeam: number, after: Date | null, until: Date): Promise<Decision[]> {
    const rows = await this.db.read.all<DecisionRow>(
      'SELECT id, text, decided_by, decided_at FROM decisions WHERE kpi_team = ? AND decided_at > ? AND decided_at <= ? ORDER BY decided_at, id',
      [kpiTeam, after?.toISOString() ?? '', until.toISOString()],
    );
    return rows.map(toDecision);
  }
}

interface DecisionRow {
  id: number;
  text: string;
  decided_by: string;
  decided_at: string;
}

const toDecision = (r: DecisionRow): Decision => ({ id: r.id, text: r.text, decidedBy: r.decided_by, decidedAt: new Date(r.decided_at) });

async function setDefault(tx: Tx, workspace: string, userId: string, engagement: number): Promise<boolean> {
  const member = await tx.get('SELECT 1 FROM engagement_members WHERE engagement = ? AND user_id = ? AND left_at IS NULL', [engagement, userId]);
  if (!member) return false;
  await tx.run('UPDATE engagement_members SET is_default = CASE WHEN engagement = ? THEN 1 ELSE 0 END WHERE team_id = ? AND user_id = ?', [engagement, workspace, userId]);
  return true;
}

interface SnapshotRow {
  user_id: string;
  metric: string;
  value: number;
  day: Day;
}

/** Each person's latest snapshot entry of the engagement on or before a day. */
function latestSnapshots(q: Queryable, engagement: number, day: Day): Promise<SnapshotRow[]> {
  return q.all<SnapshotRow>(
    `SELECT user_id, metric, value, day FROM (
       SELECT e.user_id, e.metric, e.value, e.day,
              row_number() OVER (PARTITION BY e.user_id, e.metric ORDER BY e.day DESC, e.logged_at DESC, e.id DESC) AS n
       FROM entries e JOIN metrics m ON m.team_id = e.team_id AND m.key = e.metric AND m.kind = 'snapshot'
       WHERE e.engagement = ? AND e.undone_at IS NULL AND e.day <= ?) latest
     WHERE n = 1`,
    [engagement, day],
  );
}

/** Each person's first snapshot entry of the engagement inside a range (after its first day). */
function firstSnapshotsInside(q: Queryable, engagement: number, from: Day, to: Day): Promise<SnapshotRow[]> {
  return q.all<SnapshotRow>(
    `SELECT user_id, metric, value, day FROM (
       SELECT e.user_id, e.metric, e.value, e.day,
              row_number() OVER (PARTITION BY e.user_id, e.metric ORDER BY e.day, e.logged_at DESC, e.id DESC) AS n
       FROM entries e JOIN metrics m ON m.team_id = e.team_id AND m.key = e.metric AND m.kind = 'snapshot'
       WHERE e.engagement = ? AND e.undone_at IS NULL AND e.day > ? AND e.day <= ?) first_inside
     WHERE n = 1`,
    [engagement, from, to],
  );
}
