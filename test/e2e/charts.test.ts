import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../harness/bot.js';
import type { RecordedCall } from '../harness/fake-slack.js';
import { appHomeOpened } from '../harness/payloads.js';
import { decodePng, inkPixels } from '../harness/png.js';
import { MANAGER, REPS, seedTokyo } from '../harness/sample-team.js';
import { day } from '../../src/domain/days.js';

type Block = { type: string; slack_file?: { id: string }; alt_text?: string; title?: string; chart?: { series: { name: string; data: { value: number }[] }[] }; elements?: { text: string }[] };

const REP = REPS[0]!;
/** Tuesday 24 November 2026, 09:00 in Tokyo: the daily digest and the weekly review (of 16–22 November) are due. */
const MORNING = new Date('2026-11-24T00:00:00Z');
const blocksOf = (call: RecordedCall) => call.body.blocks as Block[];
const reviewOf = (t: TestBot) => t.slack.accepted('chat.postMessage').find((c) => c.body.channel === 'CTOKYO1' && String(c.body.text).startsWith('📊'))!;
const uploadedIds = (t: TestBot) => t.slack.accepted('files.completeUploadExternal').flatMap((c) => (c.body.files as { id: string }[]).map((f) => f.id));

describe('charts end to end: the scheduler and the signed HTTP harness against a fake Slack', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ clock: () => new Date('2026-11-24T03:00:00Z'), env: { KPI_LOCALE: 'en' } });
    const team = await seedTokyo(t.bot.store);
    // The same targets from September, so every week of the trend has one.
    await t.bot.store.targets.set(
      'T0001',
      [
        ...REPS.flatMap((u) => [
          { scope: 'person' as const, subject: u, metric: 'calls', value: 50, period: 'day' as const, effectiveFrom: day('2026-09-01') },
          { scope: 'person' as const, subject: u, metric: 'meetings', value: 30, period: 'month' as const, effectiveFrom: day('2026-09-01') },
        ]),
        { scope: 'team' as const, subject: String(team.id), metric: 'revenue', value: 10_000_000, period: 'month' as const, effectiveFrom: day('2026-09-01') },
      ],
      MANAGER,
      new Date('2026-09-01T00:00:00Z'),
      'command',
    );
  });
  afterEach(async () => {
    await t.stop();
  });

  it('the weekly review goes out with Slack’s native chart blocks where the workspace takes them: nothing drawn or uploaded', async () => {
    await t.bot.scheduler.tick(MORNING);
    const review = reviewOf(t);
    const blocks = blocksOf(review);
    const charts = blocks.filter((b) => b.type === 'data_visualization');
    expect(charts.map((b) => b.title)).toEqual(['Team KPIs, week by week (last 8 weeks)', 'The funnel of the week of Mon 16 Nov']);
    // The funnel's numbers are the review's: 135 calls, 6 meetings, 1 win on Friday the 20th.
    expect(charts[1]!.chart!.series[0]!.data.map((d) => d.value)).toEqual([135, 6, 1]);
    // Each chart is followed by its numbers in words, and the text carries them too.
    expect(blocks[blocks.indexOf(charts[1]!) + 1]!.elements![0]!.text).toContain('Calls 135 · meetings 6 · wins 1');
    expect(String(review.body.text)).toContain('Chart: The funnel of the week of Mon 16 Nov.\nCalls 135 · meetings 6 · wins 1');
    expect(t.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(t.slack.callsTo('chat.postMessage').every((c) => c.ok)).toBe(true);
  });

  it('where Slack refuses the chart block, the review shows its charts as PNGs uploaded and referenced by file ID; /kpi 1on1 then goes straight to images', async () => {
    t.slack.nativeCharts = false;
    await t.bot.scheduler.tick(MORNING);
    const review = reviewOf(t);
    const images = blocksOf(review).filter((b) => b.type === 'image');
    expect(images).toHaveLength(2);
    const files = t.slack.imagesIn(review);
    expect(files.map((f) => f.id)).toEqual(uploadedIds(t));
    for (const [i, file] of files.entries()) {
      // Shared in no channel: only the messages that show it display it.
      expect(file.channel).toBeNull();
      expect(images[i]!.slack_file!.id).toBe(file.id);
      expect(images[i]!.alt_text).toMatch(/^Chart: /u);
      const png = decodePng(file.bytes!);
      expect(png.width).toBeGreaterThan(1000);
      expect(inkPixels(png)).toBeGreaterThan(10_000);
    }
    // One refused post taught the workspace's poster; the prep asked for on demand uses it.
    const refused = t.slack.callsTo('chat.postMessage').filter((c) => !c.ok);
    expect(refused).toHaveLength(1);
    const reply = await t.reply(`1on1 <@${REP}>`, { userId: MANAGER });
    expect(reply.text).toContain('is in your DMs');
    const dm = `D${MANAGER.slice(1)}`;
    const prepCalls = t.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === dm && String(c.body.text).startsWith('1on1 prep'));
    expect(prepCalls.map((c) => c.ok)).toEqual([true]);
    const prepImages = t.slack.imagesIn(prepCalls[0]!);
    expect(prepImages.length).toBe(2);
    expect(prepImages.every((f) => uploadedIds(t).includes(f.id))).toBe(true);
    expect(String(prepCalls[0]!.body.text)).toContain('Chart: Share of target');
  });

  it('App Home shows the month’s charts as uploaded PNGs, uploads each once while its numbers stay the same, and again when they change', async () => {
    async function openHome(userId: string) {
      const before = t.slack.calls.length;
      expect((await t.event(appHomeOpened(userId))).status).toBe(200);
      const call = await t.slack.waitFor('views.publish', (c) => c.body.user_id === userId && t.slack.calls.indexOf(c) >= before);
      return (call.body.view as { blocks: Block[] }).blocks;
    }
    const first = await openHome(MANAGER);
    const images = first.filter((b) => b.type === 'image');
    // The manager's own month (the manager has no targets: no chart) and the team's month.
    expect(images.map((b) => b.alt_text!.split('.')[0])).toEqual(['Chart: Tokyo: November 2026 so far']);
    expect(uploadedIds(t)).toEqual([images[0]!.slack_file!.id]);
    const rep = (await openHome(REP)).filter((b) => b.type === 'image');
    expect(rep.map((b) => b.alt_text!.split('.')[0])).toEqual(['Chart: November 2026 so far']);
    expect(uploadedIds(t)).toHaveLength(2);
    // Opened again with the same numbers: the same files, nothing uploaded.
    const again = (await openHome(REP)).filter((b) => b.type === 'image');
    expect(again.map((b) => b.slack_file!.id)).toEqual(rep.map((b) => b.slack_file!.id));
    expect(uploadedIds(t)).toHaveLength(2);
    // A new log changes the rep's month: its chart is drawn and uploaded again.
    await t.reply('log calls 20', { userId: REP });
    const changed = (await openHome(REP)).filter((b) => b.type === 'image');
    expect(changed[0]!.slack_file!.id).not.toBe(rep[0]!.slack_file!.id);
    expect(uploadedIds(t)).toHaveLength(3);
    for (const file of t.slack.files.values()) expect(decodePng(file.bytes!).width).toBeGreaterThan(1000);
  });
});
