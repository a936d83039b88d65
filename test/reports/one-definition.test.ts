/**
 * One definition per label, on every surface (issue: numbers a manager can trust). Over the demo
 * team, every rate any surface reports is read off its model with the window and the people it was
 * read over, and recomputed here straight from the entries by its definition's formula. The same
 * rate over the same window and people is then one number everywhere, and no label names two formulas.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { DEMO_PEOPLE, DEMO_WORKSPACE, seedDemoTeam } from '../../src/cli/demo.js';
import { loadPlan } from '../../src/commands/plan.js';
import { previousWorkday } from '../../src/domain/calendar.js';
import { addDays, dayInZone, type Day } from '../../src/domain/days.js';
import type { MetricDef } from '../../src/domain/metrics.js';
import { periodOf } from '../../src/domain/periods.js';
import { works } from '../../src/domain/roles.js';
import type { EvaluatedTreeNode } from '../../src/domain/tree.js';
import { buildDailyDigest } from '../../src/reports/digest/daily.js';
import { buildMorningDm } from '../../src/reports/digest/dm.js';
import { loadTeamSnapshot, reportDayFor } from '../../src/reports/digest/snapshot.js';
import { loadWeeklyReview } from '../../src/reports/digest/weekly.js';
import { loadHome } from '../../src/reports/home.js';
import { loadOneOnOne } from '../../src/reports/oneonone-load.js';
import { calendarFor, loadStatus, type StatusModel } from '../../src/reports/status.js';
import { loadTeamTree } from '../../src/reports/tree.js';
import { Store, type Member, type Team } from '../../src/store/index.js';

const AT = new Date('2026-12-03T00:00:00Z');
const ZONE = 'Asia/Tokyo';

/** A rate as a surface reported it: which definition, over which days, for whom, and the value. */
interface RateReading {
  readonly surface: string;
  readonly def: MetricDef;
  readonly from: Day;
  readonly to: Day;
  /** One person, or the team (read over the people whose role works the rate). */
  readonly subject: string;
  readonly value: number;
}

describe('every surface reads a rate by its one definition', () => {
  const dir = tempDir();
  let store: Store;
  let team: Team;
  let members: readonly Member[];
  const readings: RateReading[] = [];

  /** A rate over days for a person or the team, recomputed from the raw entries by the definition alone. */
  async function fromEntries(def: MetricDef, from: Day, to: Day, subject: string): Promise<number | null> {
    const f = def.formula!;
    const people = subject === 'team' ? members.filter((m) => works(m.salesRole, [...f.numerator, f.denominator])).map((m) => m.userId) : [subject];
    const sum = async (metric: string) =>
      (await store.write((tx) =>
        tx.get<{ n: number }>(
          `SELECT coalesce(sum(value), 0) AS n FROM entries WHERE team_id = ? AND metric = ? AND day BETWEEN ? AND ? AND undone_at IS NULL
             AND user_id IN (SELECT value FROM json_each(?))`,
          [DEMO_WORKSPACE, metric, from, to, JSON.stringify(people)],
        ),
      ))!.n;
    /** A snapshot as the period starts: each person's latest value on or before its first day, else their first inside it. */
    const atStart = async (metric: string) => {
      let total = 0;
      for (const p of people) {
        const row = await store.write((tx) =>
          tx.get<{ value: number }>(
            `SELECT value FROM entries WHERE team_id = ? AND user_id = ? AND metric = ? AND undone_at IS NULL AND day <= ?
             ORDER BY day DESC, logged_at DESC, id DESC LIMIT 1`,
            [DEMO_WORKSPACE, p, metric, from],
          ),
        );
        const first = row ?? (await store.write((tx) => tx.get<{ value: number }>(`SELECT value FROM entries WHERE team_id = ? AND user_id = ? AND metric = ? AND undone_at IS NULL AND day BETWEEN ? AND ? ORDER BY day, logged_at DESC LIMIT 1`, [DEMO_WORKSPACE, p, metric, from, to])));
        total += first?.value ?? 0;
      }
      return total;
    };
    let top = 0;
    for (const m of f.numerator) top += await sum(m);
    const bottom = f.denominatorAt === 'start' ? await atStart(f.denominator) : await sum(f.denominator);
    return bottom > 0 ? top / bottom : null;
  }

  const record = (surface: string, def: MetricDef, from: Day, to: Day, subject: string, value: number | null) => {
    if (def.formula && value !== null) readings.push({ surface, def, from, to, subject, value });
  };
  const fromStatus = (surface: string, m: StatusModel, subject: string) => {
    for (const l of m.lines) record(surface, l.progress.metric, m.period.start, m.asOf, subject, l.progress.actual);
    for (const r of m.rates) record(surface, r.metric, m.period.start, m.asOf, subject, r.value);
  };

  beforeAll(async () => {
    store = await Store.open(join(dir.path, 'demo.sqlite'));
    const today = dayInZone(AT, ZONE);
    team = await seedDemoTeam(store, 'ja', ZONE, today, AT);
    members = await store.teams.members(team.id);
    // A team rate target puts a rate on the team's own surfaces (the digest, the tree, App Home's team panel).
    await store.targets.set(DEMO_WORKSPACE, [{ scope: 'team', subject: String(team.id), metric: 'win_rate', value: 0.2, period: 'month', effectiveFrom: addDays(today, -62) }], 'UDEMO05', AT, 'command');
    const calendar = calendarFor(team);
    const slotDay = previousWorkday(addDays(today, 1), calendar) ?? today;

    for (const p of DEMO_PEOPLE) {
      const kinds = ['day', 'week', 'month'] as const;
      (await loadStatus(store, { workspace: DEMO_WORKSPACE, userId: p.userId, team, asOf: today }, kinds)).forEach((m) => fromStatus('status', m, p.userId));
      const home = await loadHome(store, { workspace: DEMO_WORKSPACE, userId: p.userId, locale: 'ja', zone: ZONE, at: AT });
      home.periods.forEach((m) => fromStatus('App Home', m, p.userId));
      if (home.team) for (const l of home.team.month.lines) record('App Home team', l.progress.metric, home.team.month.period.start, home.team.month.asOf, 'team', l.progress.actual);
    }

    const snap = await loadTeamSnapshot(store, team, reportDayFor(slotDay, calendar));
    const digest = buildDailyDigest(snap, slotDay);
    for (const k of digest.kpis) record('daily digest', k.metric, snap.month.start, snap.reportDay, 'team', k.month.actual);
    for (const m of members) {
      const dm = buildMorningDm(snap, m, slotDay);
      fromStatus('morning DM', dm.month, m.userId);
      if (dm.weakest) record('morning DM stage', dm.weakest.stage.rate, addDays(snap.reportDay, -27), snap.reportDay, m.userId, dm.weakest.current);
    }
    for (const [rate, value] of snap.teamStageRates) record('morning DM team reference', snap.catalog.def(rate), addDays(snap.reportDay, -27), snap.reportDay, 'team', value);

    const weekly = await loadWeeklyReview(store, team, slotDay);
    for (const f of weekly.funnel) record('weekly funnel', f.stage.rate, weekly.week.start, weekly.week.end, 'team', f.rate);
    if (weekly.bottleneck) record('weekly bottleneck', weekly.bottleneck.stage.rate, weekly.week.start, weekly.week.end, 'team', weekly.bottleneck.current);
    for (const k of weekly.kpis) record('weekly KPI', k.metric, weekly.week.start, weekly.week.end, 'team', k.week.actual);

    for (const p of DEMO_PEOPLE.slice(0, 4)) {
      const prep = await loadOneOnOne(store, team, { workspace: DEMO_WORKSPACE, rep: p.userId, meetingDay: slotDay, meetingMinutes: 15 * 60 });
      fromStatus('1on1 KPIs', prep.month, p.userId);
      if (prep.stage) record('1on1 stage', prep.stage.stage.rate, prep.input.from, prep.input.to, p.userId, prep.stage.current);
      for (const r of prep.funnel) record('1on1 funnel', r.stage.rate, prep.input.from, prep.input.to, p.userId, r.rate);
    }

    const tree = await loadTeamTree(store, team, today);
    const walk = (n: EvaluatedTreeNode) => {
      const p = periodOf(today, n.period);
      record('tree', n.metric, p.start, today, 'team', n.actual);
      n.children.forEach(walk);
    };
    if (tree.kind === 'tree') walk(tree.root);

    const plan = await loadPlan(store, { workspace: DEMO_WORKSPACE, userId: 'UDEMO05', team }, { revenue: 10_000_000, period: 'month', avgDealSize: null, winRate: null, meetingRate: null }, today, 'ja');
    if (!plan.ok) throw new Error(plan.problem.code);
    for (const r of [plan.model.avgDealSize, plan.model.winRate, plan.model.meetingRate]) if (r.source.kind === 'history') record('plan', r.metric, plan.model.from, plan.model.to, 'team', r.value);
  });
  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it('reads rates on every surface', () => {
    const surfaces = new Set(readings.map((r) => r.surface.split(' ')[0]));
    expect([...surfaces].sort()).toEqual(['1on1', 'App', 'daily', 'morning', 'plan', 'status', 'tree', 'weekly']);
    expect(readings.length).toBeGreaterThan(60);
  });

  it('every rate a surface reports is its definition’s formula over its window and people, recomputed from the entries', async () => {
    const wrong: unknown[] = [];
    for (const r of readings) {
      const expected = await fromEntries(r.def, r.from, r.to, r.subject);
      if (expected === null || Math.abs(expected - r.value) > 1e-9) wrong.push({ surface: r.surface, rate: r.def.key, from: r.from, to: r.to, subject: r.subject, shown: r.value, expected });
    }
    expect(wrong).toEqual([]);
  });

  it('the same rate over the same window and people is one number on every surface', () => {
    const byReading = new Map<string, Set<number>>();
    for (const r of readings) {
      const key = `${r.def.key}|${r.from}|${r.to}|${r.subject}`;
      byReading.set(key, (byReading.get(key) ?? new Set()).add(Math.round(r.value * 1e9)));
    }
    expect([...byReading].filter(([, values]) => values.size > 1)).toEqual([]);
    // The surfaces do meet: status and App Home on this month so far; the DM and the 1on1 on the month
    // up to yesterday; the digest, the tree and App Home's team panel on the team's win rate.
    const shared = new Map<string, Set<string>>();
    for (const r of readings) shared.set(`${r.def.key}|${r.from}|${r.to}|${r.subject}`, (shared.get(`${r.def.key}|${r.from}|${r.to}|${r.subject}`) ?? new Set()).add(r.surface));
    const meet = (a: string, b: string) => [...shared.values()].some((s) => s.has(a) && s.has(b));
    expect(meet('status', 'App Home')).toBe(true);
    expect(meet('morning DM', '1on1 KPIs')).toBe(true);
    expect(meet('tree', 'App Home team')).toBe(true);
  });

  it('no label on any surface names two formulas, in either language', () => {
    for (const locale of ['en', 'ja'] as const) {
      const formulas = new Map<string, Set<string>>();
      for (const r of readings) {
        const f = r.def.formula!;
        formulas.set(r.def.label[locale], (formulas.get(r.def.label[locale]) ?? new Set()).add(`${f.numerator.join('+')}/${f.denominator}@${f.denominatorAt}`));
      }
      expect([...formulas].filter(([, set]) => set.size > 1)).toEqual([]);
    }
  });
});
