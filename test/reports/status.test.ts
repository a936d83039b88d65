import { describe, expect, it } from 'vitest';
import { day } from '../../src/domain/days.js';
import type { Totals } from '../../src/domain/rates.js';
import { renderStatus, statusModel } from '../../src/reports/status.js';
import type { Target } from '../../src/store/index.js';

const CAL = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' as const };
const callsTarget: Target = { scope: 'person', subject: 'U1', metric: 'calls', value: 50, period: 'day', effectiveFrom: day('2026-11-01'), setBy: 'UMGR' };
const render = (totals: Totals, targets: readonly Target[], locale: 'en' | 'ja') =>
  renderStatus(statusModel({ userId: 'U1', kind: 'month', asOf: day('2026-11-20'), totals, targets, calendar: CAL }), locale, 'You').text;

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
      const model = statusModel({ userId: 'U1', kind: 'day', asOf: day('2026-11-23'), totals: {}, targets: [callsTarget], calendar: CAL });
      const lines = renderStatus(model, locale, 'You').text.split('\n');
      expect(lines.every((line) => line.trim() !== ''), lines.join('|')).toBe(true);
    }
  });

  it('with targets names the counts that have none beside the KPIs', () => {
    expect(render({ calls: 600, emails: 40 }, [callsTarget], 'en')).toContain('Also logged: 40 emails');
    expect(render({ calls: 600, emails: 40 }, [callsTarget], 'ja')).toContain('その他の記録: メール 40通');
  });
});
