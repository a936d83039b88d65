import { describe, expect, it } from 'vitest';
import { countWorkdays, isWorkday, rangesOf, withClosed, type WorkCalendar } from '../../src/domain/calendar.js';
import { applyClosureChange, parseClosureChange } from '../../src/domain/closures.js';
import { parseDayRange } from '../../src/domain/day-ranges.js';
import { day } from '../../src/domain/days.js';
import { isFarOffPace } from '../../src/domain/pace-alerts.js';
import { periodOf } from '../../src/domain/periods.js';
import { isProfileStale, isVacationStatus, vacationDays } from '../../src/domain/profiles.js';
import { progress } from '../../src/domain/progress.js';
import { workdayStreak } from '../../src/domain/streaks.js';
import { periodTarget } from '../../src/domain/targets.js';
import { calendarOf, defaultTeamSettings, parseSetting } from '../../src/domain/team-settings.js';
import { BUILT_INS, def } from '../harness/metrics.js';

const JP: WorkCalendar = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' };
const LIMITS = { maxDays: 62, daysBack: 31, daysAhead: 366 };
const range = (from: string, to: string) => ({ from: day(from), to: day(to) });

describe('days off and closures in a work calendar', () => {
  it('a closed day is no workday; the calendar without it is unchanged', () => {
    const closed = withClosed(JP, [range('2026-12-29', '2027-01-03')]);
    expect(isWorkday(day('2026-12-29'), JP)).toBe(true);
    expect(isWorkday(day('2026-12-29'), closed)).toBe(false);
    expect(isWorkday(day('2027-01-04'), closed)).toBe(true);
    // December 2026 has 23 workdays in Japan; the closure takes the 29th to the 31st.
    expect(countWorkdays(day('2026-12-01'), day('2026-12-31'), JP)).toBe(23);
    expect(countWorkdays(day('2026-12-01'), day('2026-12-31'), closed)).toBe(20);
  });

  it('a team calendar carries its closures', () => {
    const settings = { ...defaultTeamSettings('Asia/Tokyo', 'ja'), closures: [range('2026-12-29', '2027-01-03')] };
    expect(isWorkday(day('2026-12-30'), calendarOf(settings))).toBe(false);
    expect(calendarOf(defaultTeamSettings('Asia/Tokyo', 'ja')).closed).toBeUndefined();
  });

  it('runs days together into the fewest ranges', () => {
    expect(rangesOf([day('2026-12-25'), day('2026-12-24'), day('2026-12-28'), day('2026-12-24')])).toEqual([range('2026-12-24', '2026-12-25'), range('2026-12-28', '2026-12-28')]);
  });

  it('a day off steps over a streak instead of breaking it', () => {
    const logged = new Set([day('2026-11-17'), day('2026-11-18'), day('2026-11-20')]);
    expect(workdayStreak(logged, day('2026-11-20'), JP)).toBe(1);
    expect(workdayStreak(logged, day('2026-11-20'), withClosed(JP, [range('2026-11-19', '2026-11-19')]))).toBe(3);
  });

  it('days off lower what the pace asks by now and the days a month target is spread over, not the month target', () => {
    const calls = def('calls');
    const month = periodOf(day('2026-12-10'), 'month');
    const schedule = [[{ value: 440, period: 'month' as const, effectiveFrom: day('2026-12-01') }]];
    const off = withClosed(JP, [range('2026-12-07', '2026-12-09')]);
    const plain = progress({ metric: calls, target: periodTarget(calls, schedule, month, day('2026-12-10'), JP), period: month, asOf: day('2026-12-10'), actual: 100, calendar: JP });
    const fair = progress({ metric: calls, target: periodTarget(calls, schedule, month, day('2026-12-10'), off), period: month, asOf: day('2026-12-10'), actual: 100, calendar: off });
    expect(plain.target).toBe(440);
    expect(fair.target).toBeCloseTo(440);
    expect(plain.elapsedWorkdays).toBe(8);
    expect(fair.elapsedWorkdays).toBe(5);
    expect(plain.expected).toBeCloseTo((440 * 8) / 23);
    expect(fair.expected).toBeCloseTo((440 * 5) / 20);
    expect(fair.remainingWorkdays).toBe(plain.remainingWorkdays);
  });
});

describe('ranges of days as people type them', () => {
  const today = day('2026-11-20');
  it.each([
    ['12/24-12/26', '2026-12-24', '2026-12-26'],
    ['12/24', '2026-12-24', '2026-12-24'],
    ['12/29-1/3', '2026-12-29', '2027-01-03'],
    ['2026-12-24~2026-12-26', '2026-12-24', '2026-12-26'],
    ['12月24日〜26日', '2026-12-24', '2026-12-26'],
    ['12月30日〜1月3日', '2026-12-30', '2027-01-03'],
    ['１２／２４－１２／２６', '2026-12-24', '2026-12-26'],
    ['12/24 to 12/26', '2026-12-24', '2026-12-26'],
    ['11/19', '2026-11-19', '2026-11-19'],
  ])('%s', (text, from, to) => {
    expect(parseDayRange(text, today, LIMITS)).toEqual({ ok: true, range: range(from, to) });
  });

  it('typed on 2 January, 12/29-1/3 is the closure under way', () => {
    expect(parseDayRange('12/29-1/3', day('2027-01-02'), LIMITS)).toEqual({ ok: true, range: range('2026-12-29', '2027-01-03') });
  });

  it.each([
    ['someday', 'badRange'],
    ['12/26-12/24', 'badRange'],
    ['2/30', 'badRange'],
    ['2026-01-01-2026-12-31', 'tooLong'],
    ['2026-09-01', 'tooFarBack'],
    ['2028-01-05', 'tooFarAhead'],
  ])('refuses %s (%s)', (text, code) => {
    const result = parseDayRange(text, today, LIMITS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe(code);
  });
});

describe('a team’s closures as a setting', () => {
  const today = day('2026-11-20');
  const current = defaultTeamSettings('Asia/Tokyo', 'ja');

  it('adds 年末年始 and reads back as one range', () => {
    expect(parseSetting('closures', ['12/29-1/3'], BUILT_INS, { today, current })).toEqual({ ok: true, patch: { closures: [range('2026-12-29', '2027-01-03')] } });
  });

  it('removing spares the days already past; clear does too', () => {
    const closures = [range('2026-11-16', '2026-11-24')];
    const removed = parseClosureChange(['remove', '11/16-11/24'], today);
    expect(removed.ok && applyClosureChange(closures, removed.change, today)).toEqual([range('2026-11-16', '2026-11-19')]);
    const cleared = parseClosureChange(['クリア'], today);
    expect(cleared.ok && applyClosureChange(closures, cleared.change, today)).toEqual([range('2026-11-16', '2026-11-19')]);
  });

  it('reads the reminder time, on with the default, and off', () => {
    expect(parseSetting('reminder', ['18:00'], BUILT_INS)).toEqual({ ok: true, patch: { reminderTime: 18 * 60 } });
    expect(parseSetting('reminder', ['on'], BUILT_INS)).toEqual({ ok: true, patch: { reminderTime: 17 * 60 + 30 } });
    expect(parseSetting('reminder', ['オフ'], BUILT_INS)).toEqual({ ok: true, patch: { reminderTime: null } });
    expect(parseSetting('pace-alerts', ['on'], BUILT_INS)).toEqual({ ok: true, patch: { paceAlerts: true } });
  });

  it('a new team has no reminder and no pace alerts until its manager turns them on', () => {
    expect(current).toMatchObject({ reminderTime: null, paceAlerts: false, closures: [] });
  });
});

describe('Slack profiles: refresh age and vacation status', () => {
  const now = new Date('2026-12-24T00:00:00Z');
  it('a profile is read again after 20 hours, and always when never read', () => {
    expect(isProfileStale(null, now)).toBe(true);
    expect(isProfileStale(new Date(now.getTime() - 19 * 3_600_000), now)).toBe(false);
    expect(isProfileStale(new Date(now.getTime() - 21 * 3_600_000), now)).toBe(true);
  });

  it('🌴 Vacationing and its words in either language mean days off; other statuses do not', () => {
    expect(isVacationStatus({ text: 'Vacationing', emoji: ':palm_tree:', expiresAt: null })).toBe(true);
    expect(isVacationStatus({ text: '休暇中', emoji: '', expiresAt: null })).toBe(true);
    expect(isVacationStatus({ text: 'In a meeting', emoji: ':spiral_calendar_pad:', expiresAt: null })).toBe(false);
    expect(isVacationStatus(null)).toBe(false);
  });

  it('a vacation status covers today to the day it expires, in the person’s zone', () => {
    const status = { text: 'Vacationing', emoji: ':palm_tree:', expiresAt: new Date('2026-12-26T15:00:00Z') };
    expect(vacationDays(status, now, 'Asia/Tokyo')).toEqual(range('2026-12-24', '2026-12-26'));
    expect(vacationDays({ ...status, expiresAt: null }, now, 'Asia/Tokyo')).toEqual(range('2026-12-24', '2026-12-24'));
  });
});

describe('a KPI far off its pace', () => {
  const calls = def('calls');
  const month = periodOf(day('2026-11-16'), 'month');
  const at = (asOf: string, actual: number) =>
    progress({ metric: calls, target: periodTarget(calls, [[{ value: 1000, period: 'month', effectiveFrom: day('2026-11-01') }]], month, day(asOf), JP), period: month, asOf: day(asOf), actual, calendar: JP });

  it('is heading under 70% of the target with 40% of the workdays behind', () => {
    // November 2026 has 19 workdays in Japan; by the 16th, 10 are behind.
    expect(at('2026-11-16', 300).forecast).toBeCloseTo(570);
    expect(isFarOffPace(at('2026-11-16', 300))).toBe(true);
    expect(isFarOffPace(at('2026-11-16', 400))).toBe(false);
  });

  it('is not said in the first days of a month, nor in its last workday', () => {
    expect(isFarOffPace(at('2026-11-06', 50))).toBe(false);
    expect(isFarOffPace(at('2026-11-27', 300))).toBe(false);
  });
});
