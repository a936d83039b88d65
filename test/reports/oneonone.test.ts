import { describe, expect, it } from 'vitest';
import { addDays, day, type Day } from '../../src/domain/days.js';

import { DEFAULT_FUNNEL, funnelStages } from '../../src/domain/funnel.js';
import type { Locale } from '../../src/i18n/index.js';
import { buildOneOnOne, renderOneOnOne, type OneOnOneInput } from '../../src/reports/oneonone.js';
import type { Target } from '../../src/store/index.js';
import { BUILT_INS, keyed, totals as t } from '../harness/metrics.js';

const TO = day('2026-11-19');
const target = (metric: Target['metric'], value: number, period: Target['period'] = 'month'): Target => ({
  scope: 'person',
  subject: 'U1',
  metric,
  value,
  period,
  effectiveFrom: day('2026-10-01'),
  setBy: 'UM',
  schedule: [{ value, period, effectiveFrom: day('2026-10-01') }],
});
const mate = (values: Record<string, number>) => ({ salesRole: 'sdr', totals: t(values) });

function input(over: Partial<OneOnOneInput>): OneOnOneInput {
  const logged = new Set<Day>(Array.from({ length: 12 }, (_, i) => addDays(TO, -i)));
  return {
    rep: 'U1',
    salesRole: 'sdr',
    meetingDay: day('2026-11-20'),
    meetingMinutes: 15 * 60,
    since: 'twoWeeks',
    from: day('2026-11-06'),
    to: TO,
    calendar: { workdays: [1, 2, 3, 4, 5], holidays: 'jp' },
    catalog: BUILT_INS,
    stages: funnelStages(DEFAULT_FUNNEL, BUILT_INS),
    current: t({ calls: 500, connects: 125, meetings: 25 }),
    previous: t({ calls: 500, connects: 125, meetings: 25 }),
    baseline: t({ calls: 1000, connects: 250, meetings: 50 }),
    teammates: [mate({ calls: 480, connects: 120, meetings: 24 })],
    monthTotals: t({ calls: 700, meetings: 35 }),
    targets: [target('calls', 50, 'day'), target('meetings', 50)],
    loggedDays: logged,
    lastLogged: new Map([
      ['calls', TO],
      ['meetings', TO],
      ['connects', TO],
    ]),
    bests: [],
    notes: [],
    paces: new Map(),
    lastPlan: null,
    sincePlan: null,
    checkIn: null,
    ...over,
  };
}

/** Three contrasting reps over the same two weeks. */
const busyButLeaking = input({ current: t({ calls: 800, connects: 200, meetings: 16 }), previous: t({ calls: 500, connects: 125, meetings: 25 }) });
const fewButGood = input({ current: t({ calls: 250, connects: 70, meetings: 20 }), previous: t({ calls: 500, connects: 125, meetings: 25 }) });
const steady = input({});

describe('the 1on1 prep', () => {
  it('reads lots of activity with falling conversion as a quality conversation', () => {
    const m = buildOneOnOne(busyButLeaking);
    expect(m.situation).toBe('volumeNeedsQuality');
    expect(m.questions).toEqual(['bestConversation', 'qualitySignals', 'qualifyEarly']);
    expect(m.plan.measure).toBe('volumeNeedsQuality');
  });

  it('reads high conversion on little activity as a volume conversation', () => {
    const m = buildOneOnOne(fewButGood);
    expect(m.situation).toBe('qualityNeedsVolume');
    expect(m.questions).toEqual(['whatWorked', 'timeBlocks', 'whatStops']);
  });

  it('reads a steady rep as steady, with questions about the next stretch', () => {
    const m = buildOneOnOne(steady);
    expect(m.situation).toBe('steady');
    expect(m.questions).toEqual(['whatWorked', 'nextStretch', 'shareTip']);
  });

  it('picks the stage that fell most against the rep’s own baseline, with the team median beside it', () => {
    const m = buildOneOnOne(
      input({
        current: t({ calls: 500, connects: 125, meetings: 10 }),
        previous: t({ calls: 500, connects: 125, meetings: 10 }),
        baseline: t({ calls: 1000, connects: 250, meetings: 50 }),
        teammates: [
          mate({ calls: 500, connects: 120, meetings: 24 }),
          mate({ calls: 400, connects: 100, meetings: 18 }),
          mate({ calls: 300, connects: 90, meetings: 20 }),
        ],
      }),
    );
    // Meetings per connect fell: the stage named by its own rate, the connect-to-meeting rate (アポ率).
    expect(m.stage!.stage.rate.key).toBe('connect_meeting_rate');
    expect(m.stage).toMatchObject({ current: 0.08, baseline: 0.2 });
    expect(m.stage!.teamMedian).toBeCloseTo(0.2);
    expect(m.situation).toBe('stageToCoach');
    expect(m.plan).toMatchObject({ measure: 'meeting', actions: ['rolePlay', 'proposeSlots', 'followUpSameDay'] });
  });

  it('does not coach an inside-sales rep on closing', () => {
    const m = buildOneOnOne(
      input({
        salesRole: 'sdr',
        current: t({ calls: 500, connects: 125, meetings: 25, wins: 0 }),
        baseline: t({ calls: 1000, connects: 250, meetings: 50, wins: 10 }),
      }),
    );
    expect(m.stage).toBeNull();
  });

  it('names the traps: a KPI quiet for two weeks, a target far from the recent pace', () => {
    const m = buildOneOnOne(input({ lastLogged: new Map([['calls', TO]]), paces: new Map([['calls', 20]]) }));
    expect(keyed(m.quiet)).toEqual([{ metric: 'meetings', kpis: ['meetings'] }]);
    expect(keyed(m.targetOff)).toMatchObject([{ metric: 'calls', high: true }]);
  });

  it('celebrates first and pairs every point to work on with a suggestion, in both languages', () => {
    const blame: Record<Locale, RegExp> = { en: /\b(fail\w*|poor|behind|worst|lazy|bad)\b/iu, ja: /(未達|失敗|ダメ|最下位|怠慢|遅れ)/u };
    for (const i of [busyButLeaking, fewButGood, steady, input({ notes: ['tried a new opener'], bests: [{ metric: 'calls', best: 90, day: TO }] })]) {
      for (const locale of ['en', 'ja'] as const) {
        const prep = renderOneOnOne(buildOneOnOne(i), locale, 'Fri 20 Nov 15:00');
        expect(prep.sentences[0]!.kind).toBe('progress');
        prep.sentences.forEach((s, k) => {
          if (s.kind === 'gap') expect(prep.sentences[k + 1]?.kind).toBe('suggestion');
        });
        expect(prep.text).not.toMatch(blame[locale]);
        expect(prep.blocks.length).toBeLessThanOrEqual(50);
      }
    }
  });

  it('praises a new approach once, though its note came with the logs of several days', () => {
    const m = buildOneOnOne(input({ notes: ['tried a shorter opener', 'tried a shorter opener'] }));
    expect(m.wentWell.filter((w) => w.kind === 'newApproach')).toEqual([{ kind: 'newApproach', note: 'tried a shorter opener' }]);
  });

  it('shows last time’s plan and how the numbers moved since, and the rep’s check-in', () => {
    const m = buildOneOnOne(
      input({
        lastPlan: { text: '10 new leads a day', savedBy: 'UM', savedAt: new Date('2026-11-06T06:00:00Z'), day: day('2026-11-06') },
        sincePlan: { before: t({ calls: 400, meetings: 20 }), after: t({ calls: 550, meetings: 30, leads: 84 }), beforeDays: 10, afterDays: 10, workdaysPer: { workday: 1, week: 5, month: 19 } },
        checkIn: { wentWell: 'two new logos', wantHelp: 'pricing objections', answeredAt: new Date() },
      }),
    );
    const text = renderOneOnOne(m, 'en', 'Fri 20 Nov 15:00').text;
    expect(text).toContain('Agreed Fri 6 Nov: “10 new leads a day”');
    expect(text).toContain('Since then, per workday: 40 calls → 55 calls · 2 meetings → 3 meetings');
    expect(text).toContain('Where they want help: pricing objections');
    // The plan's one action that names a KPI, held against the leads logged since: 84 over 10 workdays.
    expect(text).toContain('How the agreed actions went: Agreed 10 leads a workday; logged 8.4 leads a workday over 10 workdays (84%). The distance to what was agreed is 1.6 leads a workday.');
  });
});

