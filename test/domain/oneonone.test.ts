import { DEFAULT_FUNNEL, funnelStages } from '../../src/domain/funnel.js';
import { BUILT_INS } from '../harness/metrics.js';
import { describe, expect, it } from 'vitest';
import { day } from '../../src/domain/days.js';
import { coachingQuestions, firstWeekdayFrom, isMeetingDay, nextMeetingDay, prepMinutes, prepTime, situationOf } from '../../src/domain/oneonone.js';

const weekly = { weekday: 5, minutes: 15 * 60, everyWeeks: 1 as const, anchor: day('2026-11-06') };
const fortnightly = { ...weekly, everyWeeks: 2 as const };

describe('1on1 schedules', () => {
  it('falls on the weekday every week, or every other week from the first meeting', () => {
    expect(isMeetingDay(weekly, day('2026-11-13'))).toBe(true);
    expect(isMeetingDay(weekly, day('2026-11-12'))).toBe(false);
    expect(isMeetingDay(weekly, day('2026-10-30'))).toBe(false);
    expect(isMeetingDay(fortnightly, day('2026-11-13'))).toBe(false);
    expect(isMeetingDay(fortnightly, day('2026-11-20'))).toBe(true);
    expect(nextMeetingDay(fortnightly, day('2026-11-14'))).toBe('2026-11-20');
    expect(firstWeekdayFrom(5, day('2026-11-22'))).toBe('2026-11-27');
    expect(firstWeekdayFrom(7, day('2026-11-22'))).toBe('2026-11-22');
  });

  it('sends the prep 2 hours before, at the digest time for a morning 1on1, or at the team’s lead time', () => {
    expect(prepMinutes(15 * 60, null, 9 * 60)).toBe(13 * 60);
    expect(prepMinutes(10 * 60, null, 9 * 60)).toBe(9 * 60);
    expect(prepMinutes(8 * 60 + 30, null, 9 * 60)).toBe(6 * 60 + 30);
    expect(prepMinutes(15 * 60, 24, 9 * 60)).toBe(-9 * 60);
  });

  it('says the prep’s day and time, up to two days before for a 48-hour lead', () => {
    expect(prepTime(15 * 60, null, 9 * 60)).toEqual({ daysBefore: 0, minutes: 13 * 60 });
    expect(prepTime(15 * 60, 24, 9 * 60)).toEqual({ daysBefore: 1, minutes: 15 * 60 });
    expect(prepTime(10 * 60, 48, 9 * 60)).toEqual({ daysBefore: 2, minutes: 10 * 60 });
    expect(prepTime(0, 1, 9 * 60)).toEqual({ daysBefore: 1, minutes: 23 * 60 });
  });
});

describe('the read of a 1on1', () => {
  it('puts quality vs quantity first, then the stage, else steady, and quiet when little was logged', () => {
    const stage = { stage: funnelStages(DEFAULT_FUNNEL, BUILT_INS)[2]!, current: 0.1, baseline: 0.2, change: -0.5 };
    expect(situationOf({ balance: 'quality', stage, loggedDays: 8 })).toBe('volumeNeedsQuality');
    expect(situationOf({ balance: 'volume', stage: null, loggedDays: 8 })).toBe('qualityNeedsVolume');
    expect(situationOf({ balance: null, stage, loggedDays: 8 })).toBe('stageToCoach');
    expect(situationOf({ balance: null, stage: null, loggedDays: 8 })).toBe('steady');
    expect(situationOf({ balance: null, stage: null, loggedDays: 1 })).toBe('quiet');
  });

  it('asks three distinct open questions fitted to the situation, one about what went well', () => {
    for (const situation of ['volumeNeedsQuality', 'qualityNeedsVolume', 'stageToCoach', 'steady', 'quiet'] as const) {
      const q = coachingQuestions(situation, { quietKpis: 0, targetOff: false });
      expect(q).toHaveLength(3);
      expect(new Set(q).size).toBe(3);
      expect(q.some((k) => k === 'whatWorked' || k === 'bestConversation')).toBe(true);
    }
    expect(coachingQuestions('steady', { quietKpis: 0, targetOff: true })).toContain('targetFit');
    expect(coachingQuestions('steady', { quietKpis: 2, targetOff: false })).toContain('quietKeep');
  });
});
