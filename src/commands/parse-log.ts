import { isNegativeAmount, parseAmount, type Amount } from './amounts.js';
import { parseDateWord, TODAY, type DateSpec } from './dates.js';
import { fail, ok, type Result } from './problems.js';
import { channelMention, MAX_NOTE_LENGTH, spaceSeparators, splitGlued, splitNote, tokenize, userMention } from './tokens.js';
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
  /** The client engagement named (`@acme`, or its channel `<#C…>`); absent when the log names none. */
  readonly client?: string;
}

/** `/kpi edit calls 40 [yesterday]`: the right numbers for the latest log of each metric (of that day, when given). */
export interface EditRequest {
  readonly kind: 'edit';
  readonly pairs: readonly LogPair[];
  readonly date: DateSpec | null;
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

const handoffKey = (p: LogPair): string => (p.handoff ? `${p.handoff.direction}:${p.handoff.userId}` : '');

/**
 * One pair per metric (and handoff): `calls 5 calls 6` is calls 11, checked against the day's limit
 * as one number. A snapshot said twice with two values is a question only the person can answer.
 */
function mergeRepeated(pairs: readonly LogPair[], catalog: MetricCatalog): Result<LogPair[]> {
  const merged: LogPair[] = [];
  for (const pair of pairs) {
    const at = merged.findIndex((p) => p.metric.key === pair.metric.key && handoffKey(p) === handoffKey(pair));
    if (at < 0) {
      merged.push(pair);
      continue;
    }
    const earlier = merged[at]!;
    if (pair.metric.kind === 'snapshot') {
      if (earlier.value !== pair.value) return fail({ code: 'snapshotTwice', metric: pair.metric, values: [earlier.value, pair.value] });
      continue;
    }
    const sum = earlier.value + pair.value;
    const checked = checkPair(pair.metric, { value: sum, percent: false }, String(sum), catalog);
    if (!checked.ok) return checked;
    merged[at] = { ...earlier, value: sum };
  }
  return ok(merged);
}

/**
 * Parses the arguments of `/kpi log`: metric–number pairs in either order, separated by spaces or
 * the punctuation people type (`、`, `,`, `:`, `・`, `/`), an optional date and a note after `--`.
 * `parseLog("架電 ３０件、メール 5 昨日")` → calls 30, emails 5, yesterday. All or nothing.
 */
export function parseLog(text: string, catalog: MetricCatalog): Result<LogRequest> {
  const read = parsePairs(text, catalog);
  if (!read.ok) return read;
  const { pairs, date, note, client } = read.value;
  return ok({ kind: 'log', pairs, date: date ?? TODAY, note, ...(client === null ? {} : { client }) });
}

/**
 * Parses `/kpi edit`: the pairs of a log (the same words, separators and checks) and an optional
 * date, without a note. `parseEdit("架電 40 昨日")` → calls 40 in yesterday's latest log.
 */
export function parseEdit(text: string, catalog: MetricCatalog): Result<EditRequest> {
  const read = parsePairs(text, catalog);
  if (!read.ok) return read.problem.code === 'emptyLog' ? fail({ code: 'missingMetric', command: 'edit' }) : read;
  if (read.value.note !== null) return fail({ code: 'unexpectedWord', command: 'edit', word: `-- ${read.value.note}` });
  if (read.value.client !== null) return fail({ code: 'unexpectedWord', command: 'edit', word: read.value.client });
  return ok({ kind: 'edit', pairs: read.value.pairs, date: read.value.date });
}

/** `@acme` (a client's name typed after @) or a channel mention: the engagement a log is for. */
function clientWord(word: string): string | null {
  if (channelMention(word)) return word;
  return /^@[^\s@<>]+$/u.test(word) ? word.slice(1) : null;
}

function parsePairs(text: string, catalog: MetricCatalog): Result<{ pairs: LogPair[]; date: DateSpec | null; note: string | null; client: string | null }> {
  const { args, note } = splitNote(text);
  if (note !== null && note.length > MAX_NOTE_LENGTH) return fail({ code: 'noteTooLong', max: MAX_NOTE_LENGTH });
  const words = tokenize(spaceSeparators(args)).flatMap(splitGlued);

  const pairs: LogPair[] = [];
  let date: DateSpec | null = null;
  let pendingMetric: MetricDef | null = null;
  let pendingAmount: { amount: Amount; word: string } | null = null;
  let client: string | null = null;

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
    const named = clientWord(word);
    if (named !== null) {
      if (client !== null) return fail({ code: 'twoClients', word });
      client = named;
      i += 1;
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
    const metric = metricAt(words, i, catalog);
    if (metric) {
      if (pendingAmount) {
        const pair = checkPair(metric.metric, pendingAmount.amount, pendingAmount.word, catalog);
        if (!pair.ok) return pair;
        pairs.push(pair.value);
        pendingAmount = null;
      } else if (pendingMetric) {
        return fail({ code: 'missingValue', metric: pendingMetric });
      } else {
        pendingMetric = metric.metric;
      }
      i += metric.width;
      continue;
    }
    if (pendingMetric) return fail({ code: 'notANumber', metric: pendingMetric, word });
    return fail({ code: 'unknownMetric', word, suggestions: catalog.suggest(word) });
  }
  if (pendingMetric) return fail({ code: 'missingValue', metric: pendingMetric });
  if (pendingAmount) return fail({ code: 'numberWithoutMetric', word: pendingAmount.word });
  if (pairs.length === 0) return fail({ code: 'emptyLog' });
  const merged = mergeRepeated(pairs, catalog);
  if (!merged.ok) return merged;
  return ok({ pairs: merged.value, date, note, client });
}
