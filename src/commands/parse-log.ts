import { isNegativeAmount, parseAmount, type Amount } from './amounts.js';
import { parseDateWord, TODAY, type DateSpec } from './dates.js';
import { fail, ok, type Result } from './problems.js';
import { MAX_NOTE_LENGTH, splitGlued, splitNote, tokenize, userMention } from './tokens.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';

/** Who a pair was handed to (`→ @field-rep`) or credited from (`← @inside-rep`). */
export interface PairHandoff {
  readonly userId: string;
  readonly direction: 'to' | 'from';
}

export interface LogPair {
  readonly metric: MetricDef;
  readonly value: number;
  readonly handoff?: PairHandoff;
}

export interface LogRequest {
  readonly kind: 'log';
  readonly pairs: readonly LogPair[];
  readonly date: DateSpec;
  readonly note: string | null;
}

/** The longest run of words from `i` that names a metric, and how many words it took. */
function metricAt(words: readonly string[], i: number, catalog: MetricCatalog): { metric: MetricDef; width: number } | null {
  for (let width = Math.min(catalog.maxNameWords, words.length - i); width >= 1; width -= 1) {
    const metric = catalog.resolve(words.slice(i, i + width).join(' '));
    if (metric) return { metric, width };
  }
  return null;
}

/** One metric–number pair, checked the same way for `/kpi log` and the log form. */
export function checkPair(metric: MetricDef, amount: Amount, word: string, catalog: MetricCatalog): Result<LogPair> {
  if (metric.formula) return fail({ code: 'derivedMetric', metric, numerator: metric.formula.numerator.map((k) => catalog.def(k)), denominator: catalog.def(metric.formula.denominator) });
  if (metric.retired) return fail({ code: 'retiredMetric', metric });
  if (amount.percent) return fail({ code: 'percentOnCount', metric, word });
  if (!Number.isInteger(amount.value)) return fail({ code: 'notWhole', metric, value: amount.value });
  if (metric.dailyMax !== null && amount.value > metric.dailyMax) return fail({ code: 'tooLarge', metric, value: amount.value, max: metric.dailyMax });
  return ok({ metric, value: amount.value });
}

/** Arrows and words that hand a pair to someone, or credit it from someone: `商談 1 → @field-rep`, `受注 1 ← @inside-rep`. */
const HANDOFF_WORDS: ReadonlyMap<string, 'to' | 'from'> = new Map([
  ['→', 'to'],
  ['->', 'to'],
  ['-&gt;', 'to'],
  ['⇒', 'to'],
  ['to', 'to'],
  ['←', 'from'],
  ['<-', 'from'],
  ['&lt;-', 'from'],
  ['⇐', 'from'],
  ['from', 'from'],
]);

/** Japanese writes the person first: `商談 1 @千葉へ`, `受注 1 @秋山から`. */
const HANDOFF_PARTICLES: ReadonlyMap<string, 'to' | 'from'> = new Map([
  ['へ', 'to'],
  ['に', 'to'],
  ['から', 'from'],
]);

/**
 * Parses the arguments of `/kpi log`: metric–number pairs in either order, an optional date and a
 * note after `--`. `parseLog("架電 ３０件 メール 5 昨日")` → calls 30, emails 5, yesterday.
 */
export function parseLog(text: string, catalog: MetricCatalog): Result<LogRequest> {
  const { args, note } = splitNote(text);
  if (note !== null && note.length > MAX_NOTE_LENGTH) return fail({ code: 'noteTooLong', max: MAX_NOTE_LENGTH });
  const words = tokenize(args).flatMap(splitGlued);

  const pairs: LogPair[] = [];
  let date: DateSpec | null = null;
  let pendingMetric: MetricDef | null = null;
  let pendingAmount: { amount: Amount; word: string } | null = null;

  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    const direction = HANDOFF_WORDS.get(word.toLowerCase());
    if (direction) {
      // The arrow belongs to the pair just read, and names one person.
      const person = words[i + 1] === undefined ? null : userMention(words[i + 1]!);
      const last = pairs[pairs.length - 1];
      if (!person) return fail({ code: 'handoffNotAPerson', word: words[i + 1] ?? word });
      if (!last || pendingMetric || pendingAmount) return fail({ code: 'numberWithoutMetric', word });
      pairs[pairs.length - 1] = { ...last, handoff: { userId: person, direction } };
      i += 2;
      continue;
    }
    const mentioned = userMention(word);
    const particle = words[i + 1] === undefined ? undefined : HANDOFF_PARTICLES.get(words[i + 1]!);
    if (mentioned && particle) {
      const last = pairs[pairs.length - 1];
      if (!last || pendingMetric || pendingAmount) return fail({ code: 'numberWithoutMetric', word });
      pairs[pairs.length - 1] = { ...last, handoff: { userId: mentioned, direction: particle } };
      i += 2;
      continue;
    }
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
        const pair = checkPair(pendingMetric, amount, word, catalog);
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
    const named = metricAt(words, i, catalog);
    if (named) {
      if (pendingAmount) {
        const pair = checkPair(named.metric, pendingAmount.amount, pendingAmount.word, catalog);
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
    return fail({ code: 'unknownMetric', word, suggestions: catalog.suggest(word) });
  }
  if (pendingMetric) return fail({ code: 'missingValue', metric: pendingMetric });
  if (pendingAmount) return fail({ code: 'numberWithoutMetric', word: pendingAmount.word });
  if (pairs.length === 0) return fail({ code: 'emptyLog' });
  return ok({ kind: 'log', pairs, date: date ?? TODAY, note });
}
