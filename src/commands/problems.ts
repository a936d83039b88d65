import type { Day } from '../domain/days.js';
import type { MetricDef } from '../domain/metrics.js';

/**
 * Everything a person can get wrong in a command, as values: each is rendered in their language
 * with the right form to type, and none of them stores anything.
 */
export type Problem =
  | { readonly code: 'unknownCommand'; readonly word: string; readonly suggestions: readonly string[] }
  | { readonly code: 'emptyLog' }
  | { readonly code: 'missingValue'; readonly metric: MetricDef }
  | { readonly code: 'notANumber'; readonly metric: MetricDef; readonly word: string }
  | { readonly code: 'numberWithoutMetric'; readonly word: string }
  | { readonly code: 'negative'; readonly metric: MetricDef | null; readonly word: string }
  | { readonly code: 'notWhole'; readonly metric: MetricDef; readonly value: number }
  | { readonly code: 'percentOnCount'; readonly metric: MetricDef; readonly word: string }
  | { readonly code: 'tooLarge'; readonly metric: MetricDef; readonly value: number; readonly max: number }
  | { readonly code: 'dayTotalTooLarge'; readonly metric: MetricDef; readonly total: number; readonly max: number }
  | { readonly code: 'unknownMetric'; readonly word: string; readonly suggestions: readonly MetricDef[] }
  | { readonly code: 'derivedMetric'; readonly metric: MetricDef; readonly numerator: readonly MetricDef[]; readonly denominator: MetricDef }
  | { readonly code: 'badDate'; readonly word: string }
  | { readonly code: 'twoDates'; readonly word: string }
  | { readonly code: 'missingClientName' }
  | { readonly code: 'decisionTooLong'; readonly max: number }
  | { readonly code: 'twoClients'; readonly word: string }
  | { readonly code: 'unknownClient'; readonly word: string; readonly choices: readonly string[] }
  | { readonly code: 'whichClient'; readonly choices: readonly string[] }
  | { readonly code: 'notInClient'; readonly client: string }
  | { readonly code: 'nothingToEdit'; readonly metric: MetricDef; readonly day: Day | null; readonly maxDaysBack: number }
  | { readonly code: 'snapshotTwice'; readonly metric: MetricDef; readonly values: readonly [number, number] }
  | { readonly code: 'futureDate'; readonly day: Day }
  | { readonly code: 'tooOld'; readonly day: Day; readonly maxDaysBack: number }
  | { readonly code: 'noteTooLong'; readonly max: number }
  | { readonly code: 'textTooLong'; readonly max: number }
  | { readonly code: 'unexpectedWord'; readonly command: string; readonly word: string }
  | { readonly code: 'missingMetric'; readonly command: string }
  | { readonly code: 'unknownMetricIn'; readonly command: string; readonly word: string; readonly suggestions: readonly MetricDef[] }
  | { readonly code: 'badTargetValue'; readonly command: string; readonly word: string }
  | { readonly code: 'badPeriod'; readonly command: string; readonly word: string }
  | { readonly code: 'missingPeople'; readonly command: string }
  | { readonly code: 'unknownRole'; readonly word: string }
  | { readonly code: 'missingTeamName' }
  | { readonly code: 'unknownSettingKey'; readonly word: string }
  | { readonly code: 'unknownWord'; readonly command: string; readonly word: string }
  | { readonly code: 'badRate'; readonly word: string }
  | { readonly code: 'retiredMetric'; readonly metric: MetricDef }
  | { readonly code: 'handoffNotAPerson'; readonly word: string }
  | { readonly code: 'badFormula'; readonly word: string };

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(problem: Problem): Result<T> => ({ ok: false, problem });
