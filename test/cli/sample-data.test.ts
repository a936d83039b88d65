import { describe, expect, it } from 'vitest';
import { sampleHistory, type SamplePerson } from '../../src/cli/sample-data.js';
import { workdaysBetween } from '../../src/domain/calendar.js';
import { day, isoWeekday } from '../../src/domain/days.js';
import { BUILT_INS } from '../harness/metrics.js';
import { calendarOf, defaultTeamSettings } from '../../src/domain/team-settings.js';

const calendar = calendarOf(defaultTeamSettings('Asia/Tokyo', 'ja'));
const PEOPLE: SamplePerson[] = [
  { userId: 'U1', role: 'sdr' },
  { userId: 'U2', role: 'field' },
  { userId: 'U3', role: 'cs' },
];
// 2 to 27 November 2026: Monday the 23rd is a holiday in Japan (勤労感謝の日).
const FROM = day('2026-11-02');
const TO = day('2026-11-27');

describe('sample history (demo and benchmark seeds)', () => {
  it('is the same on every run, and another seed gives other numbers', () => {
    const a = sampleHistory(PEOPLE, FROM, TO, calendar, { seed: 3 });
    expect(sampleHistory(PEOPLE, FROM, TO, calendar, { seed: 3 })).toEqual(a);
    expect(sampleHistory(PEOPLE, FROM, TO, calendar, { seed: 4 })).not.toEqual(a);
  });

  it('logs on workdays only, and only the metrics of each role', () => {
    const rows = sampleHistory(PEOPLE, FROM, TO, calendar);
    const workdays = new Set(workdaysBetween(FROM, TO, calendar));
    expect(rows.every((r) => workdays.has(r.day))).toBe(true);
    expect(rows.some((r) => r.day === day('2026-11-23'))).toBe(false);
    const metricsOf = (userId: string) => new Set(rows.filter((r) => r.userId === userId).map((r) => r.metric));
    expect(metricsOf('U1').has('calls')).toBe(true);
    expect(metricsOf('U1').has('pipeline')).toBe(false);
    expect(metricsOf('U2').has('visits')).toBe(true);
    expect(metricsOf('U3').has('renewals')).toBe(true);
  });

  it('has field reps update their pipeline at most once a week, on the week’s first workday', () => {
    const rows = sampleHistory(PEOPLE, FROM, TO, calendar).filter((r) => r.metric === 'pipeline');
    expect(rows.every((r) => r.userId === 'U2')).toBe(true);
    const weeks = rows.map((r) => r.day).map((d) => [d, isoWeekday(d)] as const);
    // Four weeks, at most one update each (a day off can skip one); the 24th stands in for the holiday Monday.
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.length).toBeLessThanOrEqual(4);
    for (const [d, weekday] of weeks) expect(weekday === 1 || d === day('2026-11-24')).toBe(true);
    for (const r of rows) {
      expect(r.value).toBeGreaterThan(5_000_000);
      expect(r.value % 10_000).toBe(0);
    }
  });

  it('splits a day into several logs that add up to it, each above zero, and keeps snapshots whole', () => {
    const once = sampleHistory(PEOPLE, FROM, TO, calendar, { seed: 9 });
    const split = sampleHistory(PEOPLE, FROM, TO, calendar, { seed: 9, logsPerDay: 3 });
    const byDay = (rows: typeof once) => {
      const sums = new Map<string, number>();
      for (const r of rows) sums.set(`${r.userId} ${r.day} ${r.metric}`, (sums.get(`${r.userId} ${r.day} ${r.metric}`) ?? 0) + r.value);
      return sums;
    };
    expect(byDay(split)).toEqual(byDay(once));
    expect(split.length).toBeGreaterThan(once.length);
    for (const r of split) {
      if (BUILT_INS.def(r.metric).kind === 'snapshot') expect(split.filter((x) => x.userId === r.userId && x.day === r.day && x.metric === r.metric)).toHaveLength(1);
      else if (r.metric !== 'calls') expect(r.value).toBeGreaterThan(0);
    }
  });
});
