import { describe, expect, it } from 'vitest';
import { parseDateWord, resolveDay, MAX_DAYS_BACK } from '../../src/commands/dates.js';
import { day } from '../../src/domain/days.js';

const today = day('2026-11-22');

describe('the day a log counts for', () => {
  it('counts back from today for yesterday and 一昨日', () => {
    expect(resolveDay({ kind: 'daysAgo', days: 1 }, today)).toEqual({ ok: true, day: '2026-11-21' });
    expect(resolveDay({ kind: 'daysAgo', days: 2 }, today)).toEqual({ ok: true, day: '2026-11-20' });
  });

  it('refuses a day still ahead', () => {
    expect(resolveDay({ kind: 'day', day: day('2026-11-23') }, today)).toEqual({ ok: false, code: 'futureDate', day: '2026-11-23' });
  });

  it(`accepts ${MAX_DAYS_BACK} days back and refuses ${MAX_DAYS_BACK + 1}`, () => {
    expect(resolveDay({ kind: 'day', day: day('2026-10-22') }, today)).toEqual({ ok: true, day: '2026-10-22' });
    expect(resolveDay({ kind: 'day', day: day('2026-10-21') }, today)).toEqual({ ok: false, code: 'tooOld', day: '2026-10-21' });
  });

  it('gives a month and day the latest year not after today', () => {
    expect(resolveDay({ kind: 'monthDay', month: 11, day: 20 }, today)).toEqual({ ok: true, day: '2026-11-20' });
    expect(resolveDay({ kind: 'monthDay', month: 12, day: 30 }, day('2027-01-02'))).toEqual({ ok: true, day: '2026-12-30' });
  });

  it('knows which date-shaped words name no date', () => {
    expect(parseDateWord('2/30')).toEqual({ ok: false });
    expect(parseDateWord('2026-02-29')).toEqual({ ok: false });
    expect(parseDateWord('2/29')).toEqual({ ok: true, spec: { kind: 'monthDay', month: 2, day: 29 } });
    expect(parseDateWord('calls')).toBeNull();
  });

  it('refuses 2/29 in a year without one', () => {
    expect(resolveDay({ kind: 'monthDay', month: 2, day: 29 }, day('2027-03-01'))).toEqual({ ok: false, code: 'badDate' });
  });
});
