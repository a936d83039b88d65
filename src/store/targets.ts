import type { Db } from './db.js';
import { jsonItems, type Queryable, type Tx } from './sql.js';
import { ensurePerson } from './people.js';
import type { Day } from '../domain/days.js';
import type { PeriodKind } from '../domain/periods.js';
import { stepOn, type TargetSchedule, type TargetStep } from '../domain/targets.js';

/** A person's own target, or a team's target on its total (subject: the team's ID). */
export type TargetScope = 'person' | 'team';

/** A target in force on a day, with the subject's history for the metric up to that day (day-by-day periods read it). */
export interface Target {
  readonly scope: TargetScope;
  readonly subject: string;
  readonly metric: string;
  readonly value: number;
  readonly period: PeriodKind;
  readonly effectiveFrom: Day;
  readonly setBy: string;
  readonly schedule: TargetSchedule;
}

export interface TargetChange {
  readonly scope: TargetScope;
  readonly subject: string;
  readonly metric: string;
  /** Null takes the target away from `effectiveFrom` on. */
  readonly value: number | null;
  readonly period: PeriodKind;
  readonly effectiveFrom: Day;
}

interface TargetRow {
  subject: string;
  metric: string;
  value: number | null;
  period: PeriodKind;
  effective_from: Day;
  set_by: string;
}

/**
 * Every row of the subjects asked, in the order they were set: `stepOn` reads which is in force on a
 * day (a subject's first target counts for the whole of its own period, so it may start after the day).
 */
const ROWS = (q: Queryable) => `
  SELECT subject, metric, value, period, effective_from, set_by FROM targets
  WHERE team_id = ? AND scope = ? AND subject IN ${jsonItems(q)}
  ORDER BY subject, metric, effective_from, id`;

/** Inserts target changes inside a transaction that is already open (a plan applied with its tree). */
export async function insertTargets(tx: Tx, workspace: string, changes: readonly TargetChange[], setBy: string, at: Date, source: 'command' | 'modal' | 'template'): Promise<void> {
  await ensurePerson(tx, workspace, setBy, at);
  for (const c of changes) {
    await tx.run(
      `INSERT INTO targets (team_id, scope, subject, metric, value, period, effective_from, set_by, set_at, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [workspace, c.scope, c.subject, c.metric, c.value, c.period, c.effectiveFrom, setBy, at.toISOString(), source],
    );
  }
}

/**
 * Effective-dated targets: setting one applies from a day on, and every earlier day keeps the
 * target it had, so past periods are judged by their own targets.
 */
export class Targets {
  constructor(private readonly db: Db) {}

  /** Records target changes in one transaction (a template sets several at once). */
  set(workspace: string, changes: readonly TargetChange[], setBy: string, at: Date, source: 'command' | 'modal' | 'template'): Promise<void> {
    return this.db.write((tx) => insertTargets(tx, workspace, changes, setBy, at, source));
  }

  /**
   * The targets in force on a day for each subject (subjects with none are absent), each with the
   * subject's history for its metric up to that day.
   */
  async inForce(workspace: string, scope: TargetScope, subjects: readonly string[], d: Day): Promise<Map<string, Target[]>> {
    const rows = await this.db.read.all<TargetRow>(ROWS(this.db.read), [workspace, scope, JSON.stringify(subjects)]);
    const schedules = new Map<string, { subject: string; metric: string; steps: (TargetStep & { setBy: string })[] }>();
    for (const r of rows) {
      const key = `${r.subject}\u0000${r.metric}`;
      const entry = schedules.get(key) ?? { subject: r.subject, metric: r.metric, steps: [] };
      entry.steps.push({ value: r.value, period: r.period, effectiveFrom: r.effective_from, setBy: r.set_by });
      schedules.set(key, entry);
    }
    const out = new Map<string, Target[]>();
    for (const { subject, metric, steps } of schedules.values()) {
      const now = stepOn(steps, d) as (TargetStep & { value: number; setBy: string }) | null;
      if (!now) continue;
      // What a report as of `d` knows: the steps up to it (and a first one that counts back to it).
      const schedule = steps.filter((s) => s.effectiveFrom <= d || s === steps[0]).map(({ value, period, effectiveFrom }) => ({ value, period, effectiveFrom }));
      const list = out.get(subject) ?? [];
      list.push({ scope, subject, metric, value: now.value, period: now.period, effectiveFrom: now.effectiveFrom, setBy: now.setBy, schedule });
      out.set(subject, list);
    }
    return out;
  }

  /** One subject's targets in force on a day. */
  async of(workspace: string, scope: TargetScope, subject: string, d: Day): Promise<Target[]> {
    return (await this.inForce(workspace, scope, [subject], d)).get(subject) ?? [];
  }
}
