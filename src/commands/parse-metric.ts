import { parseAmount } from './amounts.js';
import { fail, ok, type Result } from './problems.js';
import type { MetricDraft } from '../domain/metric-drafts.js';
import type { Better, Unit } from '../domain/metrics.js';
import { wordTable } from '../domain/words.js';

export type { MetricDraft } from '../domain/metric-drafts.js';

/**
 * `/kpi metric …`: a team's own metric definitions, typed the way people say them.
 * `metric add 有効商談 count aliases valid-meetings`, `metric rate 有効商談率 = 有効商談 / 商談`.
 */

export type MetricRequest =
  | { readonly kind: 'metricList' }
  | { readonly kind: 'metricForm' }
  | { readonly kind: 'metricAdd'; readonly draft: MetricDraft }
  | { readonly kind: 'metricEdit'; readonly draft: MetricDraft }
  | { readonly kind: 'metricRetire'; readonly name: string; readonly retire: boolean }
  | { readonly kind: 'metricDefine'; readonly name: string; readonly text: string | null };

/** `metric edit <name> definition <text>`: what the metric counts, in the words agreed ("none" clears it). */
const DEFINITION_WORDS = new Set(['definition', 'means', 'defined', '定義']);
const CLEAR_WORDS = new Set(['none', 'clear', '-', 'なし', '削除']);
/** The longest agreed definition: a sentence or two. */
export const MAX_DEFINITION_LENGTH = 300;

const SUBCOMMANDS = wordTable<'add' | 'rate' | 'edit' | 'retire' | 'restore' | 'list' | 'form'>({
  add: 'add',
  new: 'add',
  追加: 'add',
  rate: 'rate',
  率: 'rate',
  edit: 'edit',
  change: 'edit',
  変更: 'edit',
  編集: 'edit',
  retire: 'retire',
  remove: 'retire',
  delete: 'retire',
  廃止: 'retire',
  削除: 'retire',
  restore: 'restore',
  unretire: 'restore',
  復活: 'restore',
  戻す: 'restore',
  list: 'list',
  一覧: 'list',
  form: 'form',
  フォーム: 'form',
});

type Option = 'unit' | 'kind' | 'aliases' | 'en' | 'ja' | 'max' | 'better' | 'counter' | 'at';

/** Option words, each starting a clause of the definition. */
const OPTIONS = wordTable<{ option: Option; value?: string }>({
  count: { option: 'unit', value: 'count' },
  件数: { option: 'unit', value: 'count' },
  回数: { option: 'unit', value: 'count' },
  currency: { option: 'unit', value: 'currency' },
  money: { option: 'unit', value: 'currency' },
  amount: { option: 'unit', value: 'currency' },
  金額: { option: 'unit', value: 'currency' },
  円: { option: 'unit', value: 'currency' },
  percent: { option: 'unit', value: 'percent' },
  '%': { option: 'unit', value: 'percent' },
  パーセント: { option: 'unit', value: 'percent' },
  score: { option: 'unit', value: 'score' },
  スコア: { option: 'unit', value: 'score' },
  flow: { option: 'kind', value: 'flow' },
  sum: { option: 'kind', value: 'flow' },
  フロー: { option: 'kind', value: 'flow' },
  合計: { option: 'kind', value: 'flow' },
  snapshot: { option: 'kind', value: 'snapshot' },
  level: { option: 'kind', value: 'snapshot' },
  スナップショット: { option: 'kind', value: 'snapshot' },
  時点: { option: 'kind', value: 'snapshot' },
  残高: { option: 'kind', value: 'snapshot' },
  aliases: { option: 'aliases' },
  alias: { option: 'aliases' },
  別名: { option: 'aliases' },
  en: { option: 'en' },
  english: { option: 'en' },
  英語: { option: 'en' },
  ja: { option: 'ja' },
  japanese: { option: 'ja' },
  日本語: { option: 'ja' },
  max: { option: 'max' },
  上限: { option: 'max' },
  lower: { option: 'better', value: 'lower' },
  'lower-is-better': { option: 'better', value: 'lower' },
  少ないほど良い: { option: 'better', value: 'lower' },
  higher: { option: 'better', value: 'higher' },
  多いほど良い: { option: 'better', value: 'higher' },
  counter: { option: 'counter' },
  助数詞: { option: 'counter' },
  at: { option: 'at' },
  期首: { option: 'at', value: 'start' },
  期末: { option: 'at', value: 'end' },
});

const optionOf = (word: string) => OPTIONS.get(word.normalize('NFKC').toLowerCase());

const EMPTY: Omit<MetricDraft, 'name'> = { kind: null, unit: null, outOf: null, aliases: null, en: null, ja: null, dailyMax: null, better: null, counter: null, formula: null };

/** The words up to the next option word (or the end), and where they stop. */
function clause(words: readonly string[], from: number): { words: string[]; next: number } {
  let i = from;
  while (i < words.length && !optionOf(words[i]!)) i += 1;
  return { words: words.slice(from, i), next: i };
}

/** A rate's formula as typed: `A [+ B…] / C` (also `÷`), the words around the operators being metric names. */
function parseFormula(words: readonly string[]): { numerator: string[]; denominator: string } | null {
  const text = words.join(' ').replace(/÷/gu, '/').replace(/＋/gu, '+');
  const [top, bottom, ...more] = text.split('/');
  if (top === undefined || bottom === undefined || more.length > 0) return null;
  const numerator = top.split('+').map((w) => w.trim()).filter(Boolean);
  const denominator = bottom.trim();
  return numerator.length > 0 && denominator ? { numerator, denominator } : null;
}

/** Reads a definition's clauses after its name: unit, kind, aliases, names, ceiling, direction. */
function readOptions(words: readonly string[], from: number, draft: MetricDraft): Result<MetricDraft> {
  let d = draft;
  for (let i = from; i < words.length; ) {
    const word = words[i]!;
    const o = optionOf(word);
    if (!o) return fail({ code: 'unknownWord', command: 'metric', word });
    const rest = clause(words, i + 1);
    switch (o.option) {
      case 'unit': {
        if (o.value === 'score') {
          const outOf = rest.words[0] ? parseAmount(rest.words[0]) : null;
          d = { ...d, unit: 'score', outOf: outOf && !outOf.percent && outOf.value > 0 ? outOf.value : 5 };
          i = rest.words.length ? i + 2 : i + 1;
          continue;
        }
        d = { ...d, unit: o.value as Unit };
        i += 1;
        continue;
      }
      case 'kind':
        d = { ...d, kind: o.value as 'flow' | 'snapshot' };
        i += 1;
        continue;
      case 'better':
        d = { ...d, better: o.value as Better };
        i += 1;
        continue;
      case 'at': {
        const where = o.value ?? (rest.words[0] ?? '').toLowerCase();
        const at = where === 'start' || where === '期首' ? 'start' : where === 'end' || where === '期末' ? 'end' : null;
        if (!at || !d.formula) return fail({ code: 'unknownWord', command: 'metric', word: rest.words[0] ?? word });
        d = { ...d, formula: { ...d.formula, at } };
        i = o.value ? i + 1 : i + 2;
        continue;
      }
      case 'aliases': {
        const aliases = rest.words.join(' ').split(/[,、，]/u).map((a) => a.trim()).filter(Boolean);
        if (aliases.length === 0) return fail({ code: 'unknownWord', command: 'metric', word });
        d = { ...d, aliases };
        i = rest.next;
        continue;
      }
      case 'en':
      case 'ja':
      case 'counter': {
        const value = rest.words.join(' ').trim();
        if (!value) return fail({ code: 'unknownWord', command: 'metric', word });
        d = { ...d, [o.option]: value };
        i = rest.next;
        continue;
      }
      case 'max': {
        const amount = rest.words[0] ? parseAmount(rest.words[0]) : null;
        if (!amount || amount.percent || amount.value <= 0) return fail({ code: 'badTargetValue', command: 'metric', word: rest.words[0] ?? '' });
        d = { ...d, dailyMax: amount.value };
        i += 2;
        continue;
      }
    }
  }
  return ok(d);
}

/** `metric`, `metric add <name> [options]`, `metric rate <name> = <a> [+ <b>] / <c> [at start]`, `metric edit|retire|restore <name>`. */
export function parseMetric(typed: readonly string[]): Result<MetricRequest> {
  // `有効商談率=有効商談/商談` without spaces: the equals sign is a word of its own.
  const words = typed.flatMap((w) => w.split(/([=＝])/u).filter(Boolean));
  if (words.length === 0) return ok({ kind: 'metricList' });
  const sub = SUBCOMMANDS.get(words[0]!.normalize('NFKC').toLowerCase());
  if (!sub) return fail({ code: 'unknownWord', command: 'metric', word: words[0]! });
  if (sub === 'list') return ok({ kind: 'metricList' });
  if (sub === 'form') return ok({ kind: 'metricForm' });
  const name = clause(words, 1);
  if (sub === 'add' && words.length === 1) return ok({ kind: 'metricForm' });
  if (sub === 'rate') {
    const eq = words.findIndex((w, i) => i > 0 && (w === '=' || w === '＝'));
    const nameWords = eq > 0 ? words.slice(1, eq) : [];
    if (nameWords.length === 0) return fail({ code: 'missingMetric', command: 'metric' });
    const body = clause(words, eq + 1);
    const formula = parseFormula(body.words);
    if (!formula) return fail({ code: 'badFormula', word: body.words.join(' ') });
    const draft: MetricDraft = { ...EMPTY, name: nameWords.join(' '), formula: { ...formula, at: null } };
    const read = readOptions(words, body.next, draft);
    return read.ok ? ok({ kind: 'metricAdd', draft: read.value }) : read;
  }
  const defining = sub === 'edit' ? words.findIndex((w, i) => i >= 2 && DEFINITION_WORDS.has(w.toLowerCase())) : -1;
  if (defining > 0) {
    const text = words.slice(defining + 1).join(' ').trim();
    if (text.length > MAX_DEFINITION_LENGTH) return fail({ code: 'noteTooLong', max: MAX_DEFINITION_LENGTH });
    return ok({ kind: 'metricDefine', name: words.slice(1, defining).join(' '), text: text === '' || CLEAR_WORDS.has(text.toLowerCase()) ? null : text });
  }
  if (name.words.length === 0) return fail({ code: 'missingMetric', command: 'metric' });
  const draft: MetricDraft = { ...EMPTY, name: name.words.join(' ') };
  if (sub === 'retire' || sub === 'restore') {
    if (name.next < words.length) return fail({ code: 'unknownWord', command: 'metric', word: words[name.next]! });
    return ok({ kind: 'metricRetire', name: draft.name, retire: sub === 'retire' });
  }
  // `edit <name> = <formula>` changes a rate's formula.
  const eq = words.findIndex((w, i) => i > 0 && (w === '=' || w === '＝'));
  let withFormula = draft;
  let from = name.next;
  if (sub === 'edit' && eq > 0) {
    const body = clause(words, eq + 1);
    const formula = parseFormula(body.words);
    if (!formula) return fail({ code: 'badFormula', word: body.words.join(' ') });
    withFormula = { ...EMPTY, name: words.slice(1, eq).join(' '), formula: { ...formula, at: null } };
    from = body.next;
  }
  const read = readOptions(words, from, withFormula);
  if (!read.ok) return read;
  return ok({ kind: sub === 'add' ? 'metricAdd' : 'metricEdit', draft: read.value });
}
