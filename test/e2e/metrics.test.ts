import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, tempDir, type TestBot } from '../harness/bot.js';
import { choice, text, viewSubmission } from '../harness/payloads.js';
import { runCli, type CliIo } from '../../src/cli/index.js';

const ADMIN = 'UADMIN1';
const MANAGER = 'UMGR1';
const SDR = 'UREP1';
const FIELD = 'UREP2';
const CS = 'UREP3';
const SDR2 = 'UREP4';
const FIELD2 = 'UREP5';

async function cli(args: string[], env: Record<string, string>, now: Date) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, clock: () => now };
  return { code: await runCli(args, io), stdout, stderr };
}

describe('the team’s own metrics and the seeds’ definitions, through the real Bolt receiver', () => {
  let t: TestBot;
  let now: Date;
  let dir: ReturnType<typeof tempDir>;
  let dbPath: string;
  const as = (userId: string, typed: string, channelId = 'CSALES1') => t.reply(typed, { userId, channelId });

  beforeEach(async () => {
    dir = tempDir();
    dbPath = join(dir.path, 'kpi.sqlite');
    now = new Date('2026-11-20T03:00:00Z');
    t = await startTestBot({ clock: () => now, dbPath, env: { KPI_ADMINS: ADMIN, KPI_LOCALE: 'ja' } });
    for (const id of [ADMIN, MANAGER, SDR, FIELD, CS]) t.slack.users.set(id, { id, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    await as(ADMIN, 'team create 東京 <#CSALES1|sales>');
    await as(ADMIN, `team add <@${MANAGER}> as manager`);
    await as(ADMIN, `team add <@${SDR}> <@${FIELD}> <@${CS}>`);
    await as(MANAGER, `template sdr <@${SDR}>`);
    await as(MANAGER, `template field <@${FIELD}>`);
    await as(MANAGER, `template cs <@${CS}>`);
  });
  afterEach(async () => {
    await t.stop();
    dir.remove();
  });

  /** The team's custom metrics as a Japanese manager defines them. */
  async function defineOwnMetrics() {
    const flow = await as(MANAGER, 'metric add 有効商談 count aliases valid-meetings');
    expect(flow.text).toContain('*有効商談* をこのワークスペースの指標に追加しました。');
    const snapshot = await as(MANAGER, 'metric add 見込み案件 snapshot aliases open-deals');
    expect(snapshot.text).toContain('*見込み案件*');
    expect(snapshot.text).toContain('最新の値を日付つきで引き継ぎます');
    const rate = await as(MANAGER, 'metric rate 有効商談率 = 有効商談 / 商談');
    expect(rate.text).toContain('有効商談率 = 有効商談 ÷ 商談');
  }

  it('a custom flow, snapshot and rate: defined, logged in Japanese, targeted, in the status, the digest and the 1on1, exported and imported', async () => {
    await defineOwnMetrics();
    // Every definition is listed with its formula, in the reader's language.
    const list = await as(SDR, 'metric');
    expect(list.text).toContain('*有効商談率 = 有効商談 ÷ 商談*');
    expect(list.text).toContain('*有効商談 (valid meetings)*');

    // Logged in Japanese, by their Japanese and English names alike.
    for (const [d, typed] of [
      ['2026-11-18', 'log 商談 4 有効商談 2 見込み案件 6 架電 40'],
      ['2026-11-19', 'log 商談 6 valid-meetings 4 open-deals 9 架電 50'],
    ] as const) {
      const logged = await as(SDR, `${typed} ${d}`);
      expect(logged.text, typed).toContain('の分として記録しました');
    }
    expect((await as(SDR, 'log 有効商談率 50%')).text).toContain('有効商談率は有効商談と商談から自動で計算されます');

    // Targeted like any built-in: a flow per day, a snapshot, the rate for the team.
    await as(MANAGER, `target 有効商談 40/月 <@${SDR}>`);
    await as(MANAGER, `target 見込み案件 10/月 <@${SDR}>`);
    await as(MANAGER, 'target 有効商談率 50% team');
    const status = await as(SDR, 'status');
    expect(status.text).toContain('*有効商談* 6 / 40件');
    expect(status.text).toContain('*見込み案件* 9 / 10件');
    expect(status.text).toContain('11月19日(木)時点');
    expect(status.text).toMatch(/有効商談率 60% \(商談 10件のうち有効商談 6件\)/u);
    expect(status.text).toContain('有効商談率 = 有効商談 ÷ 商談');

    // The next morning digest (Tuesday: Monday the 23rd is a holiday; the team was created after Friday's)
    // carries the team's rate and the custom count; the 1on1 prep the rep's.
    now = new Date('2026-11-24T00:00:00Z');
    await t.bot.scheduler.tick(now);
    const digest = t.slack.accepted('chat.postMessage').find((c) => c.body.channel === 'CSALES1' && String(c.body.text).startsWith('☀️'));
    expect(digest, 'the daily digest was posted').toBeDefined();
    const digestText = String(digest!.body.text);
    expect(digestText).toContain('有効商談率');
    expect(digestText).toContain('有効商談');
    now = new Date('2026-11-20T03:00:00Z');
    expect((await as(MANAGER, `1on1 <@${SDR}>`)).text).toContain('1on1準備メモをDMでお送りしました');
    const prep = String(t.slack.accepted('chat.postMessage').at(-1)!.body.text);
    expect(prep).toContain('有効商談 6 / 40件(15%)');
    expect(prep).toContain('見込み案件 9 / 10件(90%)');

    // Exported with its key (from the English alias), and imported into another database that defines the same metrics.
    const exported = await cli(['export'], { KPI_DB_PATH: dbPath }, now);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`2026-11-19,${SDR},valid_meetings,4`);
    expect(exported.stdout).toContain(`2026-11-19,${SDR},open_deals,9`);
    await t.stop();
    const second = join(dir.path, 'second.sqlite');
    t = await startTestBot({ clock: () => now, dbPath: second, env: { KPI_ADMINS: ADMIN, KPI_LOCALE: 'ja' } });
    t.slack.users.set(MANAGER, { id: MANAGER, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    await as(ADMIN, 'team create 東京 <#CSALES1|sales>');
    await as(ADMIN, `team add <@${MANAGER}> as manager`);
    await defineOwnMetrics();
    await t.stop();
    const csv = join(dir.path, 'history.csv');
    writeFileSync(csv, exported.stdout);
    const imported = await cli(['import', csv, '--workspace', 'T0001'], { KPI_DB_PATH: second }, now);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const again = await cli(['export'], { KPI_DB_PATH: second }, now);
    expect(again.stdout).toBe(exported.stdout);
    t = await startTestBot({ clock: () => now, dbPath: second, env: { KPI_ADMINS: ADMIN, KPI_LOCALE: 'ja' } });
    t.slack.users.set(SDR, { id: SDR, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    expect((await as(SDR, 'status')).text).toMatch(/有効商談率 60%/u);
  });

  it('the form defines a rate field by field, and a retired metric keeps its history but takes no new logs', async () => {
    await as(MANAGER, 'metric add 有効商談 count');
    const opened = await as(MANAGER, 'metric add');
    expect(opened.status).toBe(200);
    const view = (await t.slack.waitFor('views.open')).body.view as Record<string, unknown>;
    expect(view.callback_id).toBe('kpi_metric');
    // A rate without its denominator is refused under that field.
    const incomplete = await t.interact(viewSubmission(view, { name: text('有効商談率'), kind: choice('rate'), numerator: { type: 'multi_static_select', selected_options: [{ value: '有効商談' }] } }, { userId: MANAGER }));
    expect(incomplete.body).toMatchObject({ response_action: 'errors', errors: { denominator: expect.stringContaining('分母') } });
    const saved = await t.interact(
      viewSubmission(view, { name: text('有効商談率'), kind: choice('rate'), numerator: { type: 'multi_static_select', selected_options: [{ value: '有効商談' }] }, denominator: choice('meetings') }, { userId: MANAGER }),
    );
    expect(saved.body).toMatchObject({ response_action: 'update' });
    expect((await t.bot.store.metrics.catalog('T0001')).resolve('有効商談率')?.formula).toEqual({ numerator: ['有効商談'], denominator: 'meetings', denominatorAt: 'end' });
    // A rep may not define metrics.
    expect((await as(SDR, 'metric add 勝手指標')).text).toContain('指標の定義は');

    await as(SDR, 'log 有効商談 3');
    expect((await as(MANAGER, 'metric retire 有効商談')).text).toContain('有効商談率の計算に使われています');
    await as(MANAGER, 'metric retire 有効商談率');
    const retired = await as(MANAGER, 'metric retire 有効商談');
    expect(retired.text).toContain('これまでの履歴は残り');
    expect((await as(SDR, 'log 有効商談 2')).text).toContain('有効商談はこのワークスペースで廃止されています');
    expect((await t.bot.store.activity.entriesOf('T0001', SDR)).filter((e) => e.metric === '有効商談')).toHaveLength(1);
    expect((await as(MANAGER, 'metric')).text).toContain('廃止済み(履歴は保持): 有効商談・有効商談率');
    expect((await as(MANAGER, 'metric restore 有効商談')).text).toContain('を戻しました');
    expect((await as(SDR, 'log 有効商談 2')).text).toContain('の分として記録しました');
  });

  it('one label, one formula: 商談化率 is meetings ÷ calls everywhere, and meetings ÷ connects has its own name', async () => {
    const help = await as(SDR, 'help rates');
    expect(help.text).toContain('商談化率 = 商談 ÷ 架電');
    expect(help.text).toContain('アポ率 = 商談 ÷ 有効架電');
    expect(help.text).toContain('解約率 = 解約 ÷ 期首の担当顧客');
    expect(help.text).toContain('チームのファネル: 架電 → 有効架電 → 商談 → 受注');
    t.slack.users.set('UENGLISH', { id: 'UENGLISH', locale: 'en-US', tz: 'Asia/Tokyo' });
    const en = await t.reply('help rates', { userId: 'UENGLISH' });
    expect(en.text).toContain('meeting rate = meetings ÷ calls');
    expect(en.text).toContain('connect-to-meeting rate = meetings ÷ connects');
    // A second name for a formula that has one is refused: the team adds an alias instead.
    const twin = await as(MANAGER, 'metric rate 別名商談化率 = 商談 / 架電');
    expect(twin.text).toContain('商談 ÷ 架電 はすでに「商談化率」の計算式です');
    expect((await t.bot.store.metrics.catalog('T0001')).resolve('別名商談化率')).toBeNull();
  });

  it('customer success: 100 customers with 4 churned in a month reads as 4% a month against the yearly 5%, compounded to a month', async () => {
    await as(CS, 'log 担当顧客 100 2026-10-30');
    await as(CS, 'log 解約 4 担当顧客 96 2026-11-18');
    const status = await as(CS, 'status');
    // About 0.43% a month is what 5% a year allows (1 − 0.95^(30/365)); 4% this month is well above it.
    expect(status.text).toContain('*解約率* 4% / 0.4%');
    expect(status.text).toContain('設定した目標: 年間解約率 5%以下');
    expect(status.text).toContain('期首の担当顧客 100社のうち解約 4件');
    expect(status.text).toContain('上限より3.6ポイント多い状態です');
    expect(status.text).not.toContain('上限内です');
  });

  it('a snapshot carries its latest value forward, dated: the pipeline logged on 16 November shows on 2 December', async () => {
    await as(FIELD, 'log パイプライン 1500万 2026-11-16');
    now = new Date('2026-12-02T03:00:00Z');
    const status = await as(FIELD, 'status');
    expect(status.text).toContain('その他の記録: パイプライン 1,500万円 (11月16日(月)時点)');
    // Carried from November, it is no progress of December's.
    expect(status.text).not.toMatch(/進んでいます: パイプライン|積み上げ: パイプライン|いい流れです: パイプライン/u);
    // With a target, the line shows the value and its day.
    await as(MANAGER, `target パイプライン 3000万/月 <@${FIELD}>`);
    const targeted = await as(FIELD, 'status');
    expect(targeted.text).toContain('*パイプライン* 1,500万円 / 3,000万円');
    expect(targeted.text).toContain('11月16日(月)時点');
  });

  it('field meetings do not change inside sales’ meeting rate, and the plan reads its win rate over field sales', async () => {
    // Two of each, so the channel may show each stage: one person's rate is theirs alone (rule 5).
    for (const id of [SDR2, FIELD2]) t.slack.users.set(id, { id, locale: 'ja-JP', tz: 'Asia/Tokyo' });
    await as(ADMIN, `team add <@${SDR2}> <@${FIELD2}>`);
    await as(MANAGER, `template sdr <@${SDR2}>`);
    await as(MANAGER, `template field <@${FIELD2}>`);
    for (const d of ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19']) {
      for (const sdr of [SDR, SDR2]) await as(sdr, `log 架電 100 商談 5 ${d}`);
      for (const field of [FIELD, FIELD2]) await as(field, `log 商談 5 受注 1 売上 50万 ${d}`);
    }
    // The team's meeting rate is 40 of 800 calls (5%), not the 80 meetings of everyone over those calls (10%).
    const weekly = await t.bot.scheduler.tick(new Date('2026-11-24T00:00:00Z'));
    expect(weekly.length).toBeGreaterThan(0);
    const review = t.slack.accepted('chat.postMessage').map((c) => String(c.body.text)).find((x) => x.startsWith('📊'));
    expect(review).toContain('架電 800件 → 商談 40件(商談化率 5%・インサイドセールス)');
    expect(review).toContain('商談 40件 → 受注 8件(受注率 20%・フィールドセールス)');
    // 500万 at ¥500,000 a deal is 10 wins; at field sales' 20% win rate 50 meetings (everyone's 10% would ask for 100).
    now = new Date('2026-11-20T03:00:00Z');
    const plan = await as(MANAGER, 'plan 500万/月');
    expect(plan.text).toContain('受注 10件 → 商談 50件');
    expect(plan.text).toContain('受注率: 20%(チームの直近90日の実績(フィールドセールス))');
    expect(plan.text).toContain('商談化率: 5%(チームの直近90日の実績(インサイドセールス))');
  });
});
