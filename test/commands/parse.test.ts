import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCommand } from '../../src/commands/format.js';
import { parseCommand, type KpiRequest } from '../../src/commands/parse.js';
import type { LogRequest } from '../../src/commands/parse-log.js';
import type { DateSpec } from '../../src/commands/dates.js';
import { dayFromParts } from '../../src/domain/days.js';
import { BUILT_INS, keyed } from '../harness/metrics.js';

const raw = (text: string) => {
  const r = parseCommand(text, BUILT_INS);
  if (!r.ok) throw new Error(`expected ${text} to parse, got ${JSON.stringify(r.problem)}`);
  return r.value;
};
/** The request with each metric as its key. */
const parsed = (text: string) => keyed(raw(text));
const problem = (text: string) => {
  const r = parseCommand(text, BUILT_INS);
  if (r.ok) throw new Error(`expected ${text} to fail, got ${JSON.stringify(r.value)}`);
  return keyed(r.problem);
};

describe('the /kpi grammar', () => {
  it('reads several English pairs in one log', () => {
    expect(parsed('log calls 45 meetings 3')).toEqual({
      kind: 'log',
      pairs: [
        { metric: 'calls', value: 45 },
        { metric: 'meetings', value: 3 },
      ],
      date: { kind: 'daysAgo', days: 0 },
      note: null,
    });
  });

  it('reads Japanese names, full-width digits and counters', () => {
    expect(parsed('log 架電 ３０件 メール 5')).toMatchObject({
      pairs: [
        { metric: 'calls', value: 30 },
        { metric: 'emails', value: 5 },
      ],
    });
  });

  it('reads names glued to numbers and numbers before names', () => {
    expect(parsed('架電45件 商談3')).toMatchObject({ pairs: [{ metric: 'calls', value: 45 }, { metric: 'meetings', value: 3 }] });
    expect(parsed('log 45 calls 3 appts')).toMatchObject({ pairs: [{ metric: 'calls', value: 45 }, { metric: 'meetings', value: 3 }] });
    expect(parsed('log calls=12')).toMatchObject({ pairs: [{ metric: 'calls', value: 12 }] });
  });

  it.each([
    ['1,234', 1234],
    ['1.5k', 1500],
    ['3万', 30_000],
    ['1億2000万', 120_000_000],
    ['¥30,000', 30_000],
    ['30000円', 30_000],
    ['１２本', 12],
  ])('reads the amount %s as %d', (amount, value) => {
    expect(parsed(`log revenue ${amount}`)).toMatchObject({ pairs: [{ metric: 'revenue', value }] });
  });

  it.each([
    ['log 架電 50件、メール 12通', [['calls', 50], ['emails', 12]]],
    ['log calls: 30, emails: 5', [['calls', 30], ['emails', 5]]],
    ['calls: 30, emails: 5', [['calls', 30], ['emails', 5]]],
    ['架電：50件・商談：3件', [['calls', 50], ['meetings', 3]]],
    ['log calls 30 / emails 5; meetings 2', [['calls', 30], ['emails', 5], ['meetings', 2]]],
    ['log 架電50件，メール12通。', [['calls', 50], ['emails', 12]]],
    ['log revenue 1,200,000, wins 2', [['revenue', 1_200_000], ['wins', 2]]],
  ])('reads the separators people type: %s', (text, pairs) => {
    expect(parsed(text)).toMatchObject({ pairs: pairs.map(([metric, value]) => ({ metric, value })) });
  });

  it('keeps a date’s slash and a mention whole among separators', () => {
    expect(parsed('log 架電 5、商談 1 → <@U0002|chika>、12/1')).toMatchObject({
      pairs: [{ metric: 'calls', value: 5 }, { metric: 'meetings', value: 1, handoff: { userId: 'U0002', direction: 'to' } }],
      date: { kind: 'monthDay', month: 12, day: 1 },
    });
    expect(parsed('log meetings 1 -&gt; <@U0002>; calls 5')).toMatchObject({ pairs: [{ metric: 'meetings', handoff: { direction: 'to' } }, { metric: 'calls', value: 5 }] });
  });

  it('adds up a metric said twice, and asks which value a snapshot said twice has', () => {
    expect(parsed('log calls 5 calls 6')).toMatchObject({ pairs: [{ metric: 'calls', value: 11 }] });
    expect(parsed('log 架電 5 商談 1 架電 6')).toMatchObject({ pairs: [{ metric: 'calls', value: 11 }, { metric: 'meetings', value: 1 }] });
    // Handed to two people: two pairs.
    expect(parsed('log meetings 1 → <@U0002> meetings 1 → <@U0003>')).toMatchObject({ pairs: [{ metric: 'meetings' }, { metric: 'meetings' }] });
    expect(problem('log calls 60000 calls 60000')).toEqual({ code: 'tooLarge', metric: 'calls', value: 120_000, max: 100_000 });
    expect(problem('log pipeline 300万 pipeline 400万')).toEqual({ code: 'snapshotTwice', metric: 'pipeline', values: [3_000_000, 4_000_000] });
    expect(parsed('log pipeline 300万 pipeline 300万')).toMatchObject({ pairs: [{ metric: 'pipeline', value: 3_000_000 }] });
  });

  it('reads multi-word names such as “deals won”', () => {
    expect(parsed('log deals won 2')).toMatchObject({ pairs: [{ metric: 'wins', value: 2 }] });
  });

  it.each<[string, DateSpec]>([
    ['yesterday', { kind: 'daysAgo', days: 1 }],
    ['昨日', { kind: 'daysAgo', days: 1 }],
    ['一昨日', { kind: 'daysAgo', days: 2 }],
    ['2026-11-20', { kind: 'day', day: dayFromParts(2026, 11, 20)! }],
    ['11/20', { kind: 'monthDay', month: 11, day: 20 }],
    ['11月20日', { kind: 'monthDay', month: 11, day: 20 }],
    // Read so that the log is refused as ahead of today, not as an unknown metric.
    ['tomorrow', { kind: 'daysAgo', days: -1 }],
    ['明日', { kind: 'daysAgo', days: -1 }],
    ['あした', { kind: 'daysAgo', days: -1 }],
    ['明後日', { kind: 'daysAgo', days: -2 }],
  ])('reads the date %s', (word, date) => {
    expect(parsed(`log calls 5 ${word}`)).toMatchObject({ date });
  });

  it('keeps the note after -- as typed, unescaping Slack’s &amp;', () => {
    expect(parsed('log calls 5 -- 新しいトーク &amp; 資料 <テスト>')).toMatchObject({ note: '新しいトーク & 資料 <テスト>' });
  });

  it('treats a leading metric as a log without the word log', () => {
    expect(raw('架電 45').kind).toBe('log');
  });

  it('reads undo, help and the bare command', () => {
    expect(parsed('')).toEqual({ kind: 'overview' });
    expect(parsed('undo')).toEqual({ kind: 'undo' });
    expect(parsed('取り消し')).toEqual({ kind: 'undo' });
    expect(parsed('help log')).toEqual({ kind: 'help', topic: 'log', unknownTopic: null });
    expect(parsed('ヘルプ')).toEqual({ kind: 'help', topic: null, unknownTopic: null });
  });

  describe('says what is wrong instead of guessing', () => {
    it('suggests the nearest metric for a typo, in either language', () => {
      expect(problem('log calls 10 cals 5')).toEqual({ code: 'unknownMetric', word: 'cals', suggestions: ['calls'] });
      expect(problem('log 架雷 5')).toMatchObject({ code: 'unknownMetric', suggestions: ['calls'] });
    });
    it('refuses a word where a number belongs', () => {
      expect(problem('log calls many')).toEqual({ code: 'notANumber', metric: 'calls', word: 'many' });
    });
    it('refuses negative numbers', () => {
      expect(problem('log calls -5')).toMatchObject({ code: 'negative', word: '-5' });
    });
    it('refuses a fraction of a call and a percentage on a count', () => {
      expect(problem('log calls 2.5')).toEqual({ code: 'notWhole', metric: 'calls', value: 2.5 });
      expect(problem('log calls 20%')).toMatchObject({ code: 'percentOnCount' });
    });
    it('refuses an absurd value: over 100,000 calls in a day', () => {
      expect(problem('log calls 100001')).toEqual({ code: 'tooLarge', metric: 'calls', value: 100_001, max: 100_000 });
      expect(raw('log calls 100000').kind).toBe('log');
    });
    it('refuses a derived rate, which is computed from sums', () => {
      expect(problem('log 受注率 20%')).toEqual({ code: 'derivedMetric', metric: 'win_rate', numerator: ['wins'], denominator: 'meetings' });
    });
    it('refuses a metric without a number, and a number without a metric', () => {
      expect(problem('log calls')).toEqual({ code: 'missingValue', metric: 'calls' });
      expect(problem('log calls 5 meetings')).toEqual({ code: 'missingValue', metric: 'meetings' });
      expect(problem('log 5')).toEqual({ code: 'numberWithoutMetric', word: '5' });
    });
    it('refuses dates that do not exist and two dates in one log', () => {
      expect(problem('log calls 5 2026-02-30')).toEqual({ code: 'badDate', word: '2026-02-30' });
      expect(problem('log calls 5 昨日 2026-11-01')).toMatchObject({ code: 'twoDates' });
    });
    it('refuses an empty log and an unknown command, suggesting the near one', () => {
      expect(problem('log')).toEqual({ code: 'emptyLog' });
      expect(problem('hepl')).toEqual({ code: 'unknownCommand', word: 'hepl', suggestions: ['help'] });
    });
    it('refuses text longer than anyone types', () => {
      expect(problem(`log calls 5 -- ${'x'.repeat(5000)}`)).toMatchObject({ code: 'textTooLong' });
      expect(problem(`log calls 5 -- ${'x'.repeat(600)}`)).toMatchObject({ code: 'noteTooLong' });
    });
  });
});

const dateSpec: fc.Arbitrary<DateSpec> = fc.oneof(
  fc.constantFrom<DateSpec>({ kind: 'daysAgo', days: 0 }, { kind: 'daysAgo', days: 1 }, { kind: 'daysAgo', days: 2 }, { kind: 'daysAgo', days: -1 }, { kind: 'daysAgo', days: -2 }),
  fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d): DateSpec => ({ kind: 'day', day: dayFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())! })),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .filter(([m, d]) => dayFromParts(2024, m, d) !== null)
    .map(([month, day]): DateSpec => ({ kind: 'monthDay', month, day })),
);

const note = fc
  .string({ unit: 'grapheme', maxLength: 80 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && !/[\r\n]/u.test(s));

const logRequest: fc.Arbitrary<KpiRequest> = fc.record({
  kind: fc.constant('log' as const),
  // One pair per metric: a metric said twice is added up (or, for a snapshot, asked about).
  pairs: fc.uniqueArray(
    fc.constantFrom(...BUILT_INS.logged).chain((metric) => fc.record({ metric: fc.constant(metric), value: fc.integer({ min: 0, max: metric.dailyMax! }) })),
    { minLength: 1, maxLength: 6, selector: (p) => p.metric.key },
  ),
  date: dateSpec,
  note: fc.option(note, { nil: null }),
});

describe('properties of the grammar', () => {
  it('never throws, whatever the text', () => {
    const grammarish = fc
      .array(
        fc.oneof(
          fc.string(),
          fc.constantFrom('log', 'undo', 'help', '--', '架電', 'calls', '３０件', '1.5k', '3万', '昨日', '11/20', '<@U123|bob>', '&amp;', '-5', '20%', '¥', '2026-13-40'),
        ),
        { maxLength: 12 },
      )
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), grammarish), (text) => {
        const result = parseCommand(text, BUILT_INS);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('parsing the formatted text of a valid log gives the same log back', () => {
    fc.assert(
      fc.property(logRequest, (request) => {
        expect(parseCommand(formatCommand(request), BUILT_INS)).toEqual({ ok: true, value: request });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the separators people type between pairs as spaces, in both languages', () => {
    const between = fc.constantFrom(' ', ', ', ',', '、', '，', ' / ', '/', '・', '; ', '。');
    const nameToNumber = fc.constantFrom(' ', ': ', ':', '：', '=', ' = ');
    fc.assert(
      fc.property(logRequest, between, nameToNumber, (request, sep, colon) => {
        const { pairs } = request as LogRequest;
        const spaced = `log ${pairs.map((p) => `${p.metric.key} ${p.value}`).join(' ')}`;
        const typed = `log ${pairs.map((p) => `${p.metric.key}${colon}${p.value}`).join(sep)}`;
        expect(parseCommand(typed, BUILT_INS)).toEqual(parseCommand(spaced, BUILT_INS));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips undo, help and the bare command too', () => {
    for (const request of [raw(''), raw('undo'), raw('help'), raw('help log'), raw('help nothing')]) {
      expect(parseCommand(formatCommand(request), BUILT_INS)).toEqual({ ok: true, value: request });
    }
  });
});

describe('words that are names of every JavaScript object', () => {
  it.each(['help constructor', 'help __proto__', 'constructor', 'log calls 5 constructor', 'log calls 5 __proto__', 'settings toString 1', 'team hasOwnProperty', 'plan 1000/month valueOf 3'])(
    '“%s” is read as a plain word',
    (text) => {
      const result = parseCommand(text, BUILT_INS);
      if (text.startsWith('help')) expect(result).toEqual({ ok: true, value: { kind: 'help', topic: null, unknownTopic: text.split(' ')[1] } });
      else expect(result.ok).toBe(false);
    },
  );
});
