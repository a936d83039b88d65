import { describe, expect, it } from 'vitest';
import { day } from '../../src/domain/days.js';
import { DEFAULT_FUNNEL } from '../../src/domain/funnel.js';
import { buildWeeklyReview, renderWeeklyReview, type WeeklyInput } from '../../src/reports/digest/weekly.js';
import { BUILT_INS, keyed, totals } from '../harness/metrics.js';

const CALENDAR = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' as const };

function input(lastWeek: Record<string, number>, weekBefore: Record<string, number>, metric: 'visits' | 'calls'): WeeklyInput {
  return {
    teamName: 'Field',
    calendar: CALENDAR,
    catalog: BUILT_INS,
    funnel: DEFAULT_FUNNEL,
    slotDay: day('2026-11-24'),
    members: [{ userId: 'UFIELD1', salesRole: 'field' }],
    targets: [],
    memberTargets: new Map([['UFIELD1', [{ metric }]]]),
    lastWeek: new Map([['UFIELD1', totals(lastWeek)]]),
    weekBefore: new Map([['UFIELD1', totals(weekBefore)]]),
    baseline: new Map(),
    monthToDate: new Map(),
    lastLogged: new Map(),
  };
}

describe('the weekly review’s most improved', () => {
  it('measures each person on their own main activity and names it', () => {
    // A field rep: visits doubled while the calls they sometimes log fell away.
    const model = buildWeeklyReview(input({ visits: 20 }, { visits: 10, calls: 30 }, 'visits'));
    expect(keyed(model.improved)).toMatchObject({ userId: 'UFIELD1', metric: 'visits', rise: 1 });
    expect(renderWeeklyReview(model, 'en').text).toMatch(/<@UFIELD1> .*visits/u);
    expect(renderWeeklyReview(model, 'ja').text).toContain('訪問');
  });

  it('names no one when their main activity did not rise', () => {
    expect(buildWeeklyReview(input({ calls: 20, visits: 40 }, { calls: 30, visits: 10 }, 'calls')).improved).toBeNull();
  });
});
