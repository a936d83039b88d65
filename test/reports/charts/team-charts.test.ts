import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALENDAR, MEMBERS, SLOT, TEAM_TARGETS, trendWeeks } from './known.js';
import { storeEach } from '../../harness/bot.js';
import { BUILT_INS, totals } from '../../harness/metrics.js';
import { day, type Day } from '../../../src/domain/days.js';
import { DEFAULT_FUNNEL } from '../../../src/domain/funnel.js';
import type { Totals } from '../../../src/domain/rates.js';
import { defaultTeamSettings } from '../../../src/domain/team-settings.js';
import { monthPaceChart } from '../../../src/reports/charts/from-home.js';
import { buildWeeklyTrend, trendMetrics, weeklyFunnelChart, weeklyTrendChart } from '../../../src/reports/charts/from-weekly.js';
import type { ChartModel } from '../../../src/reports/charts/model.js';
import { buildWeeklyReview } from '../../../src/reports/digest/weekly.js';
import { loadTeamPanel } from '../../../src/reports/home.js';
import { planWeekly } from '../../../src/scheduler/plans.js';
import type { Store } from '../../../src/store/index.js';

/**
 * DOMAIN.md rule 5: a channel sees team totals only. The team charts are built from team readings
 * alone (the review's team KPIs and funnel steps, the manager panel's team month), so they come out
 * the same however a team's numbers are split between its people, and no person's ID is in them.
 */

/** Two SDRs and two field reps (one of whom logged nothing); each week the SDRs' numbers split between them in some way. */
type Split = { calls: number; connects: number; meetings: number };

/** The team charts of a week whose inside sales totals are `sdr` split as `share` (0–1) and whose field rep logged `field`. */
function teamCharts(sdr: Split, share: number, field: { meetings: number; wins: number }): ChartModel[] {
  // Each SDR keeps at least one of each count: who worked a stage decides whether the channel shows it (rule 5), so only the split varies.
  const part = (n: number, s: number) => 1 + Math.round((n - 2) * s);
  const split = (s: number) => totals({ calls: part(sdr.calls, s), connects: part(sdr.connects, s), meetings: part(sdr.meetings, s) });
  const first = split(share);
  const second = totals({ calls: sdr.calls - first.values.calls!, connects: sdr.connects - first.values.connects!, meetings: sdr.meetings - first.values.meetings! });
  const week = new Map<string, Totals>([
    ['U1', first],
    ['U2', second],
    ['U3', totals(field)],
  ]);
  const review = buildWeeklyReview({
    teamName: 'Tokyo',
    calendar: CALENDAR,
    catalog: BUILT_INS,
    funnel: DEFAULT_FUNNEL,
    slotDay: SLOT,
    members: MEMBERS,
    targets: TEAM_TARGETS,
    memberTargets: new Map(),
    lastWeek: week,
    weekBefore: week,
    baseline: week,
    monthToDate: week,
    lastLogged: new Map(),
  });
  const trend = buildWeeklyTrend({ metrics: trendMetrics(review), targets: TEAM_TARGETS, members: MEMBERS, calendar: CALENDAR, weeks: trendWeeks().map((w) => ({ week: w, byMember: week })) });
  return [weeklyTrendChart(trend, 'en'), weeklyFunnelChart(review, 'en')].filter((c): c is ChartModel => c !== null);
}

describe('team charts carry team totals only (DOMAIN.md rule 5)', () => {
  it('the weekly review’s charts come out the same however the team’s numbers are split between its people', () => {
    const counts = fc.record({ calls: fc.integer({ min: 2, max: 900 }), connects: fc.integer({ min: 2, max: 300 }), meetings: fc.integer({ min: 2, max: 60 }) });
    const field = fc.record({ meetings: fc.integer({ min: 0, max: 40 }), wins: fc.integer({ min: 0, max: 20 }) });
    fc.assert(
      fc.property(counts, field, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (sdr, fieldRep, a, b) => {
        const one = teamCharts(sdr, a, fieldRep);
        expect(one.every((c) => c.audience === 'team')).toBe(true);
        expect(teamCharts(sdr, b, fieldRep)).toEqual(one);
        expect(JSON.stringify(one)).not.toMatch(/U[123]/u);
      }),
      { numRuns: 60 },
    );
  });

  describe('read from the store', () => {
    const s = storeEach();
    const at = new Date('2026-11-01T00:00:00Z');

    /** A team of two reps on 50 calls a workday and ¥5,000,000 a month each; `calls`, `meetings` and `revenue` per rep on Friday 20 November. */
    async function teamWith(store: Store, name: string, channel: string, reps: readonly [string, string], logged: { calls: readonly number[]; meetings: readonly number[]; revenue: readonly number[] }) {
      const team = (await store.teams.create({ workspace: 'T0001', name, channelId: channel, settings: defaultTeamSettings('Asia/Tokyo', 'en'), createdBy: `UM${name}`, at, creatorJoinsAsManager: true }))!;
      await store.teams.addMembers(team, [...reps], 'rep', at);
      const from = day('2026-10-01');
      await store.targets.set(
        'T0001',
        reps.flatMap((u) => [
          { scope: 'person' as const, subject: u, metric: 'calls', value: 50, period: 'day' as const, effectiveFrom: from },
          { scope: 'person' as const, subject: u, metric: 'revenue', value: 5_000_000, period: 'month' as const, effectiveFrom: from },
        ]),
        `UM${name}`,
        at,
        'command',
      );
      const d: Day = day('2026-11-20');
      const loggedAt = new Date('2026-11-20T08:00:00Z');
      await store.history.import(
        'T0001',
        'seed',
        reps.flatMap((userId, i) => [
          { day: d, userId, metric: 'calls', value: logged.calls[i]!, note: null, loggedAt },
          { day: d, userId, metric: 'meetings', value: logged.meetings[i]!, note: null, loggedAt },
          { day: d, userId, metric: 'revenue', value: logged.revenue[i]!, note: null, loggedAt },
        ]),
        at,
      );
      return team;
    }

    it('two teams with the same totals split differently get the same weekly charts and the same team month, and no person’s number is drawn', async () => {
      const a = await teamWith(s.store, 'A', 'CA', ['UA1', 'UA2'], { calls: [71, 29], meetings: [4, 2], revenue: [1_300_000, 700_000] });
      const b = await teamWith(s.store, 'B', 'CB', ['UB1', 'UB2'], { calls: [97, 3], meetings: [6, 0], revenue: [1_990_000, 10_000] });
      const charts = async (team: typeof a) => {
        const review = await planWeekly(s.store, team, SLOT).build({ kind: 'weekly', subject: String(team.id), channel: team.channelId! });
        const panel = await loadTeamPanel(s.store, team, new Date('2026-11-24T03:00:00Z'));
        return [...review.charts!.map((c) => c.chart), monthPaceChart(panel.month, 'en', { name: 'the team' })!];
      };
      const [ofA, ofB] = [await charts(a), await charts(b)];
      expect(ofA.map((c) => c.kind)).toEqual(['trend', 'funnel', 'pace']);
      expect(ofB).toEqual(ofA);
      const drawn = ofA.flatMap((c) => c.panels.flatMap((p) => [...p.series, ...p.references].flatMap((x) => x.values)));
      expect(drawn).toContain(100);
      expect(drawn).toContain(2_000_000);
      for (const person of [71, 29, 1_300_000, 700_000]) expect(drawn).not.toContain(person);
      expect(JSON.stringify(ofA)).not.toMatch(/UA\d/u);
    });
  });
});
