import { describe, expect, it } from 'vitest';
import { day } from '../../src/domain/days.js';
import { MEMBER_AT_TARGET_SHARE, ROLES, ROLE_TEMPLATES, parseRoleWord, templateItems, templateTargets, type Role } from '../../src/domain/templates.js';
import { BUILT_INS, def } from '../harness/metrics.js';

const all = (role: Role) => templateItems(role, true);
const targetOf = (role: Role, metric: string) => all(role).find((t) => t.metric === metric);

describe('parseRoleWord', () => {
  const cases: [string, Role][] = [
    ['sdr', 'sdr'], ['SDR', 'sdr'], ['インサイドセールス', 'sdr'], ['inside sales', 'sdr'],
    ['bdr', 'bdr'], ['Outbound', 'bdr'],
    ['field', 'field'], ['fs', 'field'], ['closer', 'field'], ['Field Sales', 'field'], ['フィールドセールス', 'field'], ['フィールド', 'field'],
    ['cs', 'cs'], ['CSM', 'cs'], ['customer success', 'cs'], ['customer-success', 'cs'], ['カスタマーサクセス', 'cs'], ['account', 'cs'],
    ['manager', 'manager'], ['mgr', 'manager'], ['マネージャー', 'manager'],
  ];
  it.each(cases)('"%s" is the %s role', (word, role) => {
    expect(parseRoleWord(word)).toBe(role);
  });

  it('reads full-width letters', () => {
    expect(parseRoleWord('ＳＤＲ')).toBe('sdr');
  });

  it('an unknown word is no role', () => {
    expect(parseRoleWord('ceo')).toBeNull();
    expect(parseRoleWord('')).toBeNull();
  });
});

describe('ROLE_TEMPLATES', () => {
  it('has a template for every role', () => {
    expect(Object.keys(ROLE_TEMPLATES).sort()).toEqual([...ROLES].sort());
  });

  it('gives every role one to three main KPIs (seeds 003 and 004: few main KPIs) and five at most with the secondary ones', () => {
    for (const role of ROLES) {
      expect(ROLE_TEMPLATES[role].main.length).toBeGreaterThanOrEqual(1);
      expect(ROLE_TEMPLATES[role].main.length).toBeLessThanOrEqual(3);
      expect(all(role).length).toBeLessThanOrEqual(5);
    }
  });

  it('sets each metric at most once per role', () => {
    for (const role of ROLES) {
      const metrics = all(role).map((t) => t.metric);
      expect(new Set(metrics).size).toBe(metrics.length);
    }
  });

  it('stores rates as fractions between 0 and 1', () => {
    for (const role of ROLES) {
      for (const t of all(role).filter((x) => def(x.metric).unit === 'percent')) {
        expect(t.value).toBeGreaterThan(0);
        expect(t.value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('SDR: 50 calls a day, 50 meetings a month, 15% of inbound leads to a first meeting; 20% of calls to meetings besides', () => {
    expect(ROLE_TEMPLATES.sdr).toEqual({
      main: [
        { metric: 'calls', value: 50, period: 'day', scope: 'member' },
        { metric: 'meetings', value: 50, period: 'month', scope: 'member' },
        { metric: 'lead_meeting_rate', value: 0.15, period: 'month', scope: 'member' },
      ],
      secondary: [{ metric: 'meeting_rate', value: 0.2, period: 'month', scope: 'member' }],
    });
  });

  it('BDR: the same activity with 5% of target accounts to a meeting, and the target accounts that meeting target needs', () => {
    expect(ROLE_TEMPLATES.bdr.main.map((t) => t.metric)).toEqual(['calls', 'meetings', 'account_meeting_rate']);
    const accounts = targetOf('bdr', 'target_accounts')!;
    expect(accounts).toEqual({ metric: 'target_accounts', value: 1_000, period: 'month', scope: 'member' });
    expect(accounts.value * targetOf('bdr', 'account_meeting_rate')!.value).toBeCloseTo(targetOf('bdr', 'meetings')!.value, 9);
  });

  it('field sales: 30 meetings a month, 20% win rate, ¥500,000 a deal; 10 visits a week and 80% key-person contact besides', () => {
    expect(ROLE_TEMPLATES.field).toEqual({
      main: [
        { metric: 'meetings', value: 30, period: 'month', scope: 'member' },
        { metric: 'win_rate', value: 0.2, period: 'month', scope: 'member' },
        { metric: 'avg_deal_size', value: 500_000, period: 'month', scope: 'member' },
      ],
      secondary: [
        { metric: 'visits', value: 10, period: 'week', scope: 'member' },
        { metric: 'key_person_rate', value: 0.8, period: 'month', scope: 'member' },
      ],
    });
  });

  it('CS: repeat 80% and upsell 15% a month of the customers, churn at most 5% a year; cross-sell 10% and CSAT 4.5 besides', () => {
    expect(ROLE_TEMPLATES.cs).toEqual({
      main: [
        { metric: 'repeat_rate', value: 0.8, period: 'month', scope: 'member' },
        { metric: 'upsell_rate', value: 0.15, period: 'month', scope: 'member' },
        { metric: 'churn_rate', value: 0.05, period: 'year', scope: 'member' },
      ],
      secondary: [
        { metric: 'cross_sell_rate', value: 0.1, period: 'month', scope: 'member' },
        { metric: 'csat', value: 4.5, period: 'month', scope: 'member' },
      ],
    });
    // The customer-base rates divide by the customers in charge as the period starts, not by contacts.
    for (const key of ['repeat_rate', 'upsell_rate', 'churn_rate', 'cross_sell_rate']) expect(def(key).formula).toMatchObject({ denominator: 'customers', denominatorAt: 'start' });
  });

  it('manager: the team’s revenue and pipeline; the manager’s own ride-alongs besides', () => {
    expect(ROLE_TEMPLATES.manager).toEqual({
      main: [
        { metric: 'revenue', value: 10_000_000, period: 'month', scope: 'team' },
        { metric: 'pipeline', value: 30_000_000, period: 'month', scope: 'team' },
      ],
      secondary: [{ metric: 'ride_alongs', value: 2, period: 'month', scope: 'member' }],
    });
  });

  it('keeps the pipeline at three times the revenue target', () => {
    expect(targetOf('manager', 'pipeline')!.value).toBe(3 * targetOf('manager', 'revenue')!.value);
  });

  it('names only metrics every workspace starts with', () => {
    for (const role of ROLES) for (const t of all(role)) expect(BUILT_INS.get(t.metric)).toBeDefined();
  });
});

describe('MEMBER_AT_TARGET_SHARE', () => {
  it('is the 80% attainment each member is held to for the manager KPI', () => {
    expect(MEMBER_AT_TARGET_SHARE).toBe(0.8);
  });
});

describe('templateTargets', () => {
  const d = day('2026-11-01');

  it('gives a person the member targets and a team the team targets, from the day given; the secondary ones only when asked', () => {
    expect(templateTargets('manager', { person: 'U1', team: '7' }, d)).toEqual([
      { scope: 'team', subject: '7', metric: 'revenue', value: 10_000_000, period: 'month', effectiveFrom: d },
      { scope: 'team', subject: '7', metric: 'pipeline', value: 30_000_000, period: 'month', effectiveFrom: d },
    ]);
    expect(templateTargets('manager', { person: 'U1', team: '7' }, d, true).map((c) => c.metric)).toEqual(['revenue', 'pipeline', 'ride_alongs']);
  });

  it('leaves out the part whose subject is not given', () => {
    expect(templateTargets('manager', { team: '7' }, d).map((c) => c.metric)).toEqual(['revenue', 'pipeline']);
    expect(templateTargets('sdr', { team: '7' }, d)).toEqual([]);
    expect(templateTargets('sdr', { person: 'U2' }, d).map((c) => [c.metric, c.value, c.period])).toEqual([
      ['calls', 50, 'day'],
      ['meetings', 50, 'month'],
      ['lead_meeting_rate', 0.15, 'month'],
    ]);
  });
});
