import type { DayRange } from './calendar.js';
import { addDays, dayFromParts, daysBetween, monthOf, yearOf, type Day } from './days.js';

/**
 * Ranges of days as people type them for days off and closures: `12/24-12/26`, `12/24`,
 * `12/29-1/3` (across the new year), `2026-12-24~2026-12-26`, `12月24日〜26日`, `12/24 to 12/26`.
 */

/** What is wrong with a typed range, for the person to fix. */
export type RangeProblem =
  | { readonly code: 'badRange'; readonly word: string }
  | { readonly code: 'tooLong'; readonly days: number; readonly max: number }
  | { readonly code: 'tooFarBack'; readonly day: Day; readonly max: number }
  | { readonly code: 'tooFarAhead'; readonly day: Day; readonly max: number };

export type RangeResult = { readonly ok: true; readonly range: DayRange } | { readonly ok: false; readonly problem: RangeProblem };

/** How far a range may reach: its length, and how far before and after today it may start. */
export interface RangeLimits {
  readonly maxDays: number;
  readonly daysBack: number;
  readonly daysAhead: number;
}

/** A typed date before year inference: a full date, or a month and day (or a day of the start's month). */
type DatePart = { readonly kind: 'full'; readonly day: Day } | { readonly kind: 'monthDay'; readonly month: number; readonly dom: number } | { readonly kind: 'dom'; readonly dom: number };

const FULL = String.raw`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})年(\d{1,2})月(\d{1,2})日?`;
const MONTH_DAY = String.raw`(\d{1,2})[/.](\d{1,2})|(\d{1,2})月(\d{1,2})日?`;
const DATE = `(?:${FULL}|${MONTH_DAY})`;
const SEPARATOR = String.raw`\s*(?:-|–|—|~|〜|から|to|until|\.\.)\s*`;
const PATTERN = new RegExp(String.raw`^(?<start>${DATE})(?:${SEPARATOR}(?<end>${DATE}|\d{1,2}日?))?\s*(?:まで)?$`, 'iu');

function datePart(text: string): DatePart | null {
  const full = new RegExp(`^(?:${FULL})$`, 'u').exec(text);
  if (full) {
    const [y, m, d] = full[1] ? [full[1], full[2], full[3]] : [full[4], full[5], full[6]];
    const day = dayFromParts(Number(y), Number(m), Number(d));
    return day ? { kind: 'full', day } : null;
  }
  const md = new RegExp(`^(?:${MONTH_DAY})$`, 'u').exec(text);
  if (md) {
    const [m, d] = md[1] ? [md[1], md[2]] : [md[3], md[4]];
    // 2/29 is real in leap years, so check against one.
    return dayFromParts(2024, Number(m), Number(d)) ? { kind: 'monthDay', month: Number(m), dom: Number(d) } : null;
  }
  const dom = /^(\d{1,2})日?$/u.exec(text);
  return dom && Number(dom[1]) >= 1 && Number(dom[1]) <= 31 ? { kind: 'dom', dom: Number(dom[1]) } : null;
}

/** The first occurrence of a month and day on or after `from` (the 29th of February may wait for a leap year). */
function onOrAfter(month: number, dom: number, from: Day): Day | null {
  for (let year = yearOf(from); year <= yearOf(from) + 4; year += 1) {
    const d = dayFromParts(year, month, dom);
    if (d && d >= from) return d;
  }
  return null;
}

/**
 * Reads a typed range seen from `today`: a month and day without a year is the first one on or after
 * `today − daysBack` (so `12/29-1/3` typed in November is this winter's, and typed on 2 January still
 * means the closure under way); an end without a year is the first on or after the start.
 * `parseDayRange("12/29-1/3", "2026-11-20", limits)` → 2026-12-29 to 2027-01-03.
 */
export function parseDayRange(text: string, today: Day, limits: RangeLimits): RangeResult {
  const typed = text.normalize('NFKC').trim().replace(/\s+/gu, ' ');
  const bad: RangeResult = { ok: false, problem: { code: 'badRange', word: text.trim() } };
  const m = PATTERN.exec(typed);
  if (!m) return bad;
  const start = datePart(m.groups!.start!);
  const endText = m.groups!.end;
  const end = endText === undefined ? start : datePart(endText);
  if (!start || !end || start.kind === 'dom') return bad;
  const earliest = addDays(today, -limits.daysBack);
  const from = start.kind === 'full' ? start.day : onOrAfter(start.month, start.dom, earliest);
  if (!from) return bad;
  let to: Day | null;
  if (end.kind === 'full') to = end.day;
  else if (end.kind === 'monthDay') {
    // 12/26-12/24 is backwards, not a range of a year; 12/29-1/3 crosses into the next year.
    if (start.kind === 'monthDay' && end.month === start.month && end.dom < start.dom) return bad;
    to = onOrAfter(end.month, end.dom, from);
  }
  else {
    // A bare day of the month: in the start's month, or the next one when it comes before the start (12月30日〜3日).
    const same = dayFromParts(yearOf(from), monthOf(from), end.dom);
    const next = monthOf(from) === 12 ? dayFromParts(yearOf(from) + 1, 1, end.dom) : dayFromParts(yearOf(from), monthOf(from) + 1, end.dom);
    to = same && same >= from ? same : next;
  }
  if (!to || to < from) return bad;
  const days = daysBetween(from, to) + 1;
  if (days > limits.maxDays) return { ok: false, problem: { code: 'tooLong', days, max: limits.maxDays } };
  if (from < earliest) return { ok: false, problem: { code: 'tooFarBack', day: from, max: limits.daysBack } };
  if (daysBetween(today, from) > limits.daysAhead) return { ok: false, problem: { code: 'tooFarAhead', day: from, max: limits.daysAhead } };
  return { ok: true, range: { from, to } };
}
