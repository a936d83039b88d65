import { describe, expect, it } from 'vitest';
import { formatCommand } from '../../src/commands/format.js';
import { parseCommand } from '../../src/commands/parse.js';
import { BUILT_INS, keyed } from '../harness/metrics.js';

const raw = (text: string) => {
  const r = parseCommand(text, BUILT_INS);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.problem)}`);
  return r.value;
};
/** The request with each metric as its key. */
const ok = (text: string) => keyed(raw(text));
const problem = (text: string) => {
  const r = parseCommand(text, BUILT_INS);
  if (r.ok) throw new Error(`${text} parsed as ${JSON.stringify(r.value)}`);
  return keyed(r.problem);
};

describe('the management grammar', () => {
  it('reads targets with the period glued, spaced or in Japanese, and whom they are for', () => {
    expect(ok('target calls 50/day')).toEqual({ kind: 'target', metric: 'calls', value: 50, period: 'day', subject: { kind: 'members' } });
    expect(ok('target meetings 30 / month <@U1|aki> <@U2>')).toMatchObject({ value: 30, period: 'month', subject: { kind: 'users', userIds: ['U1', 'U2'] } });
    expect(ok('目標 売上 1000万/月 チーム')).toMatchObject({ metric: 'revenue', value: 10_000_000, period: 'month', subject: { kind: 'team' } });
    expect(ok('target calls 50 per week')).toMatchObject({ period: 'week' });
    expect(ok('target 商談 10/四半期')).toMatchObject({ period: 'quarter' });
  });

  it('reads rates as fractions, with or without the % sign, monthly by default', () => {
    expect(ok('target win_rate 20%')).toMatchObject({ metric: 'win_rate', value: 0.2, period: 'month' });
    expect(ok('target 受注率 20')).toMatchObject({ value: 0.2 });
    expect(ok('target 商談化率 0.15')).toMatchObject({ metric: 'meeting_rate', value: 0.15 });
  });

  it('takes a target away with off', () => {
    expect(ok('target calls off <@U1>')).toMatchObject({ value: null, subject: { kind: 'users', userIds: ['U1'] } });
  });

  it('reads your own morning-dm switch with the same words as the team setting', () => {
    for (const word of ['on', 'ON', 'yes', 'オン', '有効', 'ｏｎ']) expect(ok(`morning-dm ${word}`)).toEqual({ kind: 'morningDm', on: true });
    for (const word of ['off', 'no', 'オフ', '停止', 'なし']) expect(ok(`朝のDM ${word}`)).toEqual({ kind: 'morningDm', on: false });
    expect(problem('morning-dm maybe')).toEqual({ code: 'unknownWord', command: 'morning-dm', word: 'maybe' });
    expect(problem('morning-dm on off')).toMatchObject({ code: 'unknownWord', command: 'morning-dm' });
  });

  it('explains what is wrong with a target', () => {
    expect(problem('target calls 50')).toMatchObject({ code: 'badPeriod' });
    expect(problem('target calls 50/fortnight')).toEqual({ code: 'badPeriod', command: 'target', word: 'fortnight' });
    expect(problem('target cals 50/day')).toMatchObject({ code: 'unknownMetricIn', suggestions: ['calls'] });
    expect(problem('target win_rate 150%')).toMatchObject({ code: 'badTargetValue' });
    expect(problem('target calls 50/day everybody')).toMatchObject({ code: 'unknownWord', word: 'everybody' });
  });

  it('reads the team commands', () => {
    expect(ok('team')).toEqual({ kind: 'teamShow' });
    expect(ok('team create Tokyo Inside Sales <#C123|sales>')).toEqual({ kind: 'teamCreate', name: 'Tokyo Inside Sales', channelId: 'C123', asManager: false });
    expect(ok('チーム 作成 東京')).toEqual({ kind: 'teamCreate', name: '東京', channelId: null, asManager: false });
    expect(ok('team create Tokyo <#C123|sales> as manager')).toEqual({ kind: 'teamCreate', name: 'Tokyo', channelId: 'C123', asManager: true });
    expect(ok('team create Osaka Field as a manager')).toEqual({ kind: 'teamCreate', name: 'Osaka Field', channelId: null, asManager: true });
    expect(ok('チーム 作成 東京営業 マネージャーとして')).toEqual({ kind: 'teamCreate', name: '東京営業', channelId: null, asManager: true });
    expect(ok('team create Sales Managers')).toEqual({ kind: 'teamCreate', name: 'Sales Managers', channelId: null, asManager: false });
    expect(ok('team add <@U1> <@U2> as manager')).toEqual({ kind: 'teamAdd', userIds: ['U1', 'U2'], asManager: true });
    expect(ok('team remove <@U1>')).toEqual({ kind: 'teamRemove', userIds: ['U1'] });
    expect(problem('team add')).toMatchObject({ code: 'missingPeople' });
    expect(problem('team create')).toEqual({ code: 'missingTeamName' });
  });

  it('reads templates, status, settings, tree and plan', () => {
    expect(ok('template フィールドセールス <@U1>')).toEqual({ kind: 'template', role: 'field', userIds: ['U1'], withSecondary: false });
    expect(ok('template cs <@U1> all')).toEqual({ kind: 'template', role: 'cs', userIds: ['U1'], withSecondary: true });
    expect(ok('tree example')).toEqual({ kind: 'treeExample', use: false });
    expect(ok('tree example use')).toEqual({ kind: 'treeExample', use: true });
    expect(problem('template wizard <@U1>')).toEqual({ code: 'unknownRole', word: 'wizard' });
    expect(ok('status <@U1> week')).toEqual({ kind: 'status', userId: 'U1', period: 'week' });
    expect(ok('status 四半期')).toEqual({ kind: 'status', userId: null, period: 'quarter' });
    for (const [word, period] of [['今週', 'week'], ['今月', 'month'], ['今日', 'day'], ['today', 'day'], ['今四半期', 'quarter'], ['今年', 'year'], ['this week', 'week'], ['This Month', 'month']] as const) {
      expect(ok(`status ${word}`)).toEqual({ kind: 'status', userId: null, period });
    }
    expect(ok('status <@U1> 今週')).toEqual({ kind: 'status', userId: 'U1', period: 'week' });
    expect(ok('settings weekly mon 09:00')).toEqual({ kind: 'settingsSet', key: 'weekly', words: ['mon', '09:00'] });
    expect(ok('settings')).toEqual({ kind: 'settingsModal' });
    expect(problem('settings colour blue')).toEqual({ code: 'unknownSettingKey', word: 'colour' });
    expect(ok('tree set wins 50/month under revenue')).toEqual({ kind: 'treeSet', metric: 'wins', value: 50, period: 'month', parent: 'revenue' });
    expect(ok('plan 7,000,000/month deal 140000 win 50% meeting 20%')).toEqual({
      kind: 'plan',
      revenue: 7_000_000,
      period: 'month',
      avgDealSize: 140_000,
      winRate: 0.5,
      meetingRate: 0.2,
      apply: false,
    });
    expect(ok('逆算 700万/月')).toMatchObject({ kind: 'plan', revenue: 7_000_000, apply: false });
    // Apply, in either language and anywhere after the amount.
    expect(ok('plan 1000万/月 apply')).toMatchObject({ kind: 'plan', revenue: 10_000_000, period: 'month', apply: true });
    expect(ok('計画 1000万/月 適用')).toMatchObject({ kind: 'plan', revenue: 10_000_000, period: 'month', apply: true });
    expect(ok('plan 7,000,000/month apply win 25%')).toMatchObject({ kind: 'plan', winRate: 0.25, apply: true });
    expect(ok('diagnose')).toEqual({ kind: 'diagnose', of: { kind: 'default' } });
    expect(ok('診断 チーム')).toEqual({ kind: 'diagnose', of: { kind: 'team' } });
    expect(ok('diagnose me')).toEqual({ kind: 'diagnose', of: { kind: 'self' } });
    expect(ok('診断 自分')).toEqual({ kind: 'diagnose', of: { kind: 'self' } });
    expect(ok('diagnose <@U7|aki>')).toEqual({ kind: 'diagnose', of: { kind: 'person', userId: 'U7' } });
    expect(problem('diagnose everyone')).toEqual({ code: 'unknownWord', command: 'diagnose', word: 'everyone' });
  });

  it.each([
    'status <@U1> week',
    'target calls 50/day members',
    'target win_rate 15%/month <@U1> <@U2>',
    'target calls off/month team',
    'targets <@U9>',
    'template bdr <@U1> <@U2>',
    'team create Tokyo &amp; Osaka <#C1>',
    'team add <@U1> as manager',
    'team remove <@U1>',
    'settings daily 08:30',
    'tree set meeting_rate 20%/month under meetings',
    'tree clear',
    'plan 7000000/month deal 140000 win 50% meeting 20%',
    'template cs <@U1> all',
    'tree example use',
    'settings funnel calls meetings wins',
    'metric',
    'metric add 有効商談 count aliases valid-meetings,VM',
    'metric rate 有効商談率 = 有効商談 / 商談',
    'metric rate churn share = churns / customers at start lower',
    'metric add open deals snapshot currency en open deals ja 見込み案件 max 1000',
    'metric edit 有効商談 aliases VM',
    'metric retire 有効商談',
    'metric restore 有効商談',
    'team create Tokyo <#C1> as manager',
    'off 12/24-12/26',
    'off cancel 12/26',
    'off',
    'reminder off',
    'plan 10000000/month apply',
    'diagnose',
    'diagnose team',
    'diagnose <@U7>',
  ])('“%s” round-trips through format and parse', (text) => {
    const request = raw(text);
    expect(parseCommand(formatCommand(request), BUILT_INS)).toEqual({ ok: true, value: request });
  });
});
