import { daysOf, rangesOf, type DayRange } from './calendar.js';
import { parseDayRange, type RangeLimits, type RangeProblem } from './day-ranges.js';
import type { Day } from './days.js';
import { wordTable } from './words.js';

/**
 * A team's company closures (年末年始, a summer closure): days the whole team does not work, besides
 * the weekly days off and the public holidays. A closure added for days already past fixes how those
 * days are counted; removing one only touches today and later, so past months keep their workdays.
 */

/** How far a closure may reach: a month at most, from a month back to a year ahead. */
export const CLOSURE_LIMITS: RangeLimits = { maxDays: 31, daysBack: 31, daysAhead: 366 };

/** The most closure ranges a team keeps (a few a year; years of them stay readable). */
export const MAX_CLOSURES = 60;

/** A change to a team's closures as typed after `/kpi settings closures`. */
export type ClosureChange = { readonly kind: 'add'; readonly range: DayRange } | { readonly kind: 'remove'; readonly range: DayRange } | { readonly kind: 'clear' };

export type ClosureProblem = { readonly code: 'badClosure'; readonly problem: RangeProblem } | { readonly code: 'tooManyClosures'; readonly max: number };

const VERBS = wordTable<'add' | 'remove' | 'clear'>({
  add: 'add',
  追加: 'add',
  remove: 'remove',
  delete: 'remove',
  cancel: 'remove',
  削除: 'remove',
  取消: 'remove',
  取り消し: 'remove',
  clear: 'clear',
  クリア: 'clear',
  全削除: 'clear',
});

/**
 * Reads `closures [add] 12/29-1/3`, `closures remove 12/29-1/3`, `closures clear` (and the same in
 * Japanese: `休業日 12/29〜1/3`, `休業日 削除 …`, `休業日 クリア`), seen from `today`.
 */
export function parseClosureChange(words: readonly string[], today: Day): { ok: true; change: ClosureChange } | { ok: false; problem: ClosureProblem } {
  const verb = VERBS.get((words[0] ?? '').normalize('NFKC').toLowerCase());
  if (verb === 'clear' && words.length === 1) return { ok: true, change: { kind: 'clear' } };
  const text = (verb ? words.slice(1) : words).join(' ');
  const parsed = parseDayRange(text, today, CLOSURE_LIMITS);
  if (!parsed.ok) return { ok: false, problem: { code: 'badClosure', problem: parsed.problem } };
  return { ok: true, change: { kind: verb === 'remove' ? 'remove' : 'add', range: parsed.range } };
}

/**
 * The closures after a change, as the fewest ranges in order; removing and clearing spare the days
 * before `today`. Null when the team would keep more than `MAX_CLOSURES` ranges.
 * `applyClosureChange([], { kind: "add", range: 12/29–1/3 }, today)` → `[12/29–1/3]`.
 */
export function applyClosureChange(current: readonly DayRange[], change: ClosureChange, today: Day): DayRange[] | null {
  const days = new Set(current.flatMap(daysOf));
  if (change.kind === 'add') for (const d of daysOf(change.range)) days.add(d);
  else {
    for (const d of [...days]) {
      const removed = change.kind === 'clear' || (change.range.from <= d && d <= change.range.to);
      if (removed && d >= today) days.delete(d);
    }
  }
  const ranges = rangesOf(days);
  return ranges.length > MAX_CLOSURES ? null : ranges;
}

/** Closures from today on: what a person planning ahead wants to read. */
export function upcomingClosures(closures: readonly DayRange[], today: Day): DayRange[] {
  return closures.filter((r) => r.to >= today);
}
