import type { Db } from './db.js';
import type { Day } from '../domain/days.js';
import type { MetricKey } from '../domain/metrics.js';
import type { PeriodKind } from '../domain/periods.js';

/** A person's own target, or a team's target on its total (subject: the team's ID). */
export type TargetScope = 'person' | 'team';

export interface Target {
  readonly scope: TargetScope;
  readonly subject: string;
  readonly metric: MetricKey;
  readonly value: number;
  readonly period: PeriodKind;
  readonly effectiveFrom: Day;
  readonly setBy: string;
}

export interface TargetChange {
  readonly scope: TargetScope;
  readonly subject: string;
  readonly metric: MetricKey;
  /** Null takes the target away from `effectiveFrom` on. */
  readonly value: number | null;
  readonly period: PeriodKind;
  readonly effectiveFrom: Day;
}

interface TargetRow {
  scope: TargetScope;
  subject: string;
  metric: MetricKey;
  value: number | null;
  period: PeriodKind;
  effective_from: Day;
  set_by: string;
}

/** The latest row per metric that is in force on a day, for the subjects asked. */
const IN_FORCE = `
  SELECT t.scope, t.subject, t.metric, t.value, t.period, t.effective_from, t.set_by FROM targets t
  WHERE t.team_id = ? AND t.scope = ? AND t.subject IN (SELECT value FROM json_each(?)) AND t.effective_from <= ?
    AND t.id = (SELECT t2.id FROM targets t2
                WHERE t2.team_id = t.team_id AND t2.scope = t.scope AND t2.subject = t.subject AND t2.metric = t.metric
                  AND t2.effective_from <= ?
                ORDER BY t2.effective_from DESC, t2.id DESC LIMIT 1)
  ORDER BY t.subject, t.id`;

/**
 * Effective-dated targets: setting one applies from a day on, and every earlier day keeps the
 * target it had, so past periods are judged by their own targets.
 */
export class Targets {
  constructor(private readonly db: Db) {}

  /** Records target changes in one transaction (a template sets several at once). */
  set(workspace: string, changes: readonly TargetChange[], setBy: string, at: Date, source: 'command' | 'modal' | 'template'): Promise<void> {
    return this.db.write(async (tx) => {
      for (const c of changes) {
        await tx.run(
          `INSERT INTO targets (team_id, scope, subject, metric, value, period, effective_from, set_by, set_at, source)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [workspace, c.scope, c.subject, c.metric, c.value, c.period, c.effectiveFrom, setBy, at.toISOString(), source],
        );
      }
    });
  }

  /** The targets in force on a day for each subject (subjects with none are absent). */
  async inForce(workspace: string, scope: TargetScope, subjects: readonly string[], d: Day): Promise<Map<string, Target[]>> {
    const rows = await this.db.read.all<TargetRow>(IN_FORCE, [workspace, scope, JSON.stringify(subjects), d, d]);
    const out = new Map<string, Target[]>();
    for (const r of rows) {
      if (r.value === null) continue;
      const list = out.get(r.subject) ?? [];
      list.push({ scope: r.scope, subject: r.subject, metric: r.metric, value: r.value, period: r.period, effectiveFrom: r.effective_from, setBy: r.set_by });
      out.set(r.subject, list);
    }
    return out;
  }

  /**
   * Whether any of these subjects' targets is set or taken away with effect from a day in
   * (after, upTo]: when none is, the targets in force on `upTo` were in force on every day since `after`.
   */
  async changedBetween(workspace: string, scope: TargetScope, subjects: readonly string[], after: Day, upTo: Day): Promise<boolean> {
    const row = await this.db.read.get<{ n: number }>(
      `SELECT count(*) AS n FROM targets WHERE team_id = ? AND scope = ? AND subject IN (SELECT value FROM json_each(?)) AND effective_from > ? AND effective_from <= ?`,
      [workspace, scope, JSON.stringify(subjects), after, upTo],
    );
    return (row?.n ?? 0) > 0;
  }

  /** One subject's targets in force on a day. */
  async of(workspace: string, scope: TargetScope, subject: string, d: Day): Promise<Target[]> {
    return (await this.inForce(workspace, scope, [subject], d)).get(subject) ?? [];
  }
}
