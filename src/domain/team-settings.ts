import { DEFAULT_WORKDAYS, HOLIDAY_CALENDARS, workdaysBetween, type DayRange, type HolidayCalendar, type WorkCalendar } from './calendar.js';
import { applyClosureChange, MAX_CLOSURES, parseClosureChange, type ClosureProblem } from './closures.js';
import { addDays, isTimeZone, type Day } from './days.js';
import { periodOf } from './periods.js';
import { isLocale, type Locale } from './locale.js';
import { DEFAULT_FUNNEL } from './funnel.js';
import type { MetricCatalog } from './metric-catalog.js';
import { wordTable } from './words.js';

/** How a team runs its reviews: zone, language, when the digests go out, which days count. */
export interface TeamSettings {
  readonly timezone: string;
  readonly locale: Locale;
  /** Minutes after midnight for the daily digest and morning DMs; null when off. */
  readonly dailyTime: number | null;
  /** ISO weekday (Monday 1) the weekly review is due; it moves to the next workday when that day is off. */
  readonly weeklyDay: number;
  /** Minutes after midnight for the weekly review; null when off. */
  readonly weeklyTime: number | null;
  readonly workdays: readonly number[];
  readonly holidays: HolidayCalendar;
  /** A slot missed while the bot was down is still sent this many hours late, not later. */
  readonly catchupHours: number;
  readonly morningDm: boolean;
  /** Hours before a 1on1 the prep is sent; null for the default (2 hours, or the daily time for a morning 1on1). */
  readonly oneOnOneLeadHours: number | null;
  /** The day before a 1on1, the rep gets two questions to answer for it. */
  readonly checkIn: boolean;
  /** The team's funnel: metric keys in order, each converting into the next. */
  readonly funnel: readonly string[];
  /** Company closures (年末年始…): days nobody works, besides weekends and public holidays. */
  readonly closures: readonly DayRange[];
  /** Minutes after midnight of the evening reminder to people who logged nothing that workday; null when off. */
  readonly reminderTime: number | null;
  /** Whether managers get a private alert when a KPI falls far off its monthly pace. */
  readonly paceAlerts: boolean;
  /** Whether the channel gets the review of the month just ended, on the month's first workday (seed 004's review). */
  readonly monthReview: boolean;
  /** Whether the channel gets the month's kickoff (its targets and the plan per workday) on its first workday. */
  readonly kickoff: boolean;
}

export const NINE_AM = 9 * 60;
/** The evening reminder's time when a team turns it on without one: late enough to log the day, before people leave. */
export const DEFAULT_REMINDER_TIME = 17 * 60 + 30;

/** A new team's settings, from the bot's defaults (`KPI_TIMEZONE`, `KPI_LOCALE`). */
export function defaultTeamSettings(timezone: string, locale: Locale): TeamSettings {
  return {
    timezone,
    locale,
    dailyTime: NINE_AM,
    weeklyDay: 1,
    weeklyTime: NINE_AM,
    workdays: DEFAULT_WORKDAYS,
    holidays: 'jp',
    catchupHours: 3,
    morningDm: true,
    oneOnOneLeadHours: null,
    checkIn: true,
    funnel: DEFAULT_FUNNEL,
    closures: [],
    // Off until a team's manager turns it on: a nightly nudge is the team's choice (README, "Evening reminder").
    reminderTime: null,
    paceAlerts: false,
    // On: the month's review and kickoff are team totals and its plan, the cycle seed 004 describes.
    monthReview: true,
    kickoff: true,
  };
}

/** A team's work calendar: its workdays, public holidays and company closures. */
export function calendarOf(settings: Pick<TeamSettings, 'workdays' | 'holidays'> & Partial<Pick<TeamSettings, 'closures'>>): WorkCalendar {
  const closures = settings.closures ?? [];
  return closures.length > 0 ? { workdays: settings.workdays, holidays: settings.holidays, closed: closures } : { workdays: settings.workdays, holidays: settings.holidays };
}

export const SETTING_KEYS = [
  'channel',
  'timezone',
  'language',
  'daily',
  'weekly',
  'workdays',
  'holidays',
  'catchup',
  'morning-dm',
  '1on1-lead',
  '1on1-checkin',
  'funnel',
  'closures',
  'reminder',
  'pace-alerts',
  'month-review',
  'kickoff',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export { parseSettingKey } from './setting-words.js';

const WEEKDAY_WORDS = wordTable<number>({
  mon: 1, monday: 1, 月: 1, 月曜: 1, 月曜日: 1,
  tue: 2, tues: 2, tuesday: 2, 火: 2, 火曜: 2, 火曜日: 2,
  wed: 3, wednesday: 3, 水: 3, 水曜: 3, 水曜日: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, 木: 4, 木曜: 4, 木曜日: 4,
  fri: 5, friday: 5, 金: 5, 金曜: 5, 金曜日: 5,
  sat: 6, saturday: 6, 土: 6, 土曜: 6, 土曜日: 6,
  sun: 7, sunday: 7, 日: 7, 日曜: 7, 日曜日: 7,
});

/** ISO weekday of a typed day name, English or Japanese: `parseWeekday("金曜日")` → 5. */
export function parseWeekday(word: string): number | null {
  return WEEKDAY_WORDS.get(word.normalize('NFKC').toLowerCase()) ?? null;
}

/** Minutes after midnight of `HH:MM` (24-hour; `９：００` works), or null: `parseClock("25:00")` → null. */
export function parseClock(word: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/u.exec(word.normalize('NFKC'));
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

/** `HH:MM` for minutes after midnight: `formatClock(540)` → `"09:00"`. */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const OFF = new Set(['off', 'no', 'false', 'オフ', 'なし', '無効', '停止']);
const ON = new Set(['on', 'yes', 'true', 'オン', 'あり', '有効']);
const DEFAULT = new Set(['default', 'auto', 'デフォルト', '既定', '標準', '自動']);

/** Workdays typed as a range or a list: `mon-fri`, `月〜金`, `mon,wed,fri`, `weekdays`. Null when unreadable. */
export function parseWorkdays(text: string): number[] | null {
  const folded = text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  if (folded === 'weekdays' || folded === '平日') return [1, 2, 3, 4, 5];
  const days = new Set<number>();
  for (const part of folded.split(/[,、・]/u)) {
    if (!part) continue;
    const range = part.split(/[-~〜]/u);
    if (range.length === 2) {
      const from = parseWeekday(range[0]!);
      const to = parseWeekday(range[1]!);
      if (from === null || to === null || to < from) return null;
      for (let d = from; d <= to; d += 1) days.add(d);
    } else {
      const d = parseWeekday(part);
      if (d === null) return null;
      days.add(d);
    }
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : null;
}

/** What is wrong with a setting value, for the person to fix. */
export type SettingProblem =
  | { readonly code: 'unknownKey'; readonly word: string }
  | { readonly code: 'badZone'; readonly word: string }
  | { readonly code: 'badLanguage'; readonly word: string }
  | { readonly code: 'badClock'; readonly word: string }
  | { readonly code: 'badWeekday'; readonly word: string }
  | { readonly code: 'badWorkdays'; readonly word: string }
  | { readonly code: 'badHolidays'; readonly word: string }
  | { readonly code: 'badHours'; readonly word: string; readonly max: number; readonly orDefault: boolean }
  | { readonly code: 'badSwitch'; readonly word: string }
  | { readonly code: 'missingValue'; readonly key: SettingKey }
  | { readonly code: 'badChannel'; readonly word: string }
  | { readonly code: 'badFunnelMetric'; readonly word: string }
  | { readonly code: 'funnelTooShort' }
  | ClosureProblem;

export type SettingResult =
  | { readonly ok: true; readonly patch: Partial<TeamSettings>; readonly channelId?: string }
  | { readonly ok: false; readonly problem: SettingProblem };

const fail = (problem: SettingProblem): SettingResult => ({ ok: false, problem });
const set = (patch: Partial<TeamSettings>): SettingResult => ({ ok: true, patch });

function clockOrOff(word: string): number | null | undefined {
  if (OFF.has(word.normalize('NFKC').toLowerCase())) return null;
  return parseClock(word) ?? undefined;
}

/** What a setting that changes a list (closures) reads against: today in the team's zone, and the settings as they are. */
export interface SettingContext {
  readonly today: Day;
  readonly current: TeamSettings;
}

/**
 * Reads `/kpi settings <key> <value…>` into a change of settings, or the problem with it.
 * `parseSetting("weekly", ["mon", "09:30"])` → `{ weeklyDay: 1, weeklyTime: 570 }`.
 */
export function parseSetting(key: SettingKey, words: readonly string[], catalog: MetricCatalog, context?: SettingContext): SettingResult {
  const first = words[0];
  if (first === undefined) return fail({ code: 'missingValue', key });
  switch (key) {
    case 'channel':
      // A channel ID (the command layer reads it out of Slack's `<#C…|name>`).
      return /^[CG][A-Z0-9]+$/u.test(first) ? { ok: true, patch: {}, channelId: first } : fail({ code: 'badChannel', word: first });
    case 'timezone':
      return isTimeZone(first) ? set({ timezone: first }) : fail({ code: 'badZone', word: first });
    case 'language': {
      const lang = first.toLowerCase() === '日本語' ? 'ja' : first.toLowerCase() === 'english' || first === '英語' ? 'en' : first.toLowerCase();
      return isLocale(lang) ? set({ locale: lang }) : fail({ code: 'badLanguage', word: first });
    }
    case 'daily': {
      const time = clockOrOff(first);
      return time === undefined ? fail({ code: 'badClock', word: first }) : set({ dailyTime: time });
    }
    case 'weekly': {
      const weekday = parseWeekday(first);
      if (weekday === null) {
        const time = clockOrOff(first);
        return time === undefined ? fail({ code: 'badWeekday', word: first }) : set({ weeklyTime: time });
      }
      const timeWord = words[1];
      if (timeWord === undefined) return set({ weeklyDay: weekday });
      const time = clockOrOff(timeWord);
      return time === undefined ? fail({ code: 'badClock', word: timeWord }) : set({ weeklyDay: weekday, weeklyTime: time });
    }
    case 'workdays': {
      const text = words.join(',');
      const days = parseWorkdays(text);
      return days ? set({ workdays: days }) : fail({ code: 'badWorkdays', word: text });
    }
    case 'holidays': {
      const cal = first.toLowerCase();
      return (HOLIDAY_CALENDARS as readonly string[]).includes(cal) ? set({ holidays: cal as HolidayCalendar }) : fail({ code: 'badHolidays', word: first });
    }
    case 'catchup':
      return hoursSetting(first, 24, (hours) => ({ catchupHours: hours }));
    case 'morning-dm':
      return switchSetting(first, (on) => ({ morningDm: on }));
    case '1on1-checkin':
      return switchSetting(first, (on) => ({ checkIn: on }));
    case '1on1-lead':
      // `default` goes back to 2 hours before (the digest time for a morning 1on1).
      if (DEFAULT.has(first.normalize('NFKC').toLowerCase())) return set({ oneOnOneLeadHours: null });
      return hoursSetting(first, 48, (hours) => ({ oneOnOneLeadHours: hours }), true);
    case 'funnel':
      return funnelSetting(words, catalog);
    case 'reminder': {
      const on = parseSwitch(first);
      if (on !== null) return set({ reminderTime: on ? (context?.current.reminderTime ?? DEFAULT_REMINDER_TIME) : null });
      const time = parseClock(first);
      return time === null ? fail({ code: 'badClock', word: first }) : set({ reminderTime: time });
    }
    case 'pace-alerts':
      return switchSetting(first, (on) => ({ paceAlerts: on }));
    case 'month-review':
      return switchSetting(first, (on) => ({ monthReview: on }));
    case 'kickoff':
      return switchSetting(first, (on) => ({ kickoff: on }));
    case 'closures': {
      if (!context) return fail({ code: 'missingValue', key });
      const change = parseClosureChange(words, context.today);
      if (!change.ok) return fail(change.problem);
      const closures = applyClosureChange(context.current.closures, change.change, context.today);
      return closures ? set({ closures }) : fail({ code: 'tooManyClosures', max: MAX_CLOSURES });
    }
  }
}

/**
 * A funnel typed as its metrics in order, in either language, with or without arrows between them:
 * `calls → connects → meetings → wins`, `架電 商談 受注`. Each must be a flow the team logs; two at least.
 */
function funnelSetting(words: readonly string[], catalog: MetricCatalog): SettingResult {
  const keys: string[] = [];
  for (const word of words.flatMap((w) => w.split(/[→>,、]|->/u)).filter((w) => w.trim() !== '' && w.trim() !== '-')) {
    const def = catalog.resolve(word.trim());
    if (!def || def.kind !== 'flow' || def.retired) return fail({ code: 'badFunnelMetric', word: word.trim() });
    if (!keys.includes(def.key)) keys.push(def.key);
  }
  return keys.length >= 2 ? set({ funnel: keys }) : fail({ code: 'funnelTooShort' });
}

/** A whole number of hours from 0 to `max` (full-width digits too); `orDefault` when `default` is taken too. */
function hoursSetting(word: string, max: number, patch: (hours: number) => Partial<TeamSettings>, orDefault = false): SettingResult {
  const n = word.normalize('NFKC');
  const hours = /^\d{1,2}$/u.test(n) ? Number(n) : NaN;
  return hours >= 0 && hours <= max ? set(patch(hours)) : fail({ code: 'badHours', word, max, orDefault });
}

/** On or off, in either language (`on`, `yes`, `オン`, `有効` / `off`, `no`, `オフ`, `停止`…), or null. */
export function parseSwitch(word: string): boolean | null {
  const w = word.normalize('NFKC').toLowerCase();
  return ON.has(w) ? true : OFF.has(w) ? false : null;
}

function switchSetting(word: string, patch: (on: boolean) => Partial<TeamSettings>): SettingResult {
  const on = parseSwitch(word);
  return on === null ? fail({ code: 'badSwitch', word }) : set(patch(on));
}

/**
 * The day of a week the weekly review goes out: the first workday on or after the configured
 * weekday within that ISO week (Monday 2026-11-23 is a holiday in Japan, so Tuesday the 24th);
 * null when the rest of the week has no workday.
 */
export function weeklyReviewDay(settings: TeamSettings, anyDayOfWeek: Day): Day | null {
  const week = periodOf(anyDayOfWeek, 'week');
  const from = addDays(week.start, settings.weeklyDay - 1);
  return workdaysBetween(from, week.end, calendarOf(settings))[0] ?? null;
}

/**
 * The month's first workday: the day of a team's month-end review (of the month before) and kickoff
 * (of this one), and of a client's monthly report; null when the month has none.
 */
export function firstWorkdayOfMonth(settings: TeamSettings, anyDay: Day): Day | null {
  const month = periodOf(anyDay, 'month');
  return workdaysBetween(month.start, month.end, calendarOf(settings))[0] ?? null;
}

/**
 * The day of a client engagement's report in the week or month of `anyDay`: its weekly review day
 * for a weekly report, the month's first workday for a monthly one; null when there is none.
 */
export function reportDayOf(settings: TeamSettings, cadence: 'weekly' | 'monthly', anyDay: Day): Day | null {
  if (cadence === 'weekly') return weeklyReviewDay(settings, anyDay);
  return firstWorkdayOfMonth(settings, anyDay);
}
