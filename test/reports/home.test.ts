import { describe, expect, it } from 'vitest';
import { assertWithinLimits } from '../harness/block-kit.js';
import { day, type Day } from '../../src/domain/days.js';
import type { PeriodKind } from '../../src/domain/periods.js';
import { flowTotals } from '../../src/domain/rates.js';
import type { Locale } from '../../src/i18n/index.js';
import { HOME_PERIODS, memberAttainment, type HomeModel, type TeamPanel } from '../../src/reports/home.js';
import { statusModel, type KpiTarget, type StatusModel } from '../../src/reports/status.js';
import { homeView, OPEN_LOG_ACTION } from '../../src/reports/views/home.js';
import { BUILT_INS } from '../harness/metrics.js';

const TODAY = day('2026-11-20');
const CAL = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' as const };

type Values = Record<string, number>;
const target = (metric: string, value: number, period: PeriodKind): KpiTarget => ({ metric, schedules: [[{ value, period, effectiveFrom: day('2026-11-01') }]] });

const status = (kind: PeriodKind, values: Values, targets: readonly KpiTarget[], asOf: Day = TODAY): StatusModel =>
  statusModel({ userId: 'U1', role: null, kind, asOf, totals: flowTotals(values), targets, calendar: CAL, catalog: BUILT_INS });

function model(overrides: Partial<HomeModel> = {}, targets: readonly KpiTarget[] = [target('calls', 50, 'day')], totals: Values = { calls: 40 }): HomeModel {
  return {
    userId: 'U1',
    name: 'Aiko',
    locale: 'en',
    zone: 'Asia/Tokyo',
    today: TODAY,
    at: new Date('2026-11-20T05:07:00Z'),
    periods: HOME_PERIODS.map((k) => status(k, totals, targets)),
    streak: { days: 4, loggedToday: true, todayIsWorkday: true },
    team: null,
    catalog: BUILT_INS,
    ...overrides,
  };
}

function texts(value: unknown): string {
  if (Array.isArray(value)) return value.map(texts).join('\n');
  if (typeof value !== 'object' || value === null) return '';
  const v = value as Record<string, unknown>;
  return Object.entries(v)
    .map(([k, child]) => (k === 'text' && typeof child === 'string' ? child : texts(child)))
    .filter(Boolean)
    .join('\n');
}

describe('memberAttainment: a member’s month as one share', () => {
  it('averages the shares of the targets, each capped at 100%', () => {
    const month = status('month', { calls: 1900, meetings: 5 }, [target('calls', 950, 'month'), target('meetings', 10, 'month')]);
    expect(memberAttainment(month)).toBeCloseTo((1 + 0.5) / 2);
  });
  it('is null without targets, and leaves out a rate with nothing to divide by', () => {
    expect(memberAttainment(status('month', { calls: 10 }, []))).toBeNull();
    const month = status('month', { calls: 475 }, [target('calls', 950, 'month'), target('win_rate', 0.2, 'month')]);
    expect(memberAttainment(month)).toBeCloseTo(0.5);
  });
});

describe('homeView: a person’s App Home from its model', () => {
  it('leads with the title, the streak and the log button, then today, this week and this month', () => {
    const view = homeView(model());
    expect(view.type).toBe('home');
    const shown = texts(view.blocks);
    expect(shown.indexOf('Your KPIs, Aiko')).toBeLessThan(shown.indexOf('🔥 4 workdays in a row'));
    expect(shown.indexOf('*Today*')).toBeLessThan(shown.indexOf('*This week*'));
    expect(shown.indexOf('*This week*')).toBeLessThan(shown.indexOf('*This month*'));
    expect(shown).toContain('*Calls* 40 / 50 calls (80%)  ████████░░');
    expect(shown).toContain('Updated 14:07');
    const button = (view.blocks as { type: string; elements?: { action_id: string }[] }[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))[0];
    expect(button?.action_id).toBe(OPEN_LOG_ACTION);
  });

  it('says nothing of a forecast for today, which is its own whole period', () => {
    const view = homeView(model({}, [target('calls', 50, 'day')], { calls: 10 }));
    const today = texts(view.blocks.slice(0, 6));
    expect(today).toContain('Another 40 calls puts you on pace');
    expect(today).not.toContain('heading for');
  });

  it('offers the next day of a streak while today has no log, and a start when there is none', () => {
    expect(texts(homeView(model({ streak: { days: 2, loggedToday: false, todayIsWorkday: true } })).blocks)).toContain('A log today makes it 3.');
    expect(texts(homeView(model({ streak: { days: 2, loggedToday: false, todayIsWorkday: false } })).blocks)).not.toContain('A log today');
    expect(texts(homeView(model({ streak: { days: 0, loggedToday: false, todayIsWorkday: true } })).blocks)).toContain('Log today to start a streak.');
  });

  it('without a name or targets: a plain title and the way to get targets', () => {
    const shown = texts(homeView(model({ name: null }, [], {})).blocks);
    expect(shown).toContain('Your KPIs');
    expect(shown).toContain('Nothing logged yet.');
    expect(shown).toContain('No targets yet');
  });

  it.each<Locale>(['en', 'ja'])('stays inside Block Kit’s limits with every metric targeted and 60 members (%s)', (locale) => {
    const targets = BUILT_INS.logged.map((m) => target(m.key, 1_000, 'month'));
    const totals = Object.fromEntries(BUILT_INS.logged.map((m) => [m.key, 123]));
    const members = Array.from({ length: 60 }, (_, i) => ({ userId: `UMEMBER${i}`, attainment: i % 3 === 0 ? null : i / 60 }));
    const team: TeamPanel = { name: 'T'.repeat(200), month: status('month', totals, targets), members, withTargets: 40, atTarget: 10 };
    const view = homeView(model({ locale, team }, targets, totals));
    expect(() => assertWithinLimits(view as never, 'home')).not.toThrow();
    const shown = texts(view.blocks);
    expect(shown.match(/^<@UMEMBER\d+>: /gmu)).toHaveLength(20);
    expect(shown).toContain(locale === 'en' ? '…and 40 more' : '…ほか40人');
  });

  it('shows the team panel only when the model has one, with the share of members at 80%', () => {
    const team: TeamPanel = {
      name: 'Tokyo',
      month: status('month', { revenue: 3_000_000 }, [target('revenue', 10_000_000, 'month')]),
      members: [
        { userId: 'U1', attainment: 0.9 },
        { userId: 'U2', attainment: null },
      ],
      withTargets: 1,
      atTarget: 1,
    };
    expect(texts(homeView(model()).blocks)).not.toContain('Your team');
    const shown = texts(homeView(model({ team })).blocks);
    expect(shown).toContain('Your team: Tokyo');
    expect(shown).toContain('*Revenue* ¥3,000,000 / ¥10,000,000 (30%)');
    expect(shown).toContain('1 of 1 members at 80% of their targets or more (100%)');
    expect(shown).toContain('<@U1>: 90%  █████████░');
    expect(shown).toContain('<@U2>: no month targets yet');
  });

  it('a team panel without any member target says how to set them, in Japanese too', () => {
    const team: TeamPanel = { name: '東京', month: status('month', { calls: 30 }, []), members: [{ userId: 'U1', attainment: null }], withTargets: 0, atTarget: 0 };
    const shown = texts(homeView(model({ locale: 'ja', team })).blocks);
    expect(shown).toContain('あなたのチーム: 東京');
    expect(shown).toContain('今月ここまでの合計: 架電 30件');
    expect(shown).toContain('今月の目標があるメンバーはまだいません');
  });
});
