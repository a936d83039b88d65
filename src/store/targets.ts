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
  scope: TargetScope;
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
  SELECT scope, subject, metric, value, period, effective_from, set_by FROM targets
  WHERE team_id = ? AND scope = ? AND subject IN ${jsonItems(q)}
  ORDER BY subject, metric, effective_from, id`;

/** The rows of a KPI team's own targets and of its members' (every person on it, as `members` lists them), in the same order. */
const TEAM_ROWS = `
  SELECT scope, subject, metric, value, period, effective_from, set_by, id FROM targets
  WHERE team_id = ? AND scope = 'team' AND subject = ?
  UNION ALL
  SELECT scope, subject, metric, value, period, effective_from, set_by, id FROM targets
  WHERE team_id = ? AND scope = 'person' AND subject IN (SELECT user_id FROM people WHERE team_id = ? AND kpi_team = ?)
  ORDER BY scope, subject, metric, effective_from, id`;

/** Targets in force on `d` from rows in subject, metric and set order, by subject. */
function inForceOn(rows: readonly TargetRow[], d: Day): Map<string, Target[]> {
  const schedules = new Map<string, { scope: TargetScope; subject: string; metric: string; steps: (TargetStep & { setBy: string })[] }>();
  for (const r of rows) {
    const key = `${r.scope}\u0000${r.subject}\u0000${r.metric}`;
    let entry = schedules.get(key);
    if (!entry) schedules.set(key, (entry = { scope: r.scope, subject: r.subject, metric: r.metric, steps: [] }));
    entry.steps.push({ value: r.value, period: r.period, effectiveFrom: r.effective_from, setBy: r.set_by });
  }
  const out = new Map<string, Target[]>();
  for (const { scope, subject, metric, steps } of schedules.values()) {
    const now = stepOn(steps, d) as (TargetStep & { value: number; setBy: string }) | null;
    if (!now) continue;
    // What a report as of `d` knows: the steps up to it (and a first one that counts back to it).
    const schedule = steps.filter((s) => s.effectiveFrom <= d || s === steps[0]).map(({ value, period, effectiveFrom }) => ({ value, period, effectiveFrom }));
    let list = out.get(subject);
    if (!list) out.set(subject, (list = []));
    list.push({ scope, subject, metric, value: now.value, period: now.period, effectiveFrom: now.effectiveFrom, setBy: now.setBy, schedule });
  }
  return out;
}

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
    return inForceOn(await this.db.read.all<TargetRow>(ROWS(this.db.read), [workspace, scope, JSON.stringify(subjects)]), d);
  }

  /** A KPI team's own targets in force on a day, and each of its members' (by person), in one read. */
  async ofKpiTeam(workspace: string, kpiTeam: number, d: Day): Promise<{ own: Target[]; byPerson: Map<string, Target[]> }> {
    const rows = await this.db.read.all<TargetRow>(TEAM_ROWS, [workspace, String(kpiTeam), workspace, workspace, kpiTeam]);
    const teamRows = rows.filter((r) => r.scope === 'team');
    return { own: inForceOn(teamRows, d).get(String(kpiTeam)) ?? [], byPerson: inForceOn(rows.filter((r) => r.scope === 'person'), d) };
  }

  /** One subject's targets in force on a day. */
  async of(workspace: string, scope: TargetScope, subject: string, d: Day): Promise<Target[]> {
    return (await this.inForce(workspace, scope, [subject], d)).get(subject) ?? [];
  }
}
