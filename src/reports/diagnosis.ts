import { headlineItems } from './digest/shared.js';
import { calendarFor, kpiProgress, type KpiTarget } from './status.js';
import { teamTotalsFor } from './team-progress.js';
import { loadTeamTargets, loadTeamTree } from './tree.js';
import { countWorkdays, previousWorkday, type WorkCalendar } from '../domain/calendar.js';
import { addDays, type Day } from '../domain/days.js';
import { diagnose, type Diagnosis, type Move, type StageMove } from '../domain/diagnosis.js';
import { funnelStages, stageRate, stagesOfRole, type Stage } from '../domain/funnel.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { inputsOf, type MetricDef } from '../domain/metrics.js';
import { periodOf, previousPeriod, type Period } from '../domain/periods.js';
import { isPaced, type Progress } from '../domain/progress.js';
import { metricValue, NO_TOTALS, rateParts, sumOfAll, sumTotals, type Totals } from '../domain/rates.js';
import { populationOf, teamStageTotals, type TeamMember } from '../domain/team-rates.js';
import type { EvaluatedTreeNode } from '../domain/tree.js';
import type { Store, Team } from '../store/index.js';

/** Whose KPIs are diagnosed: a team's (its team-level targets), or one person's own. */
export type DiagnosisSubject = { readonly kind: 'team'; readonly team: Team } | { readonly kind: 'person'; readonly userId: string; readonly team: Team | null };

/** One KPI under its pace (or missed, for a month that ended), with the likely cause. */
export interface DiagnosedKpi {
  readonly progress: Progress;
  readonly diagnosis: Diagnosis;
}

export interface DiagnosisModel {
  readonly subject: DiagnosisSubject;
  readonly period: Period;
  readonly asOf: Day;
  /** The month read is over (the first days of a month read the month before, whole). */
  readonly ended: boolean;
  /** The KPIs on pace or reached: what holds, said first. */
  readonly holding: readonly Progress[];
  /** What the subject logged in the period, for the lead when nothing is on pace. */
  readonly effort: readonly { readonly metric: MetricDef; readonly value: number }[];
  readonly kpis: readonly DiagnosedKpi[];
  /** The three months every reading is set against. */
  readonly baseline: { readonly from: Day; readonly to: Day };
  /** The stages the diagnoses may name, by their rate's key. */
  readonly stages: ReadonlyMap<string, Stage>;
  /** Whether the subject has any targets at all. */
  readonly hasTargets: boolean;
  readonly catalog: MetricCatalog;
}

/** A month with fewer workdays behind it than this is too young to read: the month before is read instead. */
const MIN_ELAPSED = 3;
/** The most KPIs a diagnosis goes through: few KPIs get attention. */
const MAX_KPIS = 4;
/** A rate is read for a person from at least this many tries. */
const MIN_RATE_BASE = 5;

/**
 * The period a diagnosis on `today` reads: the month so far up to the last workday, or, in a month's
 * first workdays, the month before, whole.
 */
export function diagnosedPeriod(today: Day, calendar: WorkCalendar): { period: Period; asOf: Day; ended: boolean } {
  const month = periodOf(today, 'month');
  const asOf = previousWorkday(today, calendar) ?? addDays(today, -1);
  if (asOf >= month.start && countWorkdays(month.start, asOf, calendar) >= MIN_ELAPSED) return { period: month, asOf, ended: false };
  const before = previousPeriod(month);
  return { period: before, asOf: before.end, ended: true };
}

/** The metrics the team steers by: its tree's nodes and its funnel, with revenue as the KGI. */
function linkedMetrics(tree: EvaluatedTreeNode | null, funnel: readonly string[]): (def: MetricDef) => boolean {
  const inTree = new Set<string>();
  const walk = (n: EvaluatedTreeNode) => {
    inTree.add(n.metric.key);
    n.children.forEach(walk);
  };
  if (tree) walk(tree);
  const steps = new Set([...funnel, 'revenue']);
  return (def) => inTree.has(def.key) || (def.formula ? inputsOf(def).every((k) => steps.has(k)) : steps.has(def.key));
}

/** A person's reading of a KPI over a span: a count per workday, a rate from enough tries; null without either. */
function reading(def: MetricDef, totals: Totals, workdays: number): number | null {
  if (def.formula) {
    const { denominator } = rateParts(def, totals);
    return denominator !== null && denominator >= MIN_RATE_BASE ? metricValue(def, totals) : null;
  }
  if (def.kind !== 'flow' || workdays <= 0) return null;
  return (totals.values[def.key] ?? 0) / workdays;
}

/** Reads a diagnosis of the subject's KPIs as of `today` in the subject's team's zone. */
export async function loadDiagnosis(store: Store, workspace: string, subject: DiagnosisSubject, today: Day): Promise<DiagnosisModel> {
  const team = subject.team;
  const calendar = calendarFor(team);
  const catalog = await store.metrics.catalog(workspace);
  const { period, asOf, ended } = diagnosedPeriod(today, calendar);
  const months = [3, 2, 1].map((back) => {
    let p = period;
    for (let i = 0; i < back; i += 1) p = previousPeriod(p);
    return p;
  });
  const baseline = { from: months[0]!.start, to: months[2]!.end };
  const spans = [{ from: period.start, to: asOf }, baseline, ...months.map((m) => ({ from: m.start, to: m.end }))];
  const teamTargets = team ? loadTeamTargets(store, team, asOf, catalog) : null;
  const [levels, ranges, tree] = await Promise.all([
    teamTargets,
    team
      ? store.totals.memberRanges(team.id, spans)
      : Promise.all(spans.map(async (s) => new Map([[subject.kind === 'person' ? subject.userId : '', await store.totals.rangeTotals(workspace, subject.kind === 'person' ? subject.userId : '', s.from, s.to)]]))),
    team ? loadTeamTree(store, team, asOf, teamTargets!) : null,
  ]);
  const [current, base, ...history] = ranges as Map<string, Totals>[];
  const members: TeamMember[] = team ? (levels?.members ?? []).filter((m) => m.isActive) : [{ userId: subject.kind === 'person' ? subject.userId : '', salesRole: null }];
  const person = subject.kind === 'person' ? subject.userId : null;
  const role = person === null ? null : (members.find((m) => m.userId === person)?.salesRole ?? (await store.people.get(workspace, person))?.salesRole ?? null);
  const targets: KpiTarget[] =
    subject.kind === 'team'
      ? (levels?.targets ?? [])
      : (person && levels ? (levels.byPerson.get(person) ?? []) : await store.targets.of(workspace, 'person', person!, asOf)).map((t) => ({ metric: t.metric, schedules: [t.schedule] }));
  const totalsOf = (byMember: ReadonlyMap<string, Totals>, def: MetricDef | null): Totals =>
    person !== null ? (byMember.get(person) ?? NO_TOTALS) : def ? teamTotalsFor(def, members, byMember) : sumOfAll(byMember);
  const elapsed = countWorkdays(period.start, asOf, calendar);
  const baseDays = countWorkdays(baseline.from, baseline.to, calendar);
  const logged = sumTotals([...current!.values(), ...base!.values()]).values;
  const allStages = funnelStages(team?.settings.funnel ?? [], catalog, (k) => (logged[k] ?? 0) > 0);
  const stages = person === null ? allStages : stagesOfRole(allStages, role);
  const stageTotals = (byMember: ReadonlyMap<string, Totals>) => (person === null ? teamStageTotals(members, byMember) : () => byMember.get(person) ?? NO_TOTALS);
  const stageMoves: StageMove[] = stages.map((s) => ({ key: s.rate.key, current: stageRate(s, stageTotals(current!)(s)), baseline: stageRate(s, stageTotals(base!)(s)) }));
  const linked = linkedMetrics(tree?.kind === 'tree' ? tree.root : null, team?.settings.funnel ?? []);

  const holding: Progress[] = [];
  const kpis: DiagnosedKpi[] = [];
  for (const t of targets) {
    const def = catalog.get(t.metric);
    if (!def || def.retired || def.better !== 'higher') continue;
    const progress = kpiProgress(def, t.schedules, period, asOf, totalsOf(current!, def), calendar);
    if (progress.target === null || progress.target <= 0 || progress.actual === null) continue;
    const under = !progress.reached && (ended || (isPaced(def) ? (progress.paceGap ?? 0) < 0 : (progress.attainment ?? 1) < 1));
    if (!under) {
      holding.push(progress);
      continue;
    }
    const people: Move[] = populationOf(inputsOf(def), members).map((m) => ({
      userId: m.userId,
      current: reading(def, current!.get(m.userId) ?? NO_TOTALS, elapsed),
      baseline: reading(def, base!.get(m.userId) ?? NO_TOTALS, baseDays),
    }));
    const diagnosis = diagnose({
      better: def.better,
      target: progress.target,
      history: history.map((h) => metricValue(def, totalsOf(h, def))),
      linked: linked(def),
      subject: person,
      people,
      stages: stageMoves,
    });
    kpis.push({ progress, diagnosis });
  }
  // The furthest from pace first.
  kpis.sort((a, b) => (a.progress.attainment ?? 0) - (b.progress.attainment ?? 0));
  return {
    subject,
    period,
    asOf,
    ended,
    holding,
    effort: headlineItems(totalsOf(current!, null), catalog, 4),
    kpis: kpis.slice(0, MAX_KPIS),
    baseline,
    stages: new Map(stages.map((s) => [s.rate.key, s])),
    hasTargets: targets.length > 0,
    catalog,
  };
}
