import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import { blockAction, initialValues, text, viewSubmission } from '../harness/payloads.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';

const OTHER_MANAGER = 'UMGR0002';
const [REP, REP2] = REPS as [string, string, string];

describe('1on1 preps through the real Bolt receiver', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ clock: () => new Date('2026-11-24T03:00:00Z'), env: { KPI_LOCALE: 'en' } });
    await seedTokyo(t.bot.store);
    await t.bot.store.teams.create({
      workspace: 'T0001',
      name: 'Osaka',
      channelId: 'COSAKA1',
      settings: defaultTeamSettings('Asia/Tokyo', 'en'),
      createdBy: OTHER_MANAGER,
      at: new Date('2026-11-01T00:00:00Z'),
      creatorJoinsAsManager: true,
    });
  });
  afterEach(async () => {
    await t.stop();
  });

  it('the rep’s manager schedules a 1on1; a rep and another team’s manager are refused', async () => {
    const ok = await t.reply(`1on1 schedule <@${REP}> fri 15:00`, { userId: MANAGER });
    expect(ok.text).toContain(`1on1 with <@${REP}> scheduled: Fri 15:00, every week. The prep arrives by DM at 13:00 on the day.`);
    expect(await t.bot.store.oneonones.of('T0001', REP)).toMatchObject({ manager: MANAGER, weekday: 5, minutes: 900, everyWeeks: 1 });
    const byRep = await t.reply(`1on1 schedule <@${REP2}> fri 15:00`, { userId: REP });
    expect(byRep.text).toContain(`A 1on1 prep for <@${REP2}> is for the manager of *Tokyo*`);
    const byOther = await t.reply(`1on1 schedule <@${REP2}> mon 10:00 every 2 weeks`, { userId: OTHER_MANAGER });
    expect(byOther.text).toContain('is for the manager of *Tokyo*');
    expect(await t.bot.store.oneonones.of('T0001', REP2)).toBeNull();
    // With a 48-hour lead the reply names the day the scheduler sends it: two days before.
    await t.reply('settings 1on1-lead 48', { userId: MANAGER });
    const early = await t.reply(`1on1 schedule <@${REP}> fri 10:00`, { userId: MANAGER });
    expect(early.text).toContain('The prep arrives by DM at 10:00 2 days before.');
    const listed = await t.reply('1on1 schedule', { userId: MANAGER });
    expect(listed.text).toContain(`<@${REP}>: Fri 10:00, weekly`);
    expect((await t.reply(`1on1 unschedule <@${REP}>`, { userId: MANAGER })).text).toContain('no longer scheduled');
  });

  it('on demand, the prep goes to the manager by DM: conversations.open, then chat.postMessage', async () => {
    const reply = await t.reply(`1on1 <@${REP}>`, { userId: MANAGER });
    expect(reply.text).toContain(`The 1on1 prep for <@${REP}> is in your DMs.`);
    const opened = t.slack.accepted('conversations.open');
    expect(opened.map((c) => c.body.users)).toEqual([MANAGER]);
    const posted = t.slack.accepted('chat.postMessage');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.at).toBeGreaterThanOrEqual(opened[0]!.at);
    expect(posted[0]!.body.channel).toBe(`D${MANAGER.slice(1)}`);
    expect(String(posted[0]!.body.text)).toContain(`1on1 prep: <@${REP}>`);
    expect(String(posted[0]!.body.text)).toContain('What went well');
    expect(String(posted[0]!.body.text)).toContain('Questions to open with');
  });

  it('refuses an on-demand prep to a rep and sends nothing', async () => {
    const reply = await t.reply(`1on1 <@${REP2}>`, { userId: REP });
    expect(reply.text).toContain('is for the manager of *Tokyo*');
    expect(t.slack.accepted('chat.postMessage')).toHaveLength(0);
  });

  it('the plan saved from the prep’s button shows in the next prep', async () => {
    await t.reply(`1on1 <@${REP}>`, { userId: MANAGER });
    const click = await t.interact(blockAction('kpi_1on1_plan', { userId: MANAGER, value: REP, triggerId: 'trig-plan' }));
    expect(click.status).toBe(200);
    const opened = await t.slack.waitFor('views.open', (c) => c.body.trigger_id === 'trig-plan');
    const view = opened.body.view as Record<string, unknown>;
    expect(view.callback_id).toBe('kpi_1on1_plan');
    expect(String(initialValues(view).plan?.value)).toContain('KPI:');
    const submitted = await t.interact(viewSubmission(view, { plan: text('Approach 10 new leads a day; role-play on Fridays') }, { userId: MANAGER }));
    expect(submitted.body).toMatchObject({ response_action: 'update' });
    expect((await t.bot.store.oneonones.latestPlan('T0001', REP))?.text).toBe('Approach 10 new leads a day; role-play on Fridays');
    await t.reply(`1on1 <@${REP}>`, { userId: MANAGER });
    const next = t.slack.accepted('chat.postMessage').at(-1)!;
    expect(String(next.body.text)).toContain('“Approach 10 new leads a day; role-play on Fridays”');
  });

  it('a rep cannot save a plan for someone else, from the form either', async () => {
    const view = { callback_id: 'kpi_1on1_plan', private_metadata: JSON.stringify({ rep: REP2 }), blocks: [{ type: 'input', block_id: 'plan', element: { type: 'plain_text_input', action_id: 'value' } }] };
    const submitted = await t.interact(viewSubmission(view, { plan: text('do less') }, { userId: REP }));
    expect(submitted.body).toMatchObject({ response_action: 'errors' });
    expect(await t.bot.store.oneonones.latestPlan('T0001', REP2)).toBeNull();
  });

  it('/kpi 1on1 plan saves a plan too, and the rep’s check-in answers reach the prep', async () => {
    expect((await t.reply(`1on1 plan <@${REP}> 10 new leads a day &amp; a Friday role-play`, { userId: MANAGER })).text).toContain('Saved the plan');
    expect((await t.bot.store.oneonones.latestPlan('T0001', REP))?.text).toBe('10 new leads a day & a Friday role-play');
    // The check-in is the scheduled rep's (the scheduler sends its button the day before).
    await t.reply(`1on1 schedule <@${REP}> tue 15:00`, { userId: MANAGER });
    await t.interact(blockAction('kpi_checkin', { userId: REP, value: '2026-11-24', triggerId: 'trig-checkin' }));
    const opened = await t.slack.waitFor('views.open', (c) => c.body.trigger_id === 'trig-checkin');
    await t.interact(viewSubmission(opened.body.view as Record<string, unknown>, { wentWell: text('two new logos'), wantHelp: text('pricing objections') }, { userId: REP }));
    await t.reply(`1on1 <@${REP}>`, { userId: MANAGER });
    const prep = String(t.slack.accepted('chat.postMessage').at(-1)!.body.text);
    expect(prep).toContain('What went well: two new logos');
    expect(prep).toContain('Where they want help: pricing objections');
  });
});
