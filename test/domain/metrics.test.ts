import { describe, expect, it } from 'vitest';
import { MAX_NAME_WORDS, metricNames, normalizeName, resolveMetric } from '../../src/domain/metric-names.js';
import {
  DERIVED,
  DERIVED_METRICS,
  LOGGED,
  LOGGED_METRICS,
  isDerivedMetric,
  isLoggedMetric,
  metricAggregation,
  metricBetter,
  metricLabel,
  metricUnit,
  type MetricKey,
} from '../../src/domain/metrics.js';
import { ROLES, ROLE_TEMPLATES } from '../../src/domain/templates.js';
import { FUNNEL_TREE_METRICS, SEED_EXAMPLE_TREE, type KpiTreeNode } from '../../src/domain/tree.js';

const ALL: readonly MetricKey[] = [...LOGGED_METRICS, ...DERIVED_METRICS];
const isMetric = (key: string): boolean => isLoggedMetric(key) || isDerivedMetric(key);

describe('the metric registry', () => {
  it('every name of every metric resolves to that metric and no other', () => {
    for (const key of ALL) {
      for (const name of metricNames(key)) expect({ name, metric: resolveMetric(name) }).toEqual({ name, metric: key });
    }
  });

  it('no two metrics share a name once case, width, spaces and hyphens are folded', () => {
    const owner = new Map<string, MetricKey>();
    const clashes: string[] = [];
    for (const key of ALL) {
      for (const name of new Set(metricNames(key).map(normalizeName))) {
        const prior = owner.get(name);
        if (prior && prior !== key) clashes.push(`${name}: ${prior} / ${key}`);
        owner.set(name, key);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('the role-template metrics are understood when typed in English or Japanese', () => {
    const typed: [string, MetricKey][] = [
      ['ターゲット企業数', 'target_accounts'],
      ['accounts targeted', 'target_accounts'],
      ['キーマン接触数', 'key_person_contacts'],
      ['decision-maker contacts', 'key_person_contacts'],
      ['担当顧客数', 'accounts'],
      ['customers', 'accounts'],
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
    ];
    for (const [word, metric] of typed) expect({ word, metric: resolveMetric(word) }).toEqual({ word, metric });
  });

  it('a parser may span as many words as the longest name has', () => {
    const longest = Math.max(...ALL.flatMap(metricNames).map((n) => n.split(/\s+/u).length));
    expect(MAX_NAME_WORDS).toBe(longest);
    expect(resolveMetric('target account meeting rate')).toBe('account_meeting_rate');
  });

  it('every derived metric divides two logged metrics', () => {
    for (const key of DERIVED_METRICS) {
      expect(isLoggedMetric(DERIVED[key].numerator)).toBe(true);
      expect(isLoggedMetric(DERIVED[key].denominator)).toBe(true);
    }
  });

  it('the new rates divide what DOMAIN.md and the seeds say', () => {
    const formula = (key: (typeof DERIVED_METRICS)[number]) => `${DERIVED[key].numerator} / ${DERIVED[key].denominator}`;
    expect(formula('lead_meeting_rate')).toBe('meetings / leads');
    expect(formula('account_meeting_rate')).toBe('meetings / target_accounts');
    expect(formula('key_person_rate')).toBe('key_person_contacts / meetings');
    expect(formula('repeat_rate')).toBe('renewals / accounts');
    expect(formula('upsell_rate')).toBe('upsells / accounts');
    expect(formula('cross_sell_rate')).toBe('cross_sells / accounts');
    expect(formula('churn_rate')).toBe('churns / accounts');
    expect(formula('csat')).toBe('csat_points / csat_responses');
  });

  it('fewer churns and a lower churn rate are better; more is better for everything else', () => {
    const lower = ALL.filter((k) => metricBetter(k) === 'lower');
    expect(lower.sort()).toEqual(['churn_rate', 'churns']);
  });

  it('only the pipeline is a snapshot; every other logged metric sums over a period', () => {
    expect(LOGGED_METRICS.filter((k) => metricAggregation(k) === 'latest')).toEqual(['pipeline']);
  });

  it('CSAT is a score out of 5 and the pipeline an amount of money', () => {
    expect(metricUnit('csat')).toBe('score');
    expect(DERIVED.csat.outOf).toBe(5);
    expect(metricUnit('pipeline')).toBe('currency');
    expect(metricUnit('csat_points')).toBe('count');
  });

  it('every metric has a label in both languages', () => {
    for (const key of ALL) {
      expect(metricLabel(key, 'en')).not.toBe('');
      expect(metricLabel(key, 'ja')).not.toBe('');
    }
  });

  it('every logged metric has a positive daily ceiling', () => {
    for (const key of LOGGED_METRICS) expect(LOGGED[key].dailyMax).toBeGreaterThan(0);
  });

  it('every metric a role template sets a target on exists', () => {
    for (const role of ROLES) for (const t of ROLE_TEMPLATES[role]) expect({ role, metric: t.metric, known: isMetric(t.metric) }).toEqual({ role, metric: t.metric, known: true });
  });

  it('every metric of the funnel tree and the seed tree exists', () => {
    const inTree = (n: KpiTreeNode): MetricKey[] => [n.metric, ...n.children.flatMap(inTree)];
    for (const metric of [...FUNNEL_TREE_METRICS, ...inTree(SEED_EXAMPLE_TREE)]) expect(isMetric(metric)).toBe(true);
  });
});
