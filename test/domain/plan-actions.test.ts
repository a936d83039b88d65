import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_INS, keyed } from '../harness/metrics.js';
import { actionKept, agreedActions, type ActionCadence } from '../../src/domain/plan-actions.js';
import { messages } from '../../src/i18n/index.js';

const read = (plan: string) => keyed(agreedActions(plan, BUILT_INS).map(({ metric, amount, per }) => ({ metric, amount, per })));

describe('agreedActions: the actions of a plan that map to a KPI', () => {
  it('reads the seed’s action plan: the monthly KPI and ten new leads a day, not the follow-ups or the role-play', () => {
    const seed = [
      '・KPI',
      '月間新規契約数20件',
      '・施策',
      '新規リード獲得を強化し、商談数を増やす',
      '・具体的なアクション',
      '①毎日10件の新規リードにアプローチをする',
      '②既存リードへのフォローアップを徹底する(メール・電話)',
      '③週に1回営業トークのロールプレイングを実施する',
    ].join('\n');
    expect(read(seed)).toEqual([
      { metric: 'wins', amount: 20, per: 'month' },
      { metric: 'leads', amount: 10, per: 'workday' },
    ]);
  });

  it.each([
    ['毎日新規リード10件にアプローチ', [{ metric: 'leads', amount: 10, per: 'workday' }]],
    ['10 new leads a day', [{ metric: 'leads', amount: 10, per: 'workday' }]],
    ['calls 50 a day', [{ metric: 'calls', amount: 50, per: 'workday' }]],
    ['Every Day 30 Calls', [{ metric: 'calls', amount: 30, per: 'workday' }]],
    ['架電を毎日50件', [{ metric: 'calls', amount: 50, per: 'workday' }]],
    ['50 sales calls every workday', [{ metric: 'calls', amount: 50, per: 'workday' }]],
    ['今月、終盤の商談に2件同行する', [{ metric: 'ride_alongs', amount: 2, per: 'month' }]],
    ['calls 50 meetings 3 a day', [{ metric: 'calls', amount: 50, per: 'workday' }, { metric: 'meetings', amount: 3, per: 'workday' }]],
    ['50 calls 3 meetings a day', [{ metric: 'calls', amount: 50, per: 'workday' }, { metric: 'meetings', amount: 3, per: 'workday' }]],
    ['売上100万円/月', [{ metric: 'revenue', amount: 1_000_000, per: 'month' }]],
    ['Book 8 meetings a week', [{ metric: 'meetings', amount: 8, per: 'week' }]],
    ['Call at 9:00 every day, 40 calls', [{ metric: 'calls', amount: 40, per: 'workday' }]],
  ])('“%s”', (plan, expected) => {
    expect(read(plan)).toEqual(expected);
  });

  it.each([
    '週3回ロールプレイ',
    '週に1回、冒頭トークと商談打診のロールプレイをする',
    'Role-play the opening 3 times a week',
    'KPI: Meetings 50',
    'Raise the meeting rate to 20% every month',
    'Review the 11/20 calls every day',
    '',
  ])('“%s” names no KPI action', (plan) => {
    expect(read(plan)).toEqual([]);
  });

  it('finds ten new leads a workday and two ride-alongs a month in the plans the prep proposes, in both languages, and no other of its actions', () => {
    const kpis: Record<string, unknown[]> = {
      tenNewLeads: [{ metric: 'leads', amount: 10, per: 'workday' }],
      rideAlong: [{ metric: 'ride_alongs', amount: 2, per: 'month' }],
    };
    for (const locale of ['en', 'ja'] as const) {
      const actions = messages(locale).oneonone.actions;
      for (const [key, text] of Object.entries(actions)) expect(read(text), `${locale} ${key}`).toEqual(kpis[key] ?? []);
    }
  });

  it('says each metric and cadence once, the first time', () => {
    expect(read('calls 50 a day\ncalls 60 a day\ncalls 200 a week')).toEqual([
      { metric: 'calls', amount: 50, per: 'workday' },
      { metric: 'calls', amount: 200, per: 'week' },
    ]);
  });

  const activities = BUILT_INS.logged.filter((d) => d.kind === 'flow' && d.better === 'higher');
  const CADENCE_WORDS: Record<ActionCadence, { en: string[]; ja: string[] }> = {
    workday: { en: ['a day', 'per day', 'every day', 'each workday', 'daily', 'every business day'], ja: ['毎日', '毎営業日', '1日あたり'] },
    week: { en: ['a week', 'per week', 'every week', 'weekly'], ja: ['毎週', '週に', '週あたり'] },
    month: { en: ['a month', 'per month', 'every month', 'monthly'], ja: ['毎月', '月間', '今月'] },
  };

  it('reads any logged activity with any amount and cadence, however the sentence is turned, in either language', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...activities),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom<ActionCadence>('workday', 'week', 'month'),
        fc.nat(),
        fc.nat(),
        (metric, amount, per, pickCadence, pickForm) => {
          const en = CADENCE_WORDS[per].en[pickCadence % CADENCE_WORDS[per].en.length]!;
          const ja = CADENCE_WORDS[per].ja[pickCadence % CADENCE_WORDS[per].ja.length]!;
          const counter = metric.unit === 'currency' ? '円' : metric.counterJa || '件';
          const forms = [
            `${amount} ${metric.label.en} ${en}`,
            `${metric.label.en} ${amount} ${en}`,
            `Aim for ${amount} new ${metric.label.en} ${en}.`,
            `${ja}${metric.label.ja}${amount}${counter}`,
            `${ja}${amount}${counter}の${metric.label.ja}を目指す`,
            `${metric.label.ja}を${ja}${amount}${counter}`,
          ];
          const plan = forms[pickForm % forms.length]!;
          expect(read(plan), plan).toEqual([{ metric: metric.key, amount, per }]);
        },
      ),
      { numRuns: 400, seed: 15 },
    );
  });

  it('never throws, and whatever it reads is a logged activity with an amount above zero', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (plan) => {
        for (const a of agreedActions(plan, BUILT_INS)) {
          expect(a.metric.kind).toBe('flow');
          expect(a.metric.better).toBe('higher');
          expect(a.amount).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500, seed: 16 },
    );
  });

  it('reads nothing from a plan without a number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }).map((s) => s.replace(/[\d０-９①-⑳]/gu, '')), (plan) => {
        expect(agreedActions(plan, BUILT_INS)).toEqual([]);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});

describe('actionKept', () => {
  it('says what was logged per the action’s cadence and as a share of the agreement', () => {
    const daily = actionKept({ amount: 10 }, 84, 10, 1)!;
    expect(daily.perCadence).toBeCloseTo(8.4, 10);
    expect(daily.share).toBeCloseTo(0.84, 10);
    expect(actionKept({ amount: 8 }, 20, 10, 5)).toEqual({ perCadence: 10, share: 1.25 });
    expect(actionKept({ amount: 10 }, 5, 0, 1)).toBeNull();
  });
});
