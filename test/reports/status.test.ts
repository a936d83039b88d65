import { describe, expect, it } from 'vitest';
import { day } from '../../src/domain/days.js';
import { NO_TOTALS } from '../../src/domain/rates.js';
import { renderStatus, statusModel, type KpiTarget } from '../../src/reports/status.js';
import { BUILT_INS, totals } from '../harness/metrics.js';

const CAL = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' as const };
const callsTarget: KpiTarget = { metric: 'calls', schedules: [[{ value: 50, period: 'day', effectiveFrom: day('2026-11-01') }]] };
const model = (values: Record<string, number>, targets: readonly KpiTarget[]) =>
  statusModel({ userId: 'U1', role: null, kind: 'month', asOf: day('2026-11-20'), totals: totals(values), targets, calendar: CAL, catalog: BUILT_INS });
const render = (values: Record<string, number>, targets: readonly KpiTarget[], locale: 'en' | 'ja') => renderStatus(model(values, targets), locale, 'You', BUILT_INS).text;

describe('/kpi status text', () => {
  it('with no targets lists the counts once, and says how targets get set', () => {
    for (const locale of ['en', 'ja'] as const) {
      const text = render({ calls: 45, meetings: 3 }, [], locale);
      const calls = locale === 'en' ? '45 calls' : '架電 45件';
      expect(text.split(calls), text).toHaveLength(3); // the lead, and the rate's "from 3 meetings of 45 calls"
      expect(text).toContain(locale === 'en' ? 'No targets yet.' : '目標はまだありません。');
      expect(text).not.toMatch(/Also logged|その他の記録/u);
    }
  });

  it('on a holiday the day has no pace and no need to show, and leaves no empty line for them', () => {
    for (const locale of ['en', 'ja'] as const) {
      const day23 = statusModel({ userId: 'U1', role: null, kind: 'day', asOf: day('2026-11-23'), totals: NO_TOTALS, targets: [callsTarget], calendar: CAL, catalog: BUILT_INS });
      const lines = renderStatus(day23, locale, 'You', BUILT_INS).text.split('\n');
      expect(lines.every((line) => line.trim() !== ''), lines.join('|')).toBe(true);
    }
  });

  it('with targets names the counts that have none beside the KPIs', () => {
    expect(render({ calls: 600, emails: 40 }, [callsTarget], 'en')).toContain('Also logged: 40 emails');
    expect(render({ calls: 600, emails: 40 }, [callsTarget], 'ja')).toContain('その他の記録: メール 40通');
  });
});

describe('/kpi status shows each rate by its one formula', () => {
  it('a rate beside the counts says its two sides and its definition, in both languages', () => {
    const en = render({ calls: 150, meetings: 30 }, [], 'en');
    expect(en).toContain('meeting rate 20% (from 30 meetings of 150 calls)');
    expect(en).toContain('meeting rate = meetings ÷ calls');
    const ja = render({ calls: 150, meetings: 30 }, [], 'ja');
    expect(ja).toContain('商談化率 20% (架電 150件のうち商談 30件)');
    expect(ja).toContain('商談化率 = 商談 ÷ 架電');
  });

  it('a rate whose inputs another role logs is left out: a field rep’s status shows no call rates', () => {
    const field = statusModel({ userId: 'U1', role: 'field', kind: 'month', asOf: day('2026-11-20'), totals: totals({ calls: 10, meetings: 6, wins: 2 }), targets: [], calendar: CAL, catalog: BUILT_INS });
    expect(field.rates.map((r) => r.metric.key)).toEqual(['win_rate']);
  });

  it('a snapshot carried forward says how old it is', () => {
    const pipeline: KpiTarget = { metric: 'pipeline', schedules: [[{ value: 30_000_000, period: 'month', effectiveFrom: day('2026-11-01') }]] };
    const m = statusModel({
      userId: 'U1',
      role: null,
      kind: 'month',
      asOf: day('2026-12-02'),
      totals: { values: { pipeline: 25_000_000 }, atStart: { pipeline: 25_000_000 }, asOf: { pipeline: day('2026-11-16') } },
      targets: [pipeline],
      calendar: CAL,
      catalog: BUILT_INS,
    });
    expect(m.lines[0]!.progress).toMatchObject({ actual: 25_000_000, actualAsOf: '2026-11-16' });
    expect(renderStatus(m, 'en', 'You', BUILT_INS).text).toContain('As of Mon 16 Nov');
    expect(renderStatus(m, 'ja', 'You', BUILT_INS).text).toContain('11月16日(月)時点');
  });
});
