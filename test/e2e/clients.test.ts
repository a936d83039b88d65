/**
 * Issue 15 (seed 003): an agency with two client engagements sharing one rep, through the signed
 * harness and the real scheduler. Each client's channel gets only its own engagement's report, team
 * totals only, exactly once; the decisions of a review show in the next report and not again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBot } from '../harness/bot.js';
import { Clocked } from '../harness/clocked.js';
import { wordingProblems } from '../harness/coaching-teams.js';
import { blockAction, choice, text, viewSubmission } from '../harness/payloads.js';
import { day } from '../../src/domain/days.js';

const ADMIN = 'UADMIN1';
const MANAGER = 'UMGR1';
const AKI = 'UAKI1';
const BEN = 'UBEN1';
const CHIKA = 'UCHIKA1';
const ACME = 'CACME1';
const HOKUTO = 'CHOKUTO1';

describe('client engagements of an agency, through the real Bolt receiver and the scheduler', () => {
  let t: TestBot;
  let c: Clocked;

  beforeEach(async () => {
    c = new Clocked('2026-11-02T01:00:00Z', 'CAGENCY1'); // Monday 2 November, 10:00 in Tokyo
    t = await c.start({ env: { KPI_ADMINS: ADMIN, KPI_LOCALE: 'en' } });
    for (const [id, locale] of [
      [ADMIN, 'en-US'],
      [MANAGER, 'en-US'],
      [AKI, 'ja-JP'],
      [BEN, 'en-US'],
      [CHIKA, 'ja-JP'],
    ] as const) {
      t.slack.users.set(id, { id, locale, tz: 'Asia/Tokyo' });
    }
    await c.as(ADMIN, 'team create Agency <#CAGENCY1|agency>');
    await c.as(ADMIN, `team add <@${MANAGER}> as manager`);
    await c.as(ADMIN, `team add <@${AKI}> <@${BEN}> <@${CHIKA}>`);
    expect((await c.as(MANAGER, `client add Acme <#${ACME}|acme-shared> weekly en`)).text).toContain('Client engagement *Acme* started: a weekly report in English to <#CACME1>');
    expect((await c.as(MANAGER, `client add 北斗 <#${HOKUTO}|hokuto> weekly ja`)).text).toContain('*北斗*');
    expect((await c.as(MANAGER, `client acme add <@${AKI}> <@${BEN}>`)).text).toContain(`Added to Acme: <@${AKI}> and <@${BEN}>`);
    await c.as(MANAGER, `client 北斗 add <@${AKI}> <@${CHIKA}>`);
    expect((await c.as(MANAGER, 'client acme target meetings 20/month')).text).not.toContain('not');
    await c.as(MANAGER, 'client acme target wins 4/month');
    await c.as(MANAGER, 'client 北斗 target 商談 10/月');
  });
  afterEach(async () => {
    await t.stop();
  });

  /** The week of 9–13 November: Aki works for both clients, Ben for Acme, Chika for 北斗. */
  async function logTheWeek() {
    c.at('2026-11-10T08:00:00Z');
    // Aki is on two engagements: a log that names neither is asked about and stores nothing.
    const which = await c.as(AKI, 'log 架電 40 商談 2');
    expect(which.text).toContain('Acme・北斗を担当しています。どのクライアントの分か `@Acme` のように書いてください。');
    expect(which.text).toContain('何も記録していません');
    expect(await t.bot.store.activity.entriesOf('T0001', AKI)).toEqual([]);
    expect((await c.as(AKI, 'log 架電 40、商談 2 @acme')).text).toContain('架電 40件・商談 2件');
    await c.as(AKI, 'log 架電 30 商談 1 @北斗');
    expect((await c.as(AKI, 'log 架電 5 @globex')).text).toContain('「globex」というクライアントはこのワークスペースにありません。あなたの担当はAcme・北斗です。');
    // Ben and Chika are on one engagement each: every log of theirs counts for it.
    await c.as(BEN, 'log calls 60 meetings 3 wins 1');
    await c.as(CHIKA, 'log リード 12 商談 2');
    const decided = await c.as(MANAGER, 'decision @acme Put the webinar leads at the top of the call list');
    expect(decided.text).toBe('Decision recorded for Acme: “Put the webinar leads at the top of the call list”. The next report shows it.');
  }

  it('each client channel gets only its own report, team totals only, exactly once, in its language', async () => {
    await logTheWeek();
    // The agency team's own digest and DMs go on as before; an engagement gets no digest.
    await c.tick('2026-11-11T00:00:00Z');
    expect(c.postsTo(ACME)).toEqual([]);
    expect(c.postsTo(HOKUTO)).toEqual([]);
    expect(c.postsTo('CAGENCY1')).toHaveLength(1);

    await c.tick('2026-11-16T00:00:00Z'); // Monday 09:00 in Tokyo: the weekly reports
    await c.tick('2026-11-16T00:01:00Z');
    await c.tick('2026-11-16T02:00:00Z'); // later ticks, as after a restart: nothing again
    const acme = c.postsTo(ACME);
    const hokuto = c.postsTo(HOKUTO);
    expect(acme).toHaveLength(1);
    expect(hokuto).toHaveLength(1);

    // Acme: Aki's Acme log and Ben's, in English; nothing of 北斗's.
    expect(acme[0]).toContain('📊 Acme: weekly report, Mon 9 Nov – Sun 15 Nov');
    expect(acme[0]).toContain('• Meetings: 5 / 20 meetings (25%)');
    expect(acme[0]).toContain('• Wins: 1 / 4 wins (25%)');
    expect(acme[0]).toContain('• Calls → meetings: meeting rate 5%, 100 calls → 5 meetings');
    expect(acme[0]).toContain('Put the webinar leads at the top of the call list');
    expect(acme[0]).toContain('Agenda for the review meeting');
    // 北斗: Aki's 北斗 log and Chika's, in Japanese.
    expect(hokuto[0]).toContain('📊 北斗 週次レポート');
    expect(hokuto[0]).toContain('• 商談: 3 / 10件(30%)');
    expect(hokuto[0]).not.toContain('webinar');
    // Every figure with its unit, no line starting lower-case, nothing said as 0 / 0.
    expect(wordingProblems(acme[0]!, 'en')).toEqual([]);
    expect(wordingProblems(hokuto[0]!, 'ja')).toEqual([]);
    // Team totals only: nobody is named, mentioned or counted alone in a client's channel.
    for (const report of [acme[0]!, hokuto[0]!]) {
      expect(report).not.toMatch(/<@U/u);
      for (const name of ['Aki', 'Ben', 'Chika', '秋山']) expect(report).not.toContain(name);
    }
    // A client report names no individual in its blocks either.
    const blocks = t.slack.accepted('chat.postMessage').filter((c) => c.body.channel === ACME).map((c) => JSON.stringify(c.body.blocks));
    expect(blocks.join('')).not.toMatch(/<@U/u);
  });

  it('decisions of a review show in the next report and not in the one after', async () => {
    await logTheWeek();
    await c.tick('2026-11-16T00:00:00Z');
    c.at('2026-11-17T06:00:00Z');
    await c.as(MANAGER, 'decision @acme Call every webinar lead within an hour');
    // Monday 23 November is a holiday in Japan: the report goes on Tuesday the 24th.
    await c.tick('2026-11-23T00:00:00Z');
    expect(c.postsTo(ACME)).toHaveLength(1);
    await c.tick('2026-11-24T00:00:00Z');
    const second = c.postsTo(ACME)[1]!;
    expect(second).toContain('📊 Acme: weekly report, Mon 16 Nov – Sun 22 Nov');
    expect(second).toContain('Call every webinar lead within an hour');
    expect(second).not.toContain('Put the webinar leads at the top of the call list');
    expect(second).toContain('How the last review’s decision went');
    // And the decisions are listed on request.
    const listed = await c.as(MANAGER, 'decision @acme');
    expect(listed.text).toContain('Recent decisions of Acme');
    expect(listed.text).toContain('Call every webinar lead within an hour');
  });

  it('the agreed definitions, the preview, and who may run an engagement', async () => {
    await logTheWeek();
    await c.as(MANAGER, 'metric edit meetings definition a meeting with the decision maker present');
    const defs = await c.as(MANAGER, 'definitions @acme');
    expect(defs.text).toContain('KPI definitions of Acme');
    expect(defs.text).toContain('• *Meetings* (a count): counted from each day’s logs, added up over the period. Agreed: “a meeting with the decision maker present”');
    expect(defs.text).toMatch(/\*Win rate\* \(a percentage\): worked out from the period’s sums: wins ÷ meetings/u);
    c.at('2026-11-16T00:30:00Z');
    const preview = await c.as(MANAGER, 'client acme report');
    expect(preview.text).toContain('Preview, only you see this');
    expect(preview.text).toContain('Agreed: “a meeting with the decision maker present”');
    expect(c.postsTo(ACME)).toEqual([]);
    // A rep can neither add people to an engagement nor set its targets.
    expect((await c.as(BEN, `client acme add <@${CHIKA}>`)).text).toContain('is for the manager of *Agency*');
    expect((await c.as(BEN, 'client acme target meetings 99/month')).text).toContain('is for the manager of *Agency*');
    const shown = await c.as(BEN, 'client acme');
    expect(shown.text).toContain('Client engagement: Acme');
    expect(shown.text).toContain('*Meetings*: 20 meetings a month');
    expect(shown.text).toContain(`On it: <@${AKI}> and <@${BEN}>`);
    expect((await c.as(BEN, 'client')).text).toContain('• *Acme*: weekly report to <#CACME1>, 2 people');
    // The client's language is named in the reader's; a report with no weekly time says it is not sent.
    expect((await c.as(AKI, 'client 北斗')).text).toContain('日本語');
    expect((await c.as(AKI, 'client acme')).text).toContain('英語');
    expect(shown.text).toContain('Report: weekly (every Mon at 09:00), in English');
    await c.as(MANAGER, 'client acme settings weekly off');
    expect((await c.as(BEN, 'client acme')).text).toContain('Report: weekly (not sent: its weekly time is off), in English');
  });

  it('the log form asks someone on two engagements which one, and stores the log for the one chosen', async () => {
    c.at('2026-11-10T08:00:00Z');
    await t.interact(blockAction('kpi_open_log', { userId: AKI, triggerId: 'trig-log' }));
    const view = (await t.slack.waitFor('views.open', (c) => c.body.trigger_id === 'trig-log')).body.view as { blocks: { block_id?: string; element?: { options?: { value: string }[] } }[] };
    const field = view.blocks.find((b) => b.block_id === 'client');
    expect(field?.element?.options?.map((o) => o.value)).toEqual(['Acme', '北斗']);
    const saved = await t.interact(viewSubmission(view as never, { metric1: choice('calls'), amount1: text('25'), client: choice('北斗') }, { userId: AKI }));
    expect(saved.body).toMatchObject({ response_action: 'update' });
    const hokuto = (await t.bot.store.engagements.byName('T0001', '北斗'))!;
    expect((await t.bot.store.engagements.memberTotals(hokuto.id, day('2026-11-01'), day('2026-11-30'))).get(AKI)?.values).toEqual({ calls: 25 });
    // Ben is on one engagement: his form has no such field.
    await t.interact(blockAction('kpi_open_log', { userId: BEN, triggerId: 'trig-ben' }));
    const his = (await t.slack.waitFor('views.open', (c) => c.body.trigger_id === 'trig-ben')).body.view as { blocks: { block_id?: string }[] };
    expect(his.blocks.some((b) => b.block_id === 'client')).toBe(false);
  });

  it('a default client takes the logs that name none, and a monthly report goes on the month’s first workday', async () => {
    expect((await c.as(AKI, 'client acme default')).text).toContain('ほかのクライアントを指定しない記録は、Acmeに集計されます。');
    c.at('2026-11-10T08:00:00Z');
    await c.as(AKI, 'log 架電 10 商談 1');
    expect(await t.bot.store.engagements.memberTotals((await t.bot.store.engagements.byName('T0001', 'acme'))!.id, day('2026-11-01'), day('2026-11-30'))).toEqual(
      new Map([[AKI, { values: { calls: 10, meetings: 1 }, atStart: {}, asOf: {} }]]),
    );
    expect((await c.as(MANAGER, 'client 北斗 report monthly')).text).toContain('北斗 now gets a monthly report, on the first workday of each month at 09:00.');
    // 1 December is a Tuesday: 北斗's monthly report goes then, about November; Acme's weekly one came on Monday the 30th.
    await c.tick('2026-11-30T00:00:00Z');
    expect(c.postsTo(HOKUTO)).toEqual([]);
    await c.tick('2026-12-01T00:00:00Z');
    expect(c.postsTo(HOKUTO)).toHaveLength(1);
    expect(c.postsTo(HOKUTO)[0]).toContain('📊 北斗 月次レポート(2026年11月)');
  });
});
