import type { Day } from '../domain/days.js';
import type { DerivedMetric, LoggedMetric, MetricKey } from '../domain/metrics.js';

/**
 * Everything a person can get wrong in a command, as values: each is rendered in their language
 * with the right form to type, and none of them stores anything.
 */
export type Problem =
  | { readonly code: 'unknownCommand'; readonly word: string; readonly suggestions: readonly string[] }
  | { readonly code: 'emptyLog' }
  | { readonly code: 'missingValue'; readonly metric: MetricKey }
  | { readonly code: 'notANumber'; readonly metric: MetricKey; readonly word: string }
  | { readonly code: 'numberWithoutMetric'; readonly word: string }
  | { readonly code: 'negative'; readonly metric: MetricKey | null; readonly word: string }
  | { readonly code: 'notWhole'; readonly metric: LoggedMetric; readonly value: number }
  | { readonly code: 'percentOnCount'; readonly metric: LoggedMetric; readonly word: string }
  | { readonly code: 'tooLarge'; readonly metric: LoggedMetric; readonly value: number; readonly max: number }
  | { readonly code: 'dayTotalTooLarge'; readonly metric: LoggedMetric; readonly total: number; readonly max: number }
  | { readonly code: 'unknownMetric'; readonly word: string; readonly suggestions: readonly MetricKey[] }
  | { readonly code: 'derivedMetric'; readonly metric: DerivedMetric }
  | { readonly code: 'badDate'; readonly word: string }
  | { readonly code: 'twoDates'; readonly word: string }
  | { readonly code: 'futureDate'; readonly day: Day }
  | { readonly code: 'tooOld'; readonly day: Day; readonly maxDaysBack: number }
  | { readonly code: 'noteTooLong'; readonly max: number }
  | { readonly code: 'textTooLong'; readonly max: number }
  | { readonly code: 'unexpectedWord'; readonly command: string; readonly word: string }
  | { readonly code: 'missingMetric'; readonly command: string }
  | { readonly code: 'unknownMetricIn'; readonly command: string; readonly word: string; readonly suggestions: readonly MetricKey[] }
  | { readonly code: 'badTargetValue'; readonly command: string; readonly word: string }
  | { readonly code: 'badPeriod'; readonly command: string; readonly word: string }
  | { readonly code: 'missingPeople'; readonly command: string }
  | { readonly code: 'unknownRole'; readonly word: string }
  | { readonly code: 'missingTeamName' }
  | { readonly code: 'unknownSettingKey'; readonly word: string }
  | { readonly code: 'unknownWord'; readonly command: string; readonly word: string }
  | { readonly code: 'badRate'; readonly word: string };

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(problem: Problem): Result<T> => ({ ok: false, problem });
