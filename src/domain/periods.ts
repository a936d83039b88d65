import { addDays, dayFromParts, isoWeekday, monthOf, yearOf, type Day } from './days.js';

/**
 * Periods a target or a report covers: calendar spans of whole days. Weeks start on Monday,
 * quarters are calendar quarters (Jan–Mar, Apr–Jun, …) and a year is January to December.
 */

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A span of days, both ends included: November 2026 is `{ kind: "month", start: "2026-11-01", end: "2026-11-30" }`. */
export interface Period {
  readonly kind: PeriodKind;
  readonly start: Day;
  readonly end: Day;
}

function firstOfMonth(year: number, month: number): Day {
  // Months past December roll into the next year, so "month 13" is January.
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return dayFromParts(y, m, 1)!;
}

/** A span of whole months starting at `month` (1–12) of `year`. */
function monthsFrom(kind: PeriodKind, year: number, month: number, count: number): Period {
  return { kind, start: firstOfMonth(year, month), end: addDays(firstOfMonth(year, month + count), -1) };
}

/**
 * The period of a kind that contains a day.
 * `periodOf("2026-11-20", "week")` → Monday 2026-11-16 to Sunday 2026-11-22;
 * `periodOf("2026-11-20", "quarter")` → 2026-10-01 to 2026-12-31.
 */
export function periodOf(d: Day, kind: PeriodKind): Period {
  const year = yearOf(d);
  const month = monthOf(d);
  switch (kind) {
    case 'day':
      return { kind, start: d, end: d };
    case 'week': {
      const start = addDays(d, 1 - isoWeekday(d));
      return { kind, start, end: addDays(start, 6) };
    }
    case 'month':
      return monthsFrom(kind, year, month, 1);
    case 'quarter':
      return monthsFrom(kind, year, month - ((month - 1) % 3), 3);
    case 'year':
      return monthsFrom(kind, year, 1, 12);
  }
}

/** The period of the same kind just before: `previousPeriod(November 2026)` → October 2026. */
export function previousPeriod(p: Period): Period {
  return periodOf(addDays(p.start, -1), p.kind);
}

/** The period of the same kind just after: `nextPeriod(December 2026)` → January 2027. */
export function nextPeriod(p: Period): Period {
  return periodOf(addDays(p.end, 1), p.kind);
}

/** Whether a day falls in a period: `periodContains(November 2026, "2026-11-30")` → true. */
export function periodContains(p: Period, d: Day): boolean {
  return p.start <= d && d <= p.end;
}

const PERIOD_WORDS: Readonly<Record<PeriodKind, readonly string[]>> = {
  day: ['day', 'days', 'daily', 'd', '日', '日次', '毎日', '1日', '一日'],
  week: ['week', 'weeks', 'weekly', 'wk', '週', '週次', '毎週', '週間', '1週間'],
  month: ['month', 'months', 'monthly', 'mo', '月', '月次', '毎月', '月間', 'ひと月'],
  quarter: ['quarter', 'quarters', 'quarterly', 'q', 'qtr', '四半期', '四半期ごと'],
  year: ['year', 'years', 'annual', 'annually', 'yearly', 'yr', '年', '年間', '毎年', '年次'],
};

const PERIOD_INDEX: ReadonlyMap<string, PeriodKind> = new Map(
  PERIOD_KINDS.flatMap((kind) => PERIOD_WORDS[kind].map((word) => [word, kind] as const)),
);

/**
 * The period kind a word names, in English or Japanese, full- or half-width, any case; null when
 * unknown. `parsePeriodWord("Monthly")` → `"month"`; `parsePeriodWord("四半期")` → `"quarter"`.
 */
export function parsePeriodWord(word: string): PeriodKind | null {
  return PERIOD_INDEX.get(word.normalize('NFKC').trim().toLowerCase()) ?? null;
}
