/**
 * A database written by release 0.1 (test/fixtures/release-0.1) opened by this release: nothing is
 * lost, and every number it showed on 3 December 2026 is unchanged wherever its definition did not
 * change. Where one did (or a number moved off a surface: a KPI one person carries left the channel),
 * the reason is stated below and the reading is left out by that reason only.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { soloKpis } from '../harness/coaching-teams.js';
import { previousWorkday } from '../../src/domain/calendar.js';
import type { Day } from '../../src/domain/days.js';
import type { EvaluatedTreeNode } from '../../src/domain/tree.js';
import { periodOf, type PeriodKind } from '../../src/domain/periods.js';
import { metricValue } from '../../src/domain/rates.js';
import { loadPlan } from '../../src/commands/plan.js';
import { calendarOf } from '../../src/domain/team-settings.js';
import { buildDailyDigest } from '../../src/reports/digest/daily.js';
import { buildMorningDm } from '../../src/reports/digest/dm.js';
import { loadTeamSnapshot, reportDayFor } from '../../src/reports/digest/snapshot.js';
import { loadWeeklyReview } from '../../src/reports/digest/weekly.js';
import { loadHome } from '../../src/reports/home.js';
import { loadOneOnOne } from '../../src/reports/oneonone-load.js';
import { calendarFor, loadStatus, type StatusModel } from '../../src/reports/status.js';
import { loadTeamTree } from '../../src/reports/tree.js';
import { Store, type Team } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';

type Reading = Record<string, unknown> & { surface: string; metric: string; subject?: string; period?: PeriodKind };

const FIXTURE = join(import.meta.dirname, '../fixtures/release-0.1');
const old = JSON.parse(readFileSync(join(FIXTURE, 'readings.json'), 'utf8')) as { today: Day; slotDay: Day; weeklySlotDay: Day; readings: Reading[] };
const WORKSPACE = 'TDEMO01';
const TEAM_SURFACES = new Set(['digest', 'weekly', 'weekly-rate', 'tree', 'home-team']);
const num = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 1e6) / 1e6);

/** The rates whose team value release 0.1 read over everyone and this release reads over the roles that work them. */
const READ_BY_ROLE = new Set(['meeting_rate', 'win_rate', 'key_person_rate', 'lead_meeting_rate', 'account_meeting_rate', 'connect_meeting_rate']);
/** The customer-base rates: release 0.1 divided by account contacts added up, this release by the customers at the period’s start. */
const CUSTOMER_BASE = new Set(['repeat_rate', 'upsell_rate', 'cross_sell_rate', 'churn_rate']);

describe('a database written by release 0.1', () => {
  const dir = tempDir();
  const path = join(dir.path, 'kpi.sqlite');
  let store: Store;
  let team: Team;
  /** The kinds of the targets behind each metric, per person. */
  let targetKinds: Map<string, Map<string, PeriodKind[]>>;
  /** The KPIs one person carries alone, which the channel no longer shows. */
  let solo: Set<string>;

  beforeAll(async () => {
    writeFileSync(path, gunzipSync(readFileSync(join(FIXTURE, 'demo.sqlite.gz'))));
    copyFileSync(path, `${path}.before`);
    store = await Store.open(path);
    team = (await store.teams.byName(WORKSPACE, 'デモ営業チーム'))!;
    solo = await soloKpis(store, team, old.today);
    const rows = await store.write((tx) => tx.all<{ subject: string; metric: string; period: PeriodKind }>('SELECT subject, metric, period FROM targets WHERE value IS NOT NULL'));
    targetKinds = new Map();
    for (const r of rows) {
      const byMetric = targetKinds.get(r.subject) ?? new Map<string, PeriodKind[]>();
      byMetric.set(r.metric, [...(byMetric.get(r.metric) ?? []), r.period]);
      targetKinds.set(r.subject, byMetric);
    }
  });
  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it('migrates to this release’s schema and keeps every entry, total, target and plan', async () => {
    const before = await Store.open(`${path}.before`, { migrate: false });
    const counts = async (s: Store) =>
      s.write((tx) =>
        tx.get<Record<string, number>>(
          `SELECT (SELECT count(*) FROM entries) AS entries, (SELECT sum(value) FROM entries) AS total, (SELECT count(*) FROM daily_totals) AS days,
                  (SELECT sum(total) FROM daily_totals) AS dayTotal, (SELECT count(*) FROM targets) AS targets, (SELECT count(*) FROM action_plans) AS plans,
                  (SELECT count(*) FROM personal_bests) AS bests`,
        ),
      );
    const was = await counts(before);
    await before.close();
    expect(await counts(store)).toEqual(was);
    expect(await store.schemaVersion()).toBe(MIGRATIONS.at(-1)!.version);
    const catalog = await store.metrics.catalog(WORKSPACE);
    expect(catalog.get('calls')?.builtIn).toBe(true);
    expect(catalog.get('customers')?.kind).toBe('snapshot');
    expect(team.settings.funnel).toEqual(['calls', 'connects', 'meetings', 'wins']);
  });

  it('keeps who manages its team: the creator stays its manager until they step down; nothing new is switched on', async () => {
    const creator = await store.people.get(WORKSPACE, team.createdBy);
    expect(creator).toMatchObject({ kpiTeamId: team.id, role: 'manager' });
    expect(team.settings).toMatchObject({ closures: [], reminderTime: null, paceAlerts: false });
    expect(team.createdAt).toBeInstanceOf(Date);
  });

  /** Why a reading’s number may differ in this release, or null when its definition is unchanged. */
  function changed(r: Reading): string | null {
    if (CUSTOMER_BASE.has(r.metric)) return 'customer-base rates divide by the customers at the period’s start';
    if (TEAM_SURFACES.has(r.surface) && READ_BY_ROLE.has(r.metric)) return 'team rates are read over the roles that work them';
    if (r.metric === 'pipeline') return 'a snapshot carries its last value forward';
    if ((r.surface === 'digest' || r.surface === 'weekly') && solo.has(r.metric)) return 'a KPI one person carries goes to them, not to the channel';
    return null;
  }

  /**
   * Whether a target restated for the reading’s period may differ: a week or month target spread over
   * a period that spans several of its own periods is now spread over each one’s workdays.
   */
  function targetRestated(r: Reading, subjects: readonly string[], view: { start: Day; end: Day; kind: PeriodKind }): string | null {
    const kinds = subjects.flatMap((s) => targetKinds.get(s)?.get(r.metric) ?? []);
    if (kinds.some((k) => k !== 'day' && k !== view.kind && periodOf(view.start, k).start !== periodOf(view.end, k).start)) {
      return 'a target is spread over the workdays of each of its own periods';
    }
    return null;
  }

  it('shows every number it showed, wherever the definition did not change', async () => {
    const today = old.today;
    const calendar = calendarOf(team.settings);
    const members = await store.teams.members(team.id);
    const everyone = members.map((m) => m.userId);
    const catalog = await store.metrics.catalog(WORKSPACE);
    const statuses = new Map<string, readonly StatusModel[]>();
    for (const m of members) statuses.set(m.userId, await loadStatus(store, { workspace: WORKSPACE, userId: m.userId, team, asOf: today }, ['day', 'week', 'month'] as const));
    const snap = await loadTeamSnapshot(store, team, reportDayFor(old.slotDay, calendarFor(team)));
    const digest = buildDailyDigest(snap, old.slotDay);
    const weekly = await loadWeeklyReview(store, team, old.weeklySlotDay);
    const tree = await loadTeamTree(store, team, today);
    const flat = (n: EvaluatedTreeNode): EvaluatedTreeNode[] => [n, ...n.children.flatMap(flat)];
    const nodes = tree.kind === 'tree' ? flat(tree.root) : [];
    const compared: string[] = [];
    const differ: unknown[] = [];
    const skipped = new Map<string, number>();
    const check = (r: Reading, key: string, then: unknown, now: unknown, restated: string | null = null) => {
      const why = changed(r) ?? restated;
      if (why) {
        skipped.set(why, (skipped.get(why) ?? 0) + 1);
        return;
      }
      compared.push(`${r.surface}:${r.subject ?? ''}:${r.period ?? ''}:${r.metric}:${key}`);
      if (num(now as number | null) !== then) differ.push({ ...r, key, then, now: num(now as number | null) });
    };
    const line = (model: StatusModel | undefined, metric: string) => model?.lines.find((l) => l.progress.metric.key === metric)?.progress;
    for (const r of old.readings) {
      switch (r.surface) {
        case 'status':
        case 'home': {
          const kinds = ['day', 'week', 'month'];
          const model = (r.surface === 'status' ? statuses.get(r.subject!) : (await loadHome(store, { workspace: WORKSPACE, userId: r.subject!, locale: 'ja', zone: 'Asia/Tokyo', at: new Date('2026-12-03T00:00:00Z') })).periods)?.[kinds.indexOf(r.period!)];
          const p = line(model, r.metric);
          check(r, 'actual', r.actual, p?.actual);
          check(r, 'target', r.target, p?.target, targetRestated(r, [r.subject!], model!.period));
          break;
        }
        case 'status-rate': {
          const model = statuses.get(r.subject!)![['day', 'week', 'month'].indexOf(r.period!)]!;
          check(r, 'value', r.value, metricValue(catalog.def(r.metric), model.totals));
          break;
        }
        case 'dm': {
          const p = line(buildMorningDm(snap, members.find((m) => m.userId === r.subject)!, old.slotDay).month, r.metric);
          check(r, 'actual', r.actual, p?.actual);
          check(r, 'target', r.target, p?.target, targetRestated(r, [r.subject!], snap.month));
          break;
        }
        case '1on1': {
          const m = await loadOneOnOne(store, team, { workspace: WORKSPACE, rep: r.subject!, meetingDay: old.slotDay, meetingMinutes: 900 });
          const p = line(m.month, r.metric);
          check(r, 'actual', r.actual, p?.actual);
          check(r, 'target', r.target, p?.target, targetRestated(r, [r.subject!], m.month.period));
          break;
        }
        case 'digest': {
          const k = digest.kpis.find((x) => x.metric.key === r.metric);
          const reportDay = previousWorkday(old.slotDay, calendar)!;
          check(r, 'dayActual', r.dayActual, k?.day.actual);
          check(r, 'dayTarget', r.dayTarget, k?.day.target, targetRestated(r, everyone, periodOf(reportDay, 'day')));
          check(r, 'monthActual', r.monthActual, k?.month.actual);
          check(r, 'monthTarget', r.monthTarget, k?.month.target, targetRestated(r, everyone, snap.month));
          break;
        }
        case 'weekly': {
          const k = weekly.kpis.find((x) => x.metric.key === r.metric);
          check(r, 'actual', r.actual, k?.week.actual);
          check(r, 'target', r.target, k?.week.target, targetRestated(r, everyone, weekly.week));
          check(r, 'previous', r.previous, k?.previous);
          break;
        }
        case 'weekly-funnel':
          check(r, 'value', r.value, weekly.totals.values[r.metric]);
          break;
        case 'weekly-rate':
          check(r, 'value', r.value, weekly.funnel.find((f) => f.stage.rate.key === r.metric)?.rate);
          break;
        case 'tree': {
          const n = nodes.find((x) => x.metric.key === r.metric);
          check(r, 'actual', r.actual, n?.actual);
          check(r, 'target', r.target, n?.target?.value ?? null, targetRestated(r, everyone, periodOf(today, 'month')));
          break;
        }
        case 'home-team': {
          const home = await loadHome(store, { workspace: WORKSPACE, userId: 'UDEMO05', locale: 'ja', zone: 'Asia/Tokyo', at: new Date('2026-12-03T00:00:00Z') });
          const p = line(home.team!.month, r.metric);
          check(r, 'actual', r.actual, p?.actual);
          check(r, 'target', r.target, p?.target, targetRestated(r, everyone, home.team!.month.period));
          break;
        }
        default:
          throw new Error(`a surface this test does not know: ${r.surface}`);
      }
    }
    expect(differ).toEqual([]);
    // Most numbers are compared; the ones left out are left out for a stated reason only.
    expect(compared.length).toBeGreaterThanOrEqual(280);
    expect([...skipped.keys()].sort()).toEqual([
      'a KPI one person carries goes to them, not to the channel',
      'a snapshot carries its last value forward',
      'a target is spread over the workdays of each of its own periods',
      'customer-base rates divide by the customers at the period’s start',
      'team rates are read over the roles that work them',
    ]);

  });

  it('plans 10,000,000 yen a month on about 100 meetings, where release 0.1 asked for about 390 (the win rate read over everyone)', async () => {
    const plan = await loadPlan(store, { workspace: WORKSPACE, userId: 'UDEMO05', team }, { revenue: 10_000_000, period: 'month', avgDealSize: null, winRate: null, meetingRate: null }, old.today, 'ja');
    if (!plan.ok) throw new Error(plan.problem.code);
    expect(plan.model.winRate).toMatchObject({ group: 'field', source: { kind: 'history' } });
    expect(plan.model.plan.meetings).toBeGreaterThanOrEqual(80);
    expect(plan.model.plan.meetings).toBeLessThanOrEqual(120);
    // Everyone's meetings under the same wins: the reading that asked for about 390.
    const all = await store.write((tx) =>
      tx.get<{ wins: number; meetings: number }>(
        `SELECT sum(CASE WHEN metric = 'wins' THEN value END) AS wins, sum(CASE WHEN metric = 'meetings' THEN value END) AS meetings FROM entries
         WHERE day BETWEEN ? AND ? AND undone_at IS NULL`,
        [plan.model.from, plan.model.to],
      ),
    );
    expect(Math.ceil(plan.model.plan.wins / (all!.wins / all!.meetings))).toBeGreaterThan(350);
  });
});
