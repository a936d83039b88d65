import { describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH } from '../../src/commands/tokens.js';
import { day } from '../../src/domain/days.js';
import { FIELD, type FormValues } from '../../src/reports/views/form.js';
import { LOG_NOTE_MAX, logModal } from '../../src/reports/views/log-modal.js';
import { readLogForm } from '../../src/slack/log-form.js';
import { assertWithinLimits } from '../harness/block-kit.js';
import { BUILT_INS, keyed } from '../harness/metrics.js';

const TODAY = day('2026-11-20');

function values(fields: Record<string, { text?: string; choice?: string; date?: string }>): FormValues {
  return Object.fromEntries(
    Object.entries(fields).map(([block, f]) => [
      block,
      {
        [FIELD]: {
          type: 'x',
          ...(f.text !== undefined ? { value: f.text } : {}),
          ...(f.choice !== undefined ? { selected_option: { value: f.choice } } : {}),
          ...(f.date !== undefined ? { selected_date: f.date } : {}),
        },
      },
    ]),
  );
}

describe('the log form', () => {
  it('fits Block Kit’s modal limits and offers only metrics that are logged', () => {
    for (const locale of ['en', 'ja'] as const) {
      const view = logModal(locale, TODAY, BUILT_INS);
      expect(() => assertWithinLimits(view as never, 'modal')).not.toThrow();
      const metric = view.blocks[0] as { element: { options: { value: string }[] } };
      expect(metric.element.options.map((o) => o.value)).toContain('calls');
      expect(metric.element.options.map((o) => o.value)).not.toContain('win_rate');
    }
    expect(LOG_NOTE_MAX).toBe(MAX_NOTE_LENGTH);
  });
});

describe('readLogForm: the log form read like /kpi log', () => {
  it('reads numbers the way the command does: full width, counters, k and 万', () => {
    const read = readLogForm(
      values({ metric1: { choice: 'calls' }, amount1: { text: '３０件' }, metric2: { choice: 'revenue' }, amount2: { text: '30万' }, metric3: { choice: 'emails' }, amount3: { text: '1.5k' }, day: { date: '2026-11-19' }, note: { text: ' new opener ' } }),
      TODAY,
      'en',
      BUILT_INS,
    );
    expect(keyed(read)).toEqual({
      ok: true,
      request: {
        kind: 'log',
        pairs: [
          { metric: 'calls', value: 30 },
          { metric: 'revenue', value: 300_000 },
          { metric: 'emails', value: 1_500 },
        ],
        date: { kind: 'day', day: '2026-11-19' },
        note: 'new opener',
      },
      text: 'calls 30 revenue 300000 emails 1500 2026-11-19 -- new opener',
    });
  });

  it('takes today when the day is missing, and the second and third pairs are optional', () => {
    const read = readLogForm(values({ metric1: { choice: 'meetings' }, amount1: { text: '2' } }), TODAY, 'en', BUILT_INS);
    expect(read.ok && read.request.date).toEqual({ kind: 'day', day: TODAY });
  });

  it('reports each problem under its own field', () => {
    const read = readLogForm(
      values({ metric1: { choice: 'win_rate' }, amount1: { text: '3' }, metric2: { choice: 'nonsense' }, amount2: { text: '1' }, day: { date: '2026-02-30' }, note: { text: 'x'.repeat(501) } }),
      TODAY,
      'en',
      BUILT_INS,
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(Object.keys(read.errors).sort()).toEqual(['day', 'metric1', 'metric2', 'note']);
    expect(read.errors.metric1).toContain('win rate');
    expect(read.errors.note).toContain('500 characters');
  });

  it('answers in Japanese', () => {
    const read = readLogForm(values({ metric1: { choice: 'calls' }, amount1: { text: '-3' }, day: { date: '2026-11-20' } }), TODAY, 'ja', BUILT_INS);
    expect(read.ok ? null : read.errors.amount1).toContain('マイナスの数');
  });
});
