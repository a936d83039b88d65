import { describe, expect, it } from 'vitest';
import { storeEach } from '../../harness/bot.js';
import { MANAGER, REPS, seedTokyo } from '../../harness/sample-team.js';
import { day } from '../../../src/domain/days.js';
import { loadWeeklyReviewWithTrend, weeklyTrendChart } from '../../../src/reports/charts/from-weekly.js';

const SLOT = day('2026-11-24');
const at = new Date('2026-11-01T00:00:00Z');

describe('the weekly trend read from the store', () => {
  const s = storeEach();

  it('measures each week against the targets in force on each of its workdays, as set at the time', async () => {
    const team = await seedTokyo(s.store);
    // The reps start on 50 calls a workday from Sunday 1 November; 60 from Monday the 9th; 10 from
    // Friday the 13th; 40 from the 16th.
    const calls = (value: number, from: string) => REPS.map((u) => ({ scope: 'person' as const, subject: u, metric: 'calls' as const, value, period: 'day' as const, effectiveFrom: day(from) }));
    await s.store.targets.set('T0001', [...calls(60, '2026-11-09'), ...calls(10, '2026-11-13'), ...calls(40, '2026-11-16')], MANAGER, at, 'command');
    const { review, trend } = await loadWeeklyReviewWithTrend(s.store, team, SLOT);
    expect(trend.weeks.map((w) => w.week.start)).toEqual(['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
    const chart = weeklyTrendChart(trend, 'en')!;
    const panel = chart.panels.find((p) => p.title === 'calls')!;
    // Three reps: no target before November; 50 a workday in the week of 2 November (4 workdays, the
    // 3rd a holiday); in the week of 9 November four days at 60 and the Friday at 10; 40 after.
    expect(panel.references[0]!.values).toEqual([null, null, null, null, null, 3 * 50 * 4, 3 * (60 * 4 + 10), 3 * 40 * 5]);
    expect(panel.series[0]!.values).toEqual([0, 0, 0, 0, 0, 0, 0, 135]);
    // The week reviewed reads as the review reads it.
    const callsKpi = review.kpis.find((k) => k.metric.key === 'calls')!;
    expect(trend.weeks.at(-1)!.kpis[trend.metrics.indexOf(callsKpi.metric)]).toEqual(callsKpi.week);
  });

  it('reads a rate KPI over the people whose role works it, as the review does', async () => {
    const team = await seedTokyo(s.store);
    const catalog = await s.store.metrics.catalog('T0001');
    await s.store.targets.set('T0001', [{ scope: 'team', subject: String(team.id), metric: 'meeting_rate', value: 0.05, period: 'month', effectiveFrom: day('2026-11-01') }], MANAGER, at, 'command');
    // One rep becomes field sales: their calls and meetings leave the inside sales' meeting rate.
    await s.store.teams.setSalesRole('T0001', [REPS[2]!], 'field', at);
    const { review, trend } = await loadWeeklyReviewWithTrend(s.store, team, SLOT);
    const rate = catalog.def('meeting_rate');
    const k = trend.metrics.indexOf(rate);
    expect(k).toBeGreaterThanOrEqual(0);
    const last = trend.weeks.at(-1)!.kpis[k]!;
    expect(last.actual).toBeCloseTo(5 / 105);
    expect(last).toEqual(review.kpis.find((x) => x.metric.key === 'meeting_rate')!.week);
  });
});
