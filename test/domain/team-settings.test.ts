import { BUILT_INS } from '../harness/metrics.js';
import { describe, expect, it } from 'vitest';
import { parseClock, parseSetting, parseWeekday, parseWorkdays } from '../../src/domain/team-settings.js';

describe('team settings as typed', () => {
  it('reads 24-hour clock times and refuses 25:00', () => {
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('９：３０')).toBe(570);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('25:00')).toBeNull();
    expect(parseClock('9am')).toBeNull();
  });

  it('reads weekdays in English and Japanese', () => {
    expect(parseWeekday('Mon')).toBe(1);
    expect(parseWeekday('金曜日')).toBe(5);
    expect(parseWeekday('日')).toBe(7);
    expect(parseWeekday('someday')).toBeNull();
  });

  it('reads workdays as ranges and lists', () => {
    expect(parseWorkdays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkdays('月〜土')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseWorkdays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseWorkdays('fri-mon')).toBeNull();
    expect(parseWorkdays('weekdays')).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    ['timezone', ['America/New_York'], { timezone: 'America/New_York' }],
    ['language', ['en'], { locale: 'en' }],
    ['language', ['日本語'], { locale: 'ja' }],
    ['daily', ['off'], { dailyTime: null }],
    ['weekly', ['tue', '10:15'], { weeklyDay: 2, weeklyTime: 615 }],
    ['weekly', ['off'], { weeklyTime: null }],
    ['holidays', ['none'], { holidays: 'none' }],
    ['catchup', ['5'], { catchupHours: 5 }],
    ['morning-dm', ['オフ'], { morningDm: false }],
    ['1on1-lead', ['3'], { oneOnOneLeadHours: 3 }],
    ['1on1-lead', ['default'], { oneOnOneLeadHours: null }],
    ['1on1-lead', ['デフォルト'], { oneOnOneLeadHours: null }],
    ['funnel', ['calls', 'connects', 'meetings', 'wins'], { funnel: ['calls', 'connects', 'meetings', 'wins'] }],
    ['funnel', ['リード', '→', '商談', '→', '受注'], { funnel: ['leads', 'meetings', 'wins'] }],
    ['funnel', ['架電→アポ→受注'], { funnel: ['calls', 'meetings', 'wins'] }],
  ] as const)('%s %j', (key, words, patch) => {
    expect(parseSetting(key, words, BUILT_INS)).toEqual({ ok: true, patch });
  });

  it.each([
    ['timezone', ['Mars/Base'], 'badZone'],
    ['daily', ['25:00'], 'badClock'],
    ['weekly', ['someday', '09:00'], 'badWeekday'],
    ['weekly', ['mon', '9pm'], 'badClock'],
    ['workdays', ['sat-mon'], 'badWorkdays'],
    ['holidays', ['us'], 'badHolidays'],
    ['catchup', ['99'], 'badHours'],
    ['catchup', ['default'], 'badHours'],
    ['1on1-lead', ['soon'], 'badHours'],
    ['morning-dm', ['maybe'], 'badSwitch'],
    ['daily', [], 'missingValue'],
    ['channel', ['#sales'], 'badChannel'],
    ['funnel', ['calls', 'win_rate'], 'badFunnelMetric'],
    ['funnel', ['calls', 'pipeline'], 'badFunnelMetric'],
    ['funnel', ['calls'], 'funnelTooShort'],
  ] as const)('refuses %s %j', (key, words, code) => {
    const result = parseSetting(key, words, BUILT_INS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe(code);
  });
});
