import { describe, expect, it } from 'vitest';
import { day } from '../../src/domain/days.js';
import { LOGGED, isDerivedMetric, isLoggedMetric, metricUnit } from '../../src/domain/metrics.js';
import { MEMBER_AT_TARGET_SHARE, ROLES, ROLE_TEMPLATES, parseRoleWord, templateTargets, type Role, type TemplateTarget } from '../../src/domain/templates.js';

const targetOf = (role: Role, metric: TemplateTarget['metric']) => ROLE_TEMPLATES[role].find((t) => t.metric === metric);

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

  it('keeps every role to five KPIs at most (DOMAIN.md: few KPIs)', () => {
    for (const role of ROLES) expect(ROLE_TEMPLATES[role].length).toBeLessThanOrEqual(5);
  });

  it('sets each metric at most once per role', () => {
    for (const role of ROLES) {
      const metrics = ROLE_TEMPLATES[role].map((t) => t.metric);
      expect(new Set(metrics).size).toBe(metrics.length);
    }
  });

  it('stores rates as fractions between 0 and 1', () => {
    for (const role of ROLES) {
      for (const t of ROLE_TEMPLATES[role].filter((x) => metricUnit(x.metric) === 'ratio')) {
        expect(t.value).toBeGreaterThan(0);
        expect(t.value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('SDR: 50 calls a day, 50 meetings a month, 15% of leads to a first meeting, 5% of target accounts to a meeting', () => {
    expect(ROLE_TEMPLATES.sdr).toEqual([
      { metric: 'calls', value: 50, period: 'day', scope: 'member' },
      { metric: 'meetings', value: 50, period: 'month', scope: 'member' },
      { metric: 'lead_meeting_rate', value: 0.15, period: 'month', scope: 'member' },
      { metric: 'account_meeting_rate', value: 0.05, period: 'month', scope: 'member' },
    ]);
  });

  it('BDR: the SDR targets plus the target accounts its meeting target needs at its appointment rate', () => {
    expect(ROLE_TEMPLATES.bdr.slice(0, 4)).toEqual(ROLE_TEMPLATES.sdr);
    const accounts = targetOf('bdr', 'target_accounts')!;
    expect(accounts).toEqual({ metric: 'target_accounts', value: 1_000, period: 'month', scope: 'member' });
    expect(accounts.value * targetOf('bdr', 'account_meeting_rate')!.value).toBeCloseTo(targetOf('bdr', 'meetings')!.value, 9);
  });

  it('field sales: 30 meetings a month, 10 visits a week, 80% key-person contact, 20% win rate, ¥500,000 a deal', () => {
    expect(ROLE_TEMPLATES.field).toEqual([
      { metric: 'meetings', value: 30, period: 'month', scope: 'member' },
      { metric: 'visits', value: 10, period: 'week', scope: 'member' },
      { metric: 'key_person_rate', value: 0.8, period: 'month', scope: 'member' },
      { metric: 'win_rate', value: 0.2, period: 'month', scope: 'member' },
      { metric: 'avg_deal_size', value: 500_000, period: 'month', scope: 'member' },
    ]);
  });

  it('CS: repeat 80%, upsell 15%, cross-sell 10% a month, churn at most 5% a year, CSAT 4.5 of 5', () => {
    expect(ROLE_TEMPLATES.cs).toEqual([
      { metric: 'repeat_rate', value: 0.8, period: 'month', scope: 'member' },
      { metric: 'upsell_rate', value: 0.15, period: 'month', scope: 'member' },
      { metric: 'cross_sell_rate', value: 0.1, period: 'month', scope: 'member' },
      { metric: 'churn_rate', value: 0.05, period: 'year', scope: 'member' },
      { metric: 'csat', value: 4.5, period: 'month', scope: 'member' },
    ]);
  });

  it('manager: the team’s revenue and pipeline, and the manager’s own ride-alongs', () => {
    expect(ROLE_TEMPLATES.manager).toEqual([
      { metric: 'revenue', value: 10_000_000, period: 'month', scope: 'team' },
      { metric: 'pipeline', value: 30_000_000, period: 'month', scope: 'team' },
      { metric: 'ride_alongs', value: 2, period: 'month', scope: 'member' },
    ]);
  });

  it('keeps the pipeline at three times the revenue target', () => {
    expect(targetOf('manager', 'pipeline')!.value).toBe(3 * targetOf('manager', 'revenue')!.value);
  });

  it('sets counted targets only on metrics a rep logs, and rates only on derived ones', () => {
    for (const role of ROLES) {
      for (const t of ROLE_TEMPLATES[role]) {
        if (isLoggedMetric(t.metric)) expect(LOGGED[t.metric]).toBeDefined();
        else expect(isDerivedMetric(t.metric)).toBe(true);
      }
    }
  });
});

describe('MEMBER_AT_TARGET_SHARE', () => {
  it('is the 80% attainment each member is held to for the manager KPI', () => {
    expect(MEMBER_AT_TARGET_SHARE).toBe(0.8);
  });
});

describe('templateTargets', () => {
  const d = day('2026-11-01');

  it('gives a person the member targets and a team the team targets, from the day given', () => {
    const changes = templateTargets('manager', { person: 'U1', team: '7' }, d);
    expect(changes).toEqual([
      { scope: 'team', subject: '7', metric: 'revenue', value: 10_000_000, period: 'month', effectiveFrom: d },
      { scope: 'team', subject: '7', metric: 'pipeline', value: 30_000_000, period: 'month', effectiveFrom: d },
      { scope: 'person', subject: 'U1', metric: 'ride_alongs', value: 2, period: 'month', effectiveFrom: d },
    ]);
  });

  it('leaves out the part whose subject is not given', () => {
    expect(templateTargets('manager', { team: '7' }, d).map((c) => c.metric)).toEqual(['revenue', 'pipeline']);
    expect(templateTargets('sdr', { team: '7' }, d)).toEqual([]);
    expect(templateTargets('sdr', { person: 'U2' }, d).map((c) => [c.metric, c.value, c.period])).toEqual([
      ['calls', 50, 'day'],
      ['meetings', 50, 'month'],
      ['lead_meeting_rate', 0.15, 'month'],
      ['account_meeting_rate', 0.05, 'month'],
    ]);
  });
});
