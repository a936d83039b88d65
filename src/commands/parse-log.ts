import { isNegativeAmount, parseAmount, type Amount } from './amounts.js';
import { parseDateWord, TODAY, type DateSpec } from './dates.js';
import { fail, ok, type Result } from './problems.js';
import { MAX_NOTE_LENGTH, splitGlued, splitNote, tokenize } from './tokens.js';
import { MAX_NAME_WORDS, resolveMetric, suggestMetrics } from '../domain/metric-names.js';
import { LOGGED, isDerivedMetric, type LoggedMetric, type MetricKey } from '../domain/metrics.js';

export interface LogPair {
  readonly metric: LoggedMetric;
  readonly value: number;
}

export interface LogRequest {
  readonly kind: 'log';
  readonly pairs: readonly LogPair[];
  readonly date: DateSpec;
  readonly note: string | null;
}

/** The longest run of words from `i` that names a metric, and how many words it took. */
function metricAt(words: readonly string[], i: number): { metric: MetricKey; width: number } | null {
  for (let width = Math.min(MAX_NAME_WORDS, words.length - i); width >= 1; width -= 1) {
    const metric = resolveMetric(words.slice(i, i + width).join(' '));
    if (metric) return { metric, width };
  }
  return null;
}

/** One metric–number pair, checked the same way for `/kpi log` and the log form. */
export function checkPair(metric: MetricKey, amount: Amount, word: string): Result<LogPair> {
  if (isDerivedMetric(metric)) return fail({ code: 'derivedMetric', metric });
  const def = LOGGED[metric];
  if (amount.percent) return fail({ code: 'percentOnCount', metric, word });
  if (!Number.isInteger(amount.value)) return fail({ code: 'notWhole', metric, value: amount.value });
  if (amount.value > def.dailyMax) return fail({ code: 'tooLarge', metric, value: amount.value, max: def.dailyMax });
  return ok({ metric, value: amount.value });
}

/**
 * Parses the arguments of `/kpi log`: metric–number pairs in either order, an optional date and a
 * note after `--`. `parseLog("架電 ３０件 メール 5 昨日")` → calls 30, emails 5, yesterday.
 */
export function parseLog(text: string): Result<LogRequest> {
  const { args, note } = splitNote(text);
  if (note !== null && note.length > MAX_NOTE_LENGTH) return fail({ code: 'noteTooLong', max: MAX_NOTE_LENGTH });
  const words = tokenize(args).flatMap(splitGlued);

  const pairs: LogPair[] = [];
  let date: DateSpec | null = null;
  let pendingMetric: MetricKey | null = null;
  let pendingAmount: { amount: Amount; word: string } | null = null;

  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    const dateWord = parseDateWord(word);
    if (dateWord) {
      if (!dateWord.ok) return fail({ code: 'badDate', word });
      if (date) return fail({ code: 'twoDates', word });
      date = dateWord.spec;
      i += 1;
      continue;
    }
    const amount = parseAmount(word);
    if (amount) {
      if (pendingMetric) {
        const pair = checkPair(pendingMetric, amount, word);
        if (!pair.ok) return pair;
        pairs.push(pair.value);
        pendingMetric = null;
      } else if (pendingAmount) {
        return fail({ code: 'numberWithoutMetric', word: pendingAmount.word });
      } else {
        pendingAmount = { amount, word };
      }
      i += 1;
      continue;
    }
    if (isNegativeAmount(word)) return fail({ code: 'negative', metric: pendingMetric, word });
    const named = metricAt(words, i);
    if (named) {
      if (pendingAmount) {
        const pair = checkPair(named.metric, pendingAmount.amount, pendingAmount.word);
        if (!pair.ok) return pair;
        pairs.push(pair.value);
        pendingAmount = null;
      } else if (pendingMetric) {
        return fail({ code: 'missingValue', metric: pendingMetric });
      } else {
        pendingMetric = named.metric;
      }
      i += named.width;
      continue;
    }
    if (pendingMetric) return fail({ code: 'notANumber', metric: pendingMetric, word });
    return fail({ code: 'unknownMetric', word, suggestions: suggestMetrics(word) });
  }
  if (pendingMetric) return fail({ code: 'missingValue', metric: pendingMetric });
  if (pendingAmount) return fail({ code: 'numberWithoutMetric', word: pendingAmount.word });
  if (pairs.length === 0) return fail({ code: 'emptyLog' });
  return ok({ kind: 'log', pairs, date: date ?? TODAY, note });
}
