import { describe, expect, it } from 'vitest';
import { storeEach } from '../../harness/bot.js';
import { MANAGER, REPS, seedTokyo } from '../../harness/sample-team.js';
import { day } from '../../../src/domain/days.js';
import { loadWeeklyTrend, weeklyTrendChart } from '../../../src/reports/charts/from-weekly.js';
import { loadWeeklyReview } from '../../../src/reports/digest/weekly.js';

const SLOT = day('2026-11-24');
const at = new Date('2026-11-01T00:00:00Z');

describe('the weekly trend read from the store', () => {
  const s = storeEach();

  it('measures each week against the target it had: none before the targets were set, the new value after a change', async () => {
    const team = await seedTokyo(s.store);
    // From 9 November the reps are on 60 calls a workday instead of 50.
    await s.store.targets.set('T0001', REPS.map((u) => ({ scope: 'person' as const, subject: u, metric: 'calls' as const, value: 60, period: 'day' as const, effectiveFrom: day('2026-11-09') })), MANAGER, at, 'command');
    const review = await loadWeeklyReview(s.store, team, SLOT);
    const trend = await loadWeeklyTrend(s.store, team, review.week);
    expect(trend.weeks.map((w) => w.week.start)).toEqual(['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
    const chart = weeklyTrendChart(review, trend, 'en')!;
    const calls = chart.panels.find((p) => p.title === 'calls')!;
    // Three reps: 50 a workday in the week of 2 November (4 workdays, the 3rd a holiday), 60 after.
    // The targets took effect on Sunday 1 November, the last day of the week of 26 October: that week
    // has November's 2,850 spread over October's 21 workdays, 5 of them in the week.
    const targets = calls.references[0]!.values.map((v) => (v === null ? null : Math.round(v)));
    expect(targets).toEqual([null, null, null, null, Math.round((3 * 50 * 19 * 5) / 21), 3 * 50 * 4, 3 * 60 * 5, 3 * 60 * 5]);
    expect(calls.series[0]!.values).toEqual([0, 0, 0, 0, 0, 0, 0, 135]);
  });

  it('gives every week the targets in force at the end when none changed in the weeks shown', async () => {
    const team = await seedTokyo(s.store);
    await s.store.targets.set('T0001', REPS.map((u) => ({ scope: 'person' as const, subject: u, metric: 'calls' as const, value: 50, period: 'day' as const, effectiveFrom: day('2026-09-01') })), MANAGER, at, 'command');
    const review = await loadWeeklyReview(s.store, team, day('2026-12-29'));
    const trend = await loadWeeklyTrend(s.store, team, review.week);
    expect(trend.weeks.every((w) => w.targets === trend.weeks.at(-1)!.targets)).toBe(true);
    expect(trend.weeks.at(-1)!.targets.find((t) => t.metric === 'calls')!.value).toBeGreaterThan(0);
  });
});
