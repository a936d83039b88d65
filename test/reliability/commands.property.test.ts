/**
 * 10,000 generated `/kpi` texts through the real Bolt receiver, from people in both languages:
 * every one gets an answer, in the person's language, never an internal error; a log is stored
 * exactly as confirmed (all of its numbers) or not at all; and another workspace's team, which
 * none of them belongs to, is left exactly as it was. Seeded, so a failure can be replayed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { guardedState, type GuardedState } from '../harness/guarded-state.js';
import { seedTokyo } from '../harness/sample-team.js';
import { COMMAND_NAMES, parseCommand } from '../../src/commands/parse.js';
import { metricNames } from '../../src/domain/metrics.js';
import { BUILT_INS } from '../harness/metrics.js';
import { messages } from '../../src/i18n/index.js';

const EN_USERS = ['U0001', 'U0002', 'U0003'];
const JA_USERS = ['U0101', 'U0102', 'U0103'];
const ADMINS = ['U0001', 'U0101'];
const BATCH = 100;
const RUNS = 100;
/** The run's seed: the same 10,000 texts every time (change it to explore others). */
const SEED = 20_261_124;
/** The texts' time budget: the property stops and fails rather than run on past it. */
const BUDGET_MS = 150_000;

const words = <T extends string>(...w: T[]) => fc.constantFrom(...w);
const commandWord = fc.constantFrom(...COMMAND_NAMES, 'add', '記録', 'ログ', '取消', 'とりけし', '?', 'ヘルプ', '状況', '目標', 'チーム', '設定', 'ツリー', 'エクスポート', 'lgo', 'undoo', 'stauts');
const metricWord = fc.oneof(
  fc.constantFrom(...BUILT_INS.all.flatMap((m) => metricNames(m))),
  words('cals', 'meeting', 'revenu', '架電数', 'アポイントメント', 'dials', 'Calls', 'CALLS', 'ｃａｌｌｓ'),
);
const numberWord = fc.oneof(
  fc.nat(300).map(String),
  fc.integer({ min: -1000, max: 2_000_000_000 }).map(String),
  fc.double({ min: -1e6, max: 1e12, noNaN: false }).map(String),
  words('45件', '1,234', '1.5k', '3万', '1億2000万', '¥30,000', '３０', '０', '-5', '1e3', 'NaN', 'Infinity', '½', '12.5', '007', '１２３件', '5回', '3社', '20%', '100000', '100001', '99,999', '1_000', '0x10', '٣'),
);
const dayWord = words('yesterday', '昨日', '一昨日', 'きのう', 'today', 'tomorrow', '2026-11-20', '2026-11-21', '2026-10-01', '2026-02-30', '11/20', '11月20日', '13/45', '2027-01-01', '0000-00-00');
const mention = words('<@U0003|aiko>', '<@U0001>', '<@U0102>', '<@UXYZ123>', '<#C0001|sales>', '<#C9999>', '<!here>', '@someone', '<@>', '<@U0001|');
const periodWord = words('day', 'week', 'month', 'quarter', 'year', '日', '週', '月', '四半期', '/day', '50/day', '3/week', '100/month', '10万/month');
const settingWord = words('timezone', 'Asia/Tokyo', 'America/New_York', 'Mars/Base', 'language', 'ja', 'en', 'fr', 'daily', '09:00', '25:99', 'off', 'weekly', 'mon', '月曜', 'workdays', 'mon-fri', 'holidays', 'jp', 'none', 'catchup', '3', 'morning-dm', 'on', 'create', 'add', 'remove', 'as', 'manager', 'members', 'sdr', 'bdr', 'field', 'cs', 'ceo', 'schedule', '15:00', 'clear', 'under');
const noise = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  words('', ' ', '\t', '\n', '　', '\u202e', '\u200b', '😀', '🎉🎉', '&amp;', '&lt;', '&gt;', '*', '_', '`', '~', '—', '"', "'", '\\', '%', '%s', '${x}', '{{x}}', 'DROP TABLE entries;', "'; --"),
);
const token = fc.oneof(
  { weight: 3, arbitrary: metricWord },
  { weight: 4, arbitrary: numberWord },
  { weight: 1, arbitrary: dayWord },
  { weight: 1, arbitrary: mention },
  { weight: 1, arbitrary: periodWord },
  { weight: 1, arbitrary: settingWord },
  { weight: 2, arbitrary: noise },
);
const separator = words(' ', ' ', ' ', '  ', '\t', '　', '\n', '');
const note = fc.option(fc.tuple(words('--', '—', '-- ', '--\n'), fc.string({ unit: 'grapheme', maxLength: 60 })).map(([dash, text]) => `${dash}${text}`), { nil: null, freq: 6 });

/** A log as people type it: metric–number pairs in either order, maybe a day, maybe a note. */
const loggish = fc
  .tuple(
    words('log ', 'log ', '記録 ', ''),
    fc.array(fc.tuple(metricWord, fc.oneof({ weight: 5, arbitrary: fc.nat(120).map(String) }, { weight: 1, arbitrary: numberWord }), fc.boolean()), { minLength: 1, maxLength: 4 }),
    fc.option(dayWord, { freq: 3, nil: null }),
    note,
  )
  .map(([command, pairs, d, n]) => `${command}${pairs.map(([m, v, glued]) => (glued ? `${m}${v}` : `${m} ${v}`)).join(' ')}${d ? ` ${d}` : ''}${n ? ` ${n}` : ''}`);

/** A `/kpi` text: a log, or a command word and some tokens, sometimes a note; now and then far too long. */
const kpiText = fc
  .oneof(
    { weight: 12, arbitrary: loggish },
    { weight: 18, arbitrary: fc.tuple(fc.option(commandWord, { freq: 4, nil: null }), fc.array(fc.tuple(token, separator), { maxLength: 8 }), note).map(([command, rest, n]) => [command ?? '', ...rest.flat(), n ?? ''].join(' ').replace(/ {2,}/gu, ' ')) },
    { weight: 1, arbitrary: fc.nat({ max: 6000 }).map((n) => `log calls 1 -- ${'x'.repeat(n)}`) },
    // Object.prototype's names, which a lookup in a plain object would find.
    { weight: 1, arbitrary: fc.constantFrom('help constructor', 'help __proto__', 'log calls 5 constructor', 'log calls 5 __proto__', 'constructor', 'settings toString 1', 'team hasOwnProperty', 'plan 1000/month valueOf 3') },
  );

/** Hiragana: every Japanese sentence has it, an English one none (unless it echoes what was typed). */
const HIRAGANA_RUN = /[\u3041-\u3096\u309d\u309e]+/gu;

interface Sent {
  readonly text: string;
  readonly userId: string;
  readonly trigger: string;
  readonly status: number;
  readonly answer: string;
}

describe('10,000 generated /kpi texts (property-based)', () => {
  let t: TestBot;
  let counter = 0;
  /**
   * Every run of hiragana anyone typed: an answer may echo it (a word it did not understand, a team's
   * name). The metrics' Japanese names and aliases are data an English list shows as they are (売り上げ).
   */
  const typedRuns = new Set<string>(BUILT_INS.all.flatMap(metricNames));
  /** Tokyo, in a workspace none of the typists is in (seeded there from the sample team). */
  let otherWorkspace: GuardedState;
  beforeAll(async () => {
    t = await startTestBot({ env: { KPI_ADMINS: ADMINS.join(','), KPI_LOCALE: 'en' } });
    for (const id of EN_USERS) t.slack.users.set(id, { id, locale: 'en-US', tz: 'Asia/Tokyo' });
    for (const id of JA_USERS) t.slack.users.set(id, { id, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    await seedTokyo(t.bot.store, 'en', 'T0009');
    otherWorkspace = await guardedState(t.bot.store, 'T0009');
  });
  afterAll(async () => {
    await t.stop();
  });

  async function send(text: string, userId: string): Promise<Sent> {
    counter += 1;
    const trigger = `prop-${counter}`;
    const reply = await t.reply(text, { userId, triggerId: trigger, responseUrl: t.slack.responseUrl(trigger) });
    let answer = reply.text;
    if (answer === messages('en').stillWorking || answer === messages('ja').stillWorking) {
      const late = await t.slack.waitFor('response_url', (c) => c.path === `/respond/${trigger}`, 10_000);
      answer = String(late.body.text);
    }
    return { text, userId, trigger, status: reply.status, answer };
  }

  function checkAnswer(s: Sent): void {
    const ja = JA_USERS.includes(s.userId);
    const where = `“${s.text}” from a ${ja ? 'Japanese' : 'English'} speaker answered “${s.answer.slice(0, 300)}”`;
    expect(s.status, where).toBe(200);
    for (const locale of ['en', 'ja'] as const) {
      expect(s.answer, where).not.toBe(messages(locale).internalError);
      expect(s.answer, where).not.toBe(messages(locale).storeUnavailable);
    }
    if (s.answer === '') {
      // The answer is a form the bot opened.
      expect(t.slack.callsTo('views.open').some((c) => c.body.trigger_id === s.trigger), where).toBe(true);
      return;
    }
    const own = [...s.answer.matchAll(HIRAGANA_RUN)].map((m) => m[0]).filter((run) => ![...typedRuns].some((typed) => typed.includes(run)));
    if (ja) expect(own.length, where).toBeGreaterThan(0);
    else expect(own, where).toEqual([]);
  }

  it('each gets an answer in the person’s language, never an internal error, and a log is stored whole exactly when it is confirmed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(kpiText, fc.nat(EN_USERS.length + JA_USERS.length - 1)), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        for (const [text] of batch) for (const m of `${text}\n${text.normalize('NFKC')}`.matchAll(HIRAGANA_RUN)) typedRuns.add(m[0]);
        const users = [...EN_USERS, ...JA_USERS];
        const sent: Sent[] = [];
        for (let i = 0; i < batch.length; i += 50) {
          sent.push(...(await Promise.all(batch.slice(i, i + 50).map(([text, u]) => send(text, users[u]!)))));
        }
        for (const s of sent) checkAnswer(s);

        const stored = await t.bot.store.write((tx) =>
          tx.all<{ request_key: string; text: string; metric: string | null; value: number | null }>(
            `SELECT c.request_key, c.text, e.metric, e.value FROM log_commands c LEFT JOIN entries e ON e.command_id = c.id
             WHERE c.request_key IN (SELECT value FROM json_each(?)) ORDER BY c.id, e.id`,
            [JSON.stringify(sent.map((s) => s.trigger))],
          ),
        );
        const byKey = new Map<string, { text: string; pairs: { metric: string; value: number }[] }>();
        for (const r of stored) {
          const log = byKey.get(r.request_key) ?? { text: r.text, pairs: [] };
          if (r.metric !== null) log.pairs.push({ metric: r.metric, value: r.value! });
          byKey.set(r.request_key, log);
        }
        for (const s of sent) {
          const log = byKey.get(s.trigger);
          const confirmed = /Logged for|の分として記録しました/u.test(s.answer);
          expect(log !== undefined, `“${s.text}”: stored ${log !== undefined}, answered “${s.answer.slice(0, 200)}”`).toBe(confirmed);
          if (!log) continue;
          const parsed = parseCommand(s.text, BUILT_INS);
          expect(parsed.ok && parsed.value.kind === 'log').toBe(true);
          if (parsed.ok && parsed.value.kind === 'log') expect(log.pairs).toEqual(parsed.value.pairs.map((p) => ({ metric: p.metric.key, value: p.value })));
        }
      }),
      { numRuns: RUNS, seed: SEED, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: true },
    );

    const facts = await t.bot.store.write(async (tx) => ({
      halfWritten: (await tx.get<{ n: number }>('SELECT count(*) AS n FROM log_commands c WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.command_id = c.id)'))!.n,
      outOfStep: (await tx.get<{ n: number }>(
        `SELECT count(*) AS n FROM (
           SELECT team_id, user_id, day, metric, sum(value) AS total, count(*) AS k FROM entries
           WHERE undone_at IS NULL AND metric NOT IN (SELECT key FROM metrics WHERE kind = 'snapshot') GROUP BY team_id, user_id, day, metric
         ) e FULL OUTER JOIN (SELECT * FROM daily_totals WHERE metric NOT IN (SELECT key FROM metrics WHERE kind = 'snapshot')) d USING (team_id, user_id, day, metric)
         WHERE e.total IS NOT d.total OR e.k IS NOT d.entries`,
      ))!.n,
      integrity: (await tx.get<{ integrity_check: string }>('PRAGMA integrity_check'))!.integrity_check,
    }));
    expect(counter).toBe(BATCH * RUNS);
    expect(facts).toEqual({ halfWritten: 0, outOfStep: 0, integrity: 'ok' });
    expect(await guardedState(t.bot.store, 'T0009')).toEqual(otherWorkspace);
  }, 180_000);
});
