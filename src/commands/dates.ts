import { addDays, dayFromParts, daysBetween, yearOf, type Day } from '../domain/days.js';
import { wordTable } from '../domain/words.js';

/** When a log counts: days before today, a full date, or a month and day whose year is implied. */
export type DateSpec =
  | { readonly kind: 'daysAgo'; readonly days: number }
  | { readonly kind: 'day'; readonly day: Day }
  | { readonly kind: 'monthDay'; readonly month: number; readonly day: number };

export const TODAY: DateSpec = { kind: 'daysAgo', days: 0 };

const RELATIVE = wordTable<number>({
  today: 0,
  今日: 0,
  きょう: 0,
  本日: 0,
  yesterday: 1,
  yday: 1,
  昨日: 1,
  きのう: 1,
  一昨日: 2,
  おととい: 2,
  おとつい: 2,
  // Days ahead are read so a log dated tomorrow is told it cannot be, not that "tomorrow" is no metric.
  tomorrow: -1,
  明日: -1,
  あした: -1,
  あす: -1,
  明後日: -2,
  あさって: -2,
});

/** How far back a log may be dated. */
export const MAX_DAYS_BACK = 31;

export type DateWord = { readonly ok: true; readonly spec: DateSpec } | { readonly ok: false };

/**
 * Reads a token as a date when it looks like one: a `DateSpec`, `{ ok: false }` for a date-shaped token
 * that names no real date ("2/30"), or null when it is not a date at all.
 */
export function parseDateWord(token: string): DateWord | null {
  const word = token.toLowerCase();
  const relative = RELATIVE.get(word);
  if (relative !== undefined) return { ok: true, spec: { kind: 'daysAgo', days: relative } };

  const full = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u.exec(word) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u.exec(word);
  if (full) {
    const d = dayFromParts(Number(full[1]), Number(full[2]), Number(full[3]));
    return d ? { ok: true, spec: { kind: 'day', day: d } } : { ok: false };
  }
  const short = /^(\d{1,2})\/(\d{1,2})$/u.exec(word) ?? /^(\d{1,2})月(\d{1,2})日$/u.exec(word);
  if (short) {
    const month = Number(short[1]);
    const dom = Number(short[2]);
    // 2/29 is real in leap years, so check against one.
    return dayFromParts(2024, month, dom) ? { ok: true, spec: { kind: 'monthDay', month, day: dom } } : { ok: false };
  }
  return null;
}

export type ResolvedDay =
  | { readonly ok: true; readonly day: Day }
  | { readonly ok: false; readonly code: 'futureDate' | 'tooOld' | 'badDate'; readonly day?: Day };

/**
 * The day a spec names, seen from `today` in the person's zone. A month and day without a year is the
 * latest one not after today (typing 12/30 on January 2nd means last year's).
 */
export function resolveDay(spec: DateSpec, today: Day): ResolvedDay {
  let d: Day | null;
  if (spec.kind === 'daysAgo') d = addDays(today, -spec.days);
  else if (spec.kind === 'day') d = spec.day;
  else {
    d = dayFromParts(yearOf(today), spec.month, spec.day);
    if (!d || d > today) d = dayFromParts(yearOf(today) - 1, spec.month, spec.day);
  }
  if (!d) return { ok: false, code: 'badDate' };
  if (d > today) return { ok: false, code: 'futureDate', day: d };
  if (daysBetween(d, today) > MAX_DAYS_BACK) return { ok: false, code: 'tooOld', day: d };
  return { ok: true, day: d };
}

/** The canonical way to type a spec, for echoing and round trips. */
export function formatDateSpec(spec: DateSpec): string {
  if (spec.kind === 'daysAgo') return spec.days === 0 ? 'today' : spec.days === 1 ? 'yesterday' : spec.days === 2 ? '一昨日' : spec.days === -1 ? 'tomorrow' : '明後日';
  if (spec.kind === 'day') return spec.day;
  return `${spec.month}/${spec.day}`;
}
