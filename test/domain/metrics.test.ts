import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRICS } from '../../src/domain/builtin-metrics.js';
import { MetricCatalog } from '../../src/domain/metric-catalog.js';
import { inputsOf, metricNames, normalizeName, type MetricDef } from '../../src/domain/metrics.js';
import { metricValue, flowTotals } from '../../src/domain/rates.js';
import { ROLES, ROLE_TEMPLATES } from '../../src/domain/templates.js';
import { SEED_EXAMPLE_TREE, type KpiTreeNode } from '../../src/domain/tree.js';
import { BUILT_INS, def } from '../harness/metrics.js';

const ALL = BUILT_IN_METRICS;
const formula = (key: string) => {
  const f = def(key).formula!;
  return `${f.numerator.join(' + ')} / ${f.denominator}${f.denominatorAt === 'start' ? ' at start' : ''}`;
};

describe('a name folded to one form', () => {
  it('drops spaces, hyphens, underscores, middle dots and control characters, and folds width and case', () => {
    expect(normalizeName('Ride-Alongs')).toBe('ridealongs');
    expect(normalizeName('有効・商談')).toBe('有効商談');
    expect(normalizeName('ＶＡＬＩＤ meetings')).toBe('validmeetings');
    // A key never holds a control character: the store joins keys with one.
    expect(normalizeName('valid\u001fmeetings\u0000')).toBe('validmeetings');
  });
});

describe('the built-in metric definitions', () => {
  it('every name of every metric resolves to that metric and no other', () => {
    for (const d of ALL) {
      for (const name of metricNames(d)) expect({ name, metric: BUILT_INS.resolve(name)?.key }).toEqual({ name, metric: d.key });
    }
  });

  it('no two metrics share a name once case, width, spaces and hyphens are folded: one label, one definition', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const d of ALL) {
      for (const name of new Set(metricNames(d).map(normalizeName))) {
        const prior = owner.get(name);
        if (prior && prior !== d.key) clashes.push(`${name}: ${prior} / ${d.key}`);
        owner.set(name, d.key);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('no two rates share a formula, so every formula has exactly one label', () => {
    const rates = ALL.filter((d) => d.kind === 'rate');
    const formulas = rates.map((d) => formula(d.key));
    expect(new Set(formulas).size).toBe(rates.length);
  });

  it('the role-template metrics are understood when typed in English or Japanese', () => {
    const typed: [string, string][] = [
      ['ターゲット企業数', 'target_accounts'],
      ['accounts targeted', 'target_accounts'],
      ['キーマン接触数', 'key_person_contacts'],
      ['decision-maker contacts', 'key_person_contacts'],
      ['担当顧客数', 'customers'],
      ['customers', 'customers'],
      ['対応顧客数', 'accounts'],
      ['継続数', 'renewals'],
      ['リピート', 'renewals'],
      ['repeat orders', 'renewals'],
      ['CSAT合計点', 'csat_points'],
      ['ＣＳＡＴ回答数', 'csat_responses'],
      ['パイプライン金額', 'pipeline'],
      ['Pipeline Value', 'pipeline'],
      ['リード商談化率', 'lead_meeting_rate'],
      ['ターゲット企業アポ率', 'account_meeting_rate'],
      ['キーマン接触率', 'key_person_rate'],
      ['リピート率', 'repeat_rate'],
      ['アップセル率', 'upsell_rate'],
      ['cross-sell rate', 'cross_sell_rate'],
      ['解約率', 'churn_rate'],
      ['顧客満足度', 'csat'],
      ['CSAT', 'csat'],
      ['商談化率', 'meeting_rate'],
      ['アポ率', 'connect_meeting_rate'],
      ['MRR', 'mrr'],
      ['新規顧客獲得数', 'wins'],
    ];
    for (const [word, metric] of typed) expect({ word, metric: BUILT_INS.resolve(word)?.key }).toEqual({ word, metric });
  });

  it('a parser may span as many words as the longest name has', () => {
    const longest = Math.max(...ALL.flatMap(metricNames).map((n) => n.split(/\s+/u).length));
    expect(BUILT_INS.maxNameWords).toBe(longest);
    expect(BUILT_INS.resolve('target account meeting rate')?.key).toBe('account_meeting_rate');
  });

  it('every rate divides logged metrics of the catalog', () => {
    for (const d of ALL.filter((x) => x.kind === 'rate')) {
      for (const input of inputsOf(d)) expect({ rate: d.key, input, logged: BUILT_INS.get(input)?.kind !== 'rate' && BUILT_INS.get(input) !== undefined }).toEqual({ rate: d.key, input, logged: true });
    }
  });

  it('the rates divide what DOMAIN.md and the seeds say; the customer-base rates divide by the customers at the period’s start', () => {
    expect(formula('meeting_rate')).toBe('meetings / calls');
    expect(formula('connect_meeting_rate')).toBe('meetings / connects');
    expect(formula('win_rate')).toBe('wins / meetings');
    expect(formula('lead_meeting_rate')).toBe('meetings / leads');
    expect(formula('account_meeting_rate')).toBe('meetings / target_accounts');
    expect(formula('key_person_rate')).toBe('key_person_contacts / meetings');
    expect(formula('repeat_rate')).toBe('renewals / customers at start');
    expect(formula('upsell_rate')).toBe('upsells / customers at start');
    expect(formula('cross_sell_rate')).toBe('cross_sells / customers at start');
    expect(formula('expansion_rate')).toBe('upsells + cross_sells / customers at start');
    expect(formula('churn_rate')).toBe('churns / customers at start');
    expect(formula('csat')).toBe('csat_points / csat_responses');
  });

  it('fewer churns and a lower churn rate are better; more is better for everything else', () => {
    expect(ALL.filter((d) => d.better === 'lower').map((d) => d.key).sort()).toEqual(['churn_rate', 'churns']);
  });

  it('the pipeline, the customers in charge and MRR are snapshots; every other logged metric is a flow', () => {
    expect(ALL.filter((d) => d.kind === 'snapshot').map((d) => d.key).sort()).toEqual(['customers', 'mrr', 'pipeline']);
  });

  it('CSAT is a score out of 5 and the pipeline an amount of money', () => {
    expect(def('csat').unit).toBe('score');
    expect(def('csat').outOf).toBe(5);
    expect(def('pipeline').unit).toBe('currency');
    expect(def('csat_points').unit).toBe('count');
  });

  it('every metric has a label in both languages, and every logged one a positive daily ceiling', () => {
    for (const d of ALL) expect(d.label.en && d.label.ja).toBeTruthy();
    for (const d of ALL.filter((x) => x.kind !== 'rate')) expect(d.dailyMax).toBeGreaterThan(0);
  });

  it('every metric a role template or the seed tree names exists', () => {
    for (const role of ROLES) {
      const t = ROLE_TEMPLATES[role];
      for (const x of [...t.main, ...t.secondary]) expect({ role, metric: x.metric, known: BUILT_INS.get(x.metric) !== undefined }).toEqual({ role, metric: x.metric, known: true });
    }
    const inTree = (n: KpiTreeNode): string[] => [n.metric, ...n.children.flatMap(inTree)];
    for (const metric of inTree(SEED_EXAMPLE_TREE)) expect(BUILT_INS.get(metric)).toBeDefined();
  });
});

describe('a catalog with a retired and a custom metric', () => {
  const custom: MetricDef = { ...def('meetings'), key: 'valid_meetings', label: { en: 'valid meetings', ja: '有効商談' }, singular: 'valid meeting', aliases: ['valid-meetings'], builtIn: false };
  const catalog = new MetricCatalog([...ALL.map((d) => (d.key === 'emails' ? { ...d, retired: true } : d)), custom]);

  it('resolves the custom metric by any of its names, and keeps the retired one known but unoffered', () => {
    expect(catalog.resolve('有効商談')?.key).toBe('valid_meetings');
    expect(catalog.resolve('Valid-Meetings')?.key).toBe('valid_meetings');
    expect(catalog.resolve('メール')?.retired).toBe(true);
    expect(catalog.logged.map((d) => d.key)).not.toContain('emails');
    expect(catalog.retired.map((d) => d.key)).toEqual(['emails']);
    expect(catalog.suggest('emials').map((d) => d.key)).not.toContain('emails');
  });

  it('names a funnel step by the rate whose formula it is', () => {
    expect(catalog.rateOf('meetings', 'calls')?.key).toBe('meeting_rate');
    expect(catalog.rateOf('meetings', 'connects')?.key).toBe('connect_meeting_rate');
    expect(catalog.rateOf('valid_meetings', 'meetings')).toBeNull();
  });

  it('a rate of snapshots reads its base as the period starts', () => {
    const t = { values: { churns: 4, customers: 96 }, atStart: { customers: 100 }, asOf: { customers: '2026-11-30' as never } };
    expect(metricValue(def('churn_rate'), t)).toBeCloseTo(0.04);
    expect(metricValue(def('churn_rate'), flowTotals({ churns: 4 }))).toBeNull();
  });
});
