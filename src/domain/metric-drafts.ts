import type { MetricCatalog } from './metric-catalog.js';
import { normalizeName, type Better, type MetricDef, type SnapshotAt, type Unit } from './metrics.js';

/**
 * A team's own metric definitions from what a manager typed (`/kpi metric add`, `/kpi metric rate`,
 * the form): checked against the workspace's names and formulas, so every name means one metric and
 * every formula has one name.
 */

/** A definition as typed: names and words, resolved against the workspace's catalog by the handler. */
export interface MetricDraft {
  /** The name as typed (the label in its language). */
  readonly name: string;
  readonly kind: 'flow' | 'snapshot' | null;
  readonly unit: Unit | null;
  readonly outOf: number | null;
  readonly aliases: readonly string[] | null;
  readonly en: string | null;
  readonly ja: string | null;
  readonly dailyMax: number | null;
  readonly better: Better | null;
  readonly counter: string | null;
  /** For a rate: the metric words of the numerator (added together) and the denominator. */
  readonly formula: { readonly numerator: readonly string[]; readonly denominator: string; readonly at: SnapshotAt | null } | null;
}

/** What can be wrong with a definition, said to the person who typed it. */
export type MetricProblem =
  | { readonly code: 'nameTaken'; readonly name: string; readonly metric: MetricDef }
  | { readonly code: 'unknownOperand'; readonly word: string; readonly suggestions: readonly MetricDef[] }
  | { readonly code: 'operandIsRate'; readonly metric: MetricDef }
  | { readonly code: 'startNeedsSnapshot'; readonly metric: MetricDef }
  | { readonly code: 'loggedAsPercent' }
  | { readonly code: 'notFound'; readonly name: string; readonly suggestions: readonly MetricDef[] }
  | { readonly code: 'kindFixed'; readonly metric: MetricDef }
  | { readonly code: 'formulaOnCount'; readonly metric: MetricDef }
  | { readonly code: 'usedBy'; readonly metric: MetricDef; readonly users: readonly MetricDef[] }
  | { readonly code: 'sameFormula'; readonly metric: MetricDef };

type Built = { readonly ok: true; readonly def: MetricDef } | { readonly ok: false; readonly problem: MetricProblem };

const isAscii = (s: string) => /^[\x20-\x7e]+$/u.test(s);

/** A canonical key for a new metric: its English name as a slug (`valid_meetings`), else its name as typed. */
export function keyFor(en: string, name: string, catalog: MetricCatalog): string {
  const slug = en.toLowerCase().replace(/[^a-z0-9]+/gu, '_').replace(/^_+|_+$/gu, '');
  const base = /^[a-z][a-z0-9_]*$/u.test(slug) ? slug : normalizeName(name);
  let key = base;
  for (let n = 2; catalog.get(key); n += 1) key = `${base}_${n}`;
  return key;
}

/** `"valid meetings"` → `"valid meeting"`: a plain English singular, good enough for "1 valid meeting". */
const singularOf = (en: string) => (/[^s]s$/u.test(en) ? en.slice(0, -1) : en);

/** The first name of a definition's names that another active metric already answers to. */
function takenName(names: readonly string[], catalog: MetricCatalog, self: string | null): { name: string; metric: MetricDef } | null {
  for (const name of names) {
    const owner = catalog.resolve(name);
    if (owner && owner.key !== self) return { name, metric: owner };
  }
  return null;
}

/** A rate's formula from the words typed, every operand a logged metric of the workspace. */
function formulaOf(draft: MetricDraft, catalog: MetricCatalog): { ok: true; value: NonNullable<MetricDef['formula']> } | { ok: false; problem: MetricProblem } {
  const f = draft.formula!;
  const operands: MetricDef[] = [];
  for (const word of [...f.numerator, f.denominator]) {
    const def = catalog.resolve(word);
    if (!def || def.retired) return { ok: false, problem: { code: 'unknownOperand', word, suggestions: catalog.suggest(word) } };
    if (def.kind === 'rate') return { ok: false, problem: { code: 'operandIsRate', metric: def } };
    operands.push(def);
  }
  const denominator = operands[operands.length - 1]!;
  if (f.at === 'start' && denominator.kind !== 'snapshot') return { ok: false, problem: { code: 'startNeedsSnapshot', metric: denominator } };
  // A snapshot base is read as the period starts (churned ÷ customers at period start) unless told otherwise.
  const at = f.at ?? (denominator.kind === 'snapshot' ? 'start' : 'end');
  return { ok: true, value: { numerator: operands.slice(0, -1).map((d) => d.key), denominator: denominator.key, denominatorAt: at } };
}

/** The active rate (other than `self`) that already has this formula: one formula has one name. */
function sameFormula(f: NonNullable<MetricDef['formula']>, catalog: MetricCatalog, self: string | null): MetricDef | null {
  const same = (g: NonNullable<MetricDef['formula']>) =>
    g.denominator === f.denominator && g.denominatorAt === f.denominatorAt && [...g.numerator].sort().join('+') === [...f.numerator].sort().join('+');
  return catalog.rates.find((r) => r.key !== self && same(r.formula!)) ?? null;
}

/** A new definition from what was typed, checked against the workspace's names. */
export function buildDefinition(draft: MetricDraft, catalog: MetricCatalog): Built {
  const en = draft.en ?? (isAscii(draft.name) ? draft.name : (draft.aliases ?? []).find(isAscii)?.replace(/[-_]/gu, ' ') ?? draft.name);
  const ja = draft.ja ?? (isAscii(draft.name) ? ((draft.aliases ?? []).find((a) => !isAscii(a)) ?? draft.name) : draft.name);
  const aliases = (draft.aliases ?? []).filter((a) => a !== en && a !== ja);
  const taken = takenName([draft.name, en, ja, ...aliases], catalog, null);
  if (taken) return { ok: false, problem: { code: 'nameTaken', name: taken.name, metric: taken.metric } };
  const key = keyFor(en, draft.name, catalog);
  if (draft.formula) {
    const formula = formulaOf(draft, catalog);
    if (!formula.ok) return formula;
    const twin = sameFormula(formula.value, catalog, null);
    if (twin) return { ok: false, problem: { code: 'sameFormula', metric: twin } };
    const top = catalog.def(formula.value.numerator[0]!);
    const bottom = catalog.def(formula.value.denominator);
    const unit: Unit = draft.unit ?? (top.unit === 'currency' && bottom.unit !== 'currency' ? 'currency' : 'percent');
    return {
      ok: true,
      def: {
        key,
        kind: 'rate',
        unit,
        label: { en, ja },
        singular: en,
        counterJa: '',
        aliases,
        dailyMax: null,
        better: draft.better ?? 'higher',
        formula: formula.value,
        outOf: unit === 'score' ? (draft.outOf ?? 5) : null,
        builtIn: false,
        retired: false,
      },
    };
  }
  const unit = draft.unit ?? 'count';
  if (unit === 'percent' || unit === 'score') return { ok: false, problem: { code: 'loggedAsPercent' } };
  return {
    ok: true,
    def: {
      key,
      kind: draft.kind ?? 'flow',
      unit,
      label: { en, ja },
      singular: singularOf(en),
      counterJa: draft.counter ?? (unit === 'count' ? '件' : ''),
      aliases,
      dailyMax: draft.dailyMax ?? (unit === 'currency' ? 1_000_000_000_000 : 10_000),
      better: draft.better ?? 'higher',
      formula: null,
      outOf: null,
      builtIn: false,
      retired: false,
    },
  };
}

/** A definition revised by what was typed: names, aliases, ceiling, direction, unit, a rate's formula; never its kind. */
export function reviseDefinition(def: MetricDef, draft: MetricDraft, catalog: MetricCatalog): Built {
  if (draft.kind && draft.kind !== def.kind) return { ok: false, problem: { code: 'kindFixed', metric: def } };
  if (draft.formula && def.kind !== 'rate') return { ok: false, problem: { code: 'formulaOnCount', metric: def } };
  const label = { en: draft.en ?? def.label.en, ja: draft.ja ?? def.label.ja };
  const aliases = draft.aliases ?? def.aliases;
  const taken = takenName([label.en, label.ja, ...aliases], catalog, def.key);
  if (taken) return { ok: false, problem: { code: 'nameTaken', name: taken.name, metric: taken.metric } };
  let formula = def.formula;
  if (draft.formula) {
    const f = formulaOf(draft, catalog);
    if (!f.ok) return f;
    const twin = sameFormula(f.value, catalog, def.key);
    if (twin) return { ok: false, problem: { code: 'sameFormula', metric: twin } };
    formula = f.value;
  }
  if (def.kind !== 'rate' && (draft.unit === 'percent' || draft.unit === 'score')) return { ok: false, problem: { code: 'loggedAsPercent' } };
  return {
    ok: true,
    def: {
      ...def,
      label,
      singular: draft.en ? singularOf(draft.en) : def.singular,
      aliases,
      unit: draft.unit ?? def.unit,
      outOf: draft.unit === 'score' ? (draft.outOf ?? 5) : def.outOf,
      counterJa: draft.counter ?? def.counterJa,
      dailyMax: def.kind === 'rate' ? null : (draft.dailyMax ?? def.dailyMax),
      better: draft.better ?? def.better,
      formula,
    },
  };
}

