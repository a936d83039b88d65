import { describe, expect, it } from 'vitest';
import { addDays, day } from '../../src/domain/days.js';
import { periodOf } from '../../src/domain/periods.js';
import { progress } from '../../src/domain/progress.js';
import { periodTarget } from '../../src/domain/targets.js';
import type { Locale } from '../../src/i18n/index.js';
import { renderPaceAlert } from '../../src/reports/pace-alerts.js';
import { renderReminder } from '../../src/reports/reminder.js';
import { def } from '../harness/metrics.js';

/** The blame words of DOMAIN.md's rule 2, as test/reports/phrasing.test.ts checks the digests for them. */
const BLAME: Record<Locale, RegExp> = {
  en: /\b(fail(s|ed|ure|ing)?|poor(ly)?|behind|worst|lazy|bad(ly)?|underperform\w*|disappoint\w*|shortfall|lagging|slacking)\b/iu,
  ja: /(未達|失敗|ダメ|駄目|最下位|怠慢|不足|遅れ|サボ|怠け|低迷|ワースト)/u,
};
const JP = { workdays: [1, 2, 3, 4, 5], holidays: 'jp' } as const;
const LOCALES: readonly Locale[] = ['en', 'ja'];

describe('the evening reminder’s wording', () => {
  it.each(LOCALES)('in %s: gentle, no blame, a way to log, every variant and streak, starting upper-case', (locale) => {
    const seen = new Set<string>();
    for (let i = 0; i < 30; i += 1) {
      for (const streak of [0, 1, 6]) {
        const m = renderReminder({ userId: `U${i}`, day: addDays(day('2026-11-02'), i), streak }, locale);
        seen.add(m.sentences[0]!.text.slice(0, 12));
        expect(m.text).not.toMatch(BLAME[locale]);
        expect(m.sentences.map((s) => s.kind)).toEqual(['info', 'suggestion']);
        if (locale === 'en') for (const s of m.sentences) expect(s.text[0]).toMatch(/[A-Z`]/u);
        if (streak === 6) expect(m.text).toMatch(locale === 'en' ? /6-workday|7 workdays/u : /6営業日|7営業日/u);
        expect(JSON.stringify(m.blocks)).toContain('kpi_open_log');
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});

describe('the manager’s pace alert wording', () => {
  const calls = def('calls');
  const month = periodOf(day('2026-11-16'), 'month');
  const p = progress({
    metric: calls,
    target: periodTarget(calls, [[{ value: 50, period: 'day', effectiveFrom: day('2026-11-01') }]], month, day('2026-11-13'), JP),
    period: month,
    asOf: day('2026-11-13'),
    actual: 60,
    calendar: JP,
  });

  it.each(LOCALES)('in %s: where it stands first, the distance to the goal with its suggestion, every number with its unit, no blame', (locale) => {
    for (const scope of ['team', 'UREP1']) {
      for (let i = 0; i < 8; i += 1) {
        const m = renderPaceAlert({ scope, teamName: 'Tokyo', progress: { ...p, asOf: addDays(p.asOf, i) }, periodKey: `2026-11-01|${scope}|calls` }, locale);
        expect(m.sentences[0]!.kind).toBe('progress');
        m.sentences.forEach((s, j) => {
          if (s.kind === 'gap') expect(m.sentences[j + 1]?.kind).toBe('suggestion');
        });
        expect(m.text).not.toMatch(BLAME[locale]);
        // 60 so far of 950, heading for 127, 89 a workday for the 10 left: each with its unit.
        for (const n of ['60', '950', '127', '89']) expect(m.text).toMatch(new RegExp(locale === 'en' ? `${n} calls` : `${n}件`, 'u'));
        if (scope !== 'team') expect(m.sentences.every((s) => s.about === scope)).toBe(true);
        expect(JSON.stringify(m.blocks)).toContain(locale === 'en' ? 'Private to you' : 'あなたにだけ');
      }
    }
  });
});
