import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/parse.js';
import { BUILT_INS, keyed } from '../harness/metrics.js';

const ok = (text: string) => {
  const r = parseCommand(text, BUILT_INS);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.problem)}`);
  return keyed(r.value);
};
const problem = (text: string) => {
  const r = parseCommand(text, BUILT_INS);
  if (r.ok) throw new Error(`${text} parsed as ${JSON.stringify(r.value)}`);
  return keyed(r.problem);
};

describe('the /kpi metric grammar', () => {
  it('lists the definitions, in either language', () => {
    expect(ok('metric')).toEqual({ kind: 'metricList' });
    expect(ok('指標 一覧')).toEqual({ kind: 'metricList' });
  });

  it('reads a custom count with its aliases', () => {
    expect(ok('metric add 有効商談 count aliases valid-meetings, VM')).toMatchObject({
      kind: 'metricAdd',
      draft: { name: '有効商談', unit: 'count', kind: null, aliases: ['valid-meetings', 'VM'], formula: null },
    });
  });

  it('reads a snapshot with names in both languages, a ceiling and lower-is-better', () => {
    expect(ok('metric add open deals snapshot currency ja 見込み案件 max 5000 lower')).toMatchObject({
      kind: 'metricAdd',
      draft: { name: 'open deals', kind: 'snapshot', unit: 'currency', ja: '見込み案件', dailyMax: 5000, better: 'lower' },
    });
  });

  it('reads a rate’s formula with or without spaces, with several metrics on top, and where a snapshot base is read', () => {
    expect(ok('metric rate 有効商談率 = 有効商談 / 商談')).toMatchObject({ kind: 'metricAdd', draft: { name: '有効商談率', formula: { numerator: ['有効商談'], denominator: '商談', at: null } } });
    expect(ok('metric rate 有効商談率=有効商談/商談')).toMatchObject({ draft: { formula: { numerator: ['有効商談'], denominator: '商談' } } });
    expect(ok('metric rate expansion share = upsells + cross-sells ÷ customers at start')).toMatchObject({
      draft: { name: 'expansion share', formula: { numerator: ['upsells', 'cross-sells'], denominator: 'customers', at: 'start' } },
    });
    expect(ok('指標 率 解約割合 = 解約 / 担当顧客 期首')).toMatchObject({ draft: { formula: { denominator: '担当顧客', at: 'start' } } });
  });

  it('reads edits, retirements and restores', () => {
    expect(ok('metric edit 有効商談 en valid meetings')).toMatchObject({ kind: 'metricEdit', draft: { name: '有効商談', en: 'valid meetings' } });
    expect(ok('metric edit 有効商談率 = 有効商談 / 架電')).toMatchObject({ kind: 'metricEdit', draft: { name: '有効商談率', formula: { numerator: ['有効商談'], denominator: '架電' } } });
    expect(ok('metric retire 有効商談')).toEqual({ kind: 'metricRetire', name: '有効商談', retire: true });
    expect(ok('指標 復活 有効商談')).toEqual({ kind: 'metricRetire', name: '有効商談', retire: false });
    expect(ok('metric add')).toEqual({ kind: 'metricForm' });
  });

  it('explains what it cannot read', () => {
    expect(problem('metric frobnicate')).toEqual({ code: 'unknownWord', command: 'metric', word: 'frobnicate' });
    expect(problem('metric rate 有効商談率 = 有効商談')).toEqual({ code: 'badFormula', word: '有効商談' });
    expect(problem('metric rate = 商談 / 架電')).toEqual({ code: 'missingMetric', command: 'metric' });
    expect(problem('metric add 有効商談 count max lots')).toEqual({ code: 'badTargetValue', command: 'metric', word: 'lots' });
  });
});

describe('handoffs in a log', () => {
  it('hands a meeting to a field rep, or credits a win from an inside rep, with arrows or particles', () => {
    expect(ok('log meetings 1 → <@U2|chika>')).toMatchObject({ pairs: [{ metric: 'meetings', value: 1, handoff: { userId: 'U2', direction: 'to' } }] });
    expect(ok('log 商談 2 <@U2>へ 架電 40')).toMatchObject({ pairs: [{ metric: 'meetings', value: 2, handoff: { userId: 'U2', direction: 'to' } }, { metric: 'calls', value: 40 }] });
    expect(ok('log wins 1 -&gt; <@U2>')).toMatchObject({ pairs: [{ handoff: { direction: 'to' } }] });
    expect(ok('log 受注 1 ← <@U1>')).toMatchObject({ pairs: [{ metric: 'wins', handoff: { userId: 'U1', direction: 'from' } }] });
    expect(ok('log 受注 1 <@U1>から')).toMatchObject({ pairs: [{ metric: 'wins', handoff: { userId: 'U1', direction: 'from' } }] });
  });

  it('an arrow needs a person after it and a pair before it', () => {
    expect(problem('log meetings 1 → chika')).toEqual({ code: 'handoffNotAPerson', word: 'chika' });
    expect(problem('log → <@U2> meetings 1')).toEqual({ code: 'numberWithoutMetric', word: '→' });
  });
});
