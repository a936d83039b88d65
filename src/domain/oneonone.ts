import { addDays, daysBetween, isoWeekday, type Day } from './days.js';
import { stageKind, type Balance, type StageChange, type StageKind } from './funnel.js';
import type { MetricDef } from './metrics.js';
import { NINE_AM } from './team-settings.js';

/** A recurring 1on1: weekday and time in the manager's zone, every one or two weeks from a first day. */
export interface OneOnOneSchedule {
  /** ISO weekday, Monday 1. */
  readonly weekday: number;
  /** Minutes after midnight. */
  readonly minutes: number;
  readonly everyWeeks: 1 | 2;
  /** The first meeting; a fortnightly 1on1 falls on the weeks an even number of weeks after it. */
  readonly anchor: Day;
}

/** Whether a 1on1 falls on a day: `isMeetingDay({ weekday: 5, everyWeeks: 2, anchor: "2026-11-06" … }, "2026-11-20")` → true. */
export function isMeetingDay(s: OneOnOneSchedule, d: Day): boolean {
  if (isoWeekday(d) !== s.weekday || d < s.anchor) return false;
  return s.everyWeeks === 1 || Math.round(daysBetween(s.anchor, d) / 7) % 2 === 0;
}

/** The first meeting day on or after `from`. */
export function nextMeetingDay(s: OneOnOneSchedule, from: Day): Day {
  for (let i = 0; i < 15; i += 1) {
    const d = addDays(from, i);
    if (isMeetingDay(s, d)) return d;
  }
  throw new Error('a weekly or fortnightly schedule has a meeting within 15 days');
}

/** The first occurrence of a weekday on or after a day: the anchor of a new schedule. */
export function firstWeekdayFrom(weekday: number, from: Day): Day {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

const NOON = 12 * 60;
const DEFAULT_LEAD_HOURS = 2;
const MINUTES_A_DAY = 24 * 60;

/**
 * When the prep goes out, in minutes from the meeting day's midnight (negative: the day before):
 * the team's lead time when set; otherwise 2 hours before, or at the morning digest time (09:00
 * when the digest is off) for a meeting before noon (a 10:00 1on1 gets its prep with the 09:00 digest).
 * `prepMinutes(15 * 60, null, 540)` → 780 (13:00); `prepMinutes(10 * 60, null, 540)` → 540.
 */
export function prepMinutes(meetingMinutes: number, leadHours: number | null, dailyTime: number | null): number {
  if (leadHours !== null) return meetingMinutes - leadHours * 60;
  const morning = dailyTime ?? NINE_AM;
  if (meetingMinutes < NOON && morning < meetingMinutes) return morning;
  return meetingMinutes - DEFAULT_LEAD_HOURS * 60;
}

/**
 * When the prep goes out as a day and a time: how many days before the meeting day, and minutes
 * after that day's midnight. A lead of up to 48 hours can reach two days back.
 * `prepTime(10 * 60, 48, 540)` → `{ daysBefore: 2, minutes: 600 }`.
 */
export function prepTime(meetingMinutes: number, leadHours: number | null, dailyTime: number | null): { daysBefore: number; minutes: number } {
  const m = prepMinutes(meetingMinutes, leadHours, dailyTime);
  const shift = Math.floor(m / MINUTES_A_DAY);
  return { daysBefore: 0 - shift, minutes: m - shift * MINUTES_A_DAY };
}

/** What the numbers of a rep say for a coaching conversation. */
export type Situation = 'volumeNeedsQuality' | 'qualityNeedsVolume' | 'stageToCoach' | 'steady' | 'quiet';

/**
 * The read of a 1on1: quality vs quantity first (seed 003), then the stage to work on, else steady;
 * quiet when almost nothing was logged.
 */
export function situationOf(input: { balance: Balance; stage: StageChange | null; loggedDays: number }): Situation {
  if (input.loggedDays < 2) return 'quiet';
  if (input.balance === 'quality') return 'volumeNeedsQuality';
  if (input.balance === 'volume') return 'qualityNeedsVolume';
  if (input.stage) return 'stageToCoach';
  return 'steady';
}

/** The coaching questions a situation calls for: keys into the question bank of each language. */
export type QuestionKey =
  | 'whatWorked'
  | 'bestConversation'
  | 'qualitySignals'
  | 'qualifyEarly'
  | 'timeBlocks'
  | 'whatStops'
  | 'stageMoment'
  | 'stageSupport'
  | 'nextStretch'
  | 'shareTip'
  | 'quietWhy'
  | 'quietKeep'
  | 'targetFit';

/**
 * Three open questions fitted to what the numbers show: always one about what went well, then two
 * for the situation (or the stage, the traps). Distinct and in a stable order.
 */
export function coachingQuestions(situation: Situation, traps: { quietKpis: number; targetOff: boolean }): QuestionKey[] {
  const bySituation: Record<Situation, QuestionKey[]> = {
    volumeNeedsQuality: ['bestConversation', 'qualitySignals', 'qualifyEarly'],
    qualityNeedsVolume: ['whatWorked', 'timeBlocks', 'whatStops'],
    stageToCoach: ['whatWorked', 'stageMoment', 'stageSupport'],
    steady: ['whatWorked', 'nextStretch', 'shareTip'],
    quiet: ['whatWorked', 'quietWhy', 'stageSupport'],
  };
  const picked = [...bySituation[situation]];
  if (traps.targetOff && !picked.includes('targetFit')) picked[2] = 'targetFit';
  else if (traps.quietKpis > 0 && situation !== 'quiet') picked[2] = 'quietKeep';
  return picked.slice(0, 3);
}

/** The concrete daily or weekly actions a plan can propose (the catalogs word each one). */
export type ActionKey =
  | 'callTimes'
  | 'cleanList'
  | 'dailyBlock'
  | 'rolePlay'
  | 'proposeSlots'
  | 'followUpSameDay'
  | 'proposalReview'
  | 'confirmDecider'
  | 'rideAlong'
  | 'recordingReview'
  | 'qualifyQuestions'
  | 'tenNewLeads'
  | 'prepareList'
  | 'logDaily';

/** The seed's action plan form (seed 004): a KPI, the measure that moves it, two or three concrete actions. */
export interface ActionPlanProposal {
  readonly metric: MetricDef;
  readonly target: number | null;
  readonly measure: Situation | StageKind;
  readonly actions: readonly ActionKey[];
}

const STAGE_ACTIONS: Record<StageKind, ActionKey[]> = {
  connect: ['callTimes', 'cleanList', 'dailyBlock'],
  meeting: ['rolePlay', 'proposeSlots', 'followUpSameDay'],
  win: ['proposalReview', 'confirmDecider', 'rideAlong'],
  other: ['recordingReview', 'rolePlay', 'followUpSameDay'],
};

const SITUATION_ACTIONS: Record<Situation, ActionKey[]> = {
  volumeNeedsQuality: ['recordingReview', 'qualifyQuestions', 'rolePlay'],
  qualityNeedsVolume: ['dailyBlock', 'tenNewLeads', 'prepareList'],
  stageToCoach: ['rolePlay', 'followUpSameDay', 'proposeSlots'],
  steady: ['tenNewLeads', 'followUpSameDay', 'rolePlay'],
  quiet: ['logDaily', 'dailyBlock', 'tenNewLeads'],
};

/** A proposed plan for the KPI that matters most now, in the seed's KPI → measure → actions form. */
export function proposePlan(main: { metric: MetricDef; target: number | null }, situation: Situation, stage: StageChange | null): ActionPlanProposal {
  if (situation === 'stageToCoach' && stage) {
    const kind = stageKind(stage.stage);
    return { ...main, measure: kind, actions: STAGE_ACTIONS[kind] };
  }
  return { ...main, measure: situation, actions: SITUATION_ACTIONS[situation] };
}
