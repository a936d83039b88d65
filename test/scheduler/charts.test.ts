import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../harness/bot.js';
import { FakeSlack, type RecordedCall } from '../harness/fake-slack.js';
import { decodePng, inkPixels } from '../harness/png.js';
import { seedTokyo } from '../harness/sample-team.js';
import { knownCharts } from '../reports/charts/known.js';
import { day } from '../../src/domain/days.js';
import { createLogger } from '../../src/log.js';
import { section, type Message } from '../../src/reports/blocks.js';
import { loadWeeklyReviewWithTrend, weeklyReviewMessage } from '../../src/reports/charts/from-weekly.js';
import { ChartPosters, type ChartPosterOptions } from '../../src/scheduler/chart-poster.js';
import { Sender } from '../../src/scheduler/sender.js';
import { SlackClient } from '../../src/slack/client.js';
import { Store } from '../../src/store/index.js';

const logger = createLogger('error');
const DAY_MS = 24 * 60 * 60 * 1000;
const { funnel, period } = knownCharts('en');

/** A message with the funnel under its first section. */
const withFunnel = (text = 'Weekly review'): Message => ({ text, blocks: [section(text)], charts: [{ at: 1, chart: funnel }] });

const blocksOf = (call: RecordedCall) => call.body.blocks as { type: string; slack_file?: { id: string }; alt_text?: string }[];

describe('charts on the way to Slack', () => {
  let slack: FakeSlack;
  let clock: { now: number };
  let sleeps: number[];
  const senderFor = (charts: ChartPosterOptions = {}) => {
    const chat = new SlackClient({ token: 'xoxb-test', apiUrl: slack.url, logger });
    const sleep = async (ms: number) => void sleeps.push(ms);
    const now = () => clock.now;
    return new Sender(chat, { sleep, now, channelGapMs: 0, charts: new ChartPosters(chat, { sleep, now, ...charts }) });
  };

  beforeEach(async () => {
    slack = await new FakeSlack().start();
    clock = { now: Date.parse('2026-11-24T00:00:00Z') };
    sleeps = [];
  });
  afterEach(async () => {
    expect(slack.limitProblems).toEqual([]);
    await slack.stop();
  });

  it('draws a chart with Slack’s native block where the workspace takes it: nothing is rendered or uploaded', async () => {
    const result = await senderFor().send({ channel: 'CSALES1' }, withFunnel());
    expect(result.ok).toBe(true);
    const [post] = slack.accepted('chat.postMessage');
    expect(blocksOf(post!).map((b) => b.type)).toEqual(['section', 'data_visualization', 'context']);
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });

  it('where Slack refuses the block, posts the chart as its PNG, uploaded and shown by file ID, and remembers that for a day', async () => {
    slack.nativeCharts = false;
    const sender = senderFor();
    expect((await sender.send({ channel: 'CSALES1' }, withFunnel())).ok).toBe(true);
    expect(slack.callsTo('chat.postMessage').map((c) => c.ok)).toEqual([false, true]);
    // Slack's three upload steps, the file shared in no channel.
    const [reserve] = slack.accepted('files.getUploadURLExternal');
    const [upload] = slack.accepted('file_upload');
    const [complete] = slack.accepted('files.completeUploadExternal');
    expect(reserve!.body.alt_text).toBe(funnel.text.alt.slice(0, 1000));
    expect(complete!.body.channel_id).toBeUndefined();
    const fileId = String(upload!.body.file);
    const png = decodePng(upload!.body.bytes as Buffer);
    expect(png.width).toBeGreaterThan(1000);
    expect(inkPixels(png)).toBeGreaterThan(10_000);
    // The posted message shows that file, with the chart's text alternative, and its numbers as a line.
    const posted = slack.accepted('chat.postMessage')[0]!;
    expect(blocksOf(posted).map((b) => b.type)).toEqual(['section', 'image', 'context']);
    expect(blocksOf(posted)[1]).toMatchObject({ slack_file: { id: fileId }, alt_text: funnel.text.alt });
    expect(slack.imagesIn(posted).map((f) => f.id)).toEqual([fileId]);
    expect(sender.charts.of('').triesNative).toBe(false);

    // The next message goes straight to images, and the same chart is not uploaded again.
    expect((await sender.send({ userId: 'U1' }, withFunnel('again'))).ok).toBe(true);
    expect(slack.callsTo('chat.postMessage').map((c) => c.ok)).toEqual([false, true, true]);
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(slack.imagesIn(slack.accepted('chat.postMessage')[1]!).map((f) => f.id)).toEqual([fileId]);

    // A day later the native block is tried again, in case Slack takes it by then.
    clock.now += DAY_MS;
    slack.nativeCharts = true;
    expect((await sender.send({ channel: 'CSALES1' }, withFunnel('a day later'))).ok).toBe(true);
    expect(blocksOf(slack.accepted('chat.postMessage')[2]!).map((b) => b.type)).toContain('data_visualization');
    expect(sender.charts.of('').triesNative).toBe(true);
  });

  it('posts again after a short wait when Slack does not know a just-uploaded file yet', async () => {
    slack.failNext('chat.postMessage', { error: 'invalid_blocks' });
    const result = await senderFor({ mode: 'image' }).send({ channel: 'CSALES1' }, withFunnel());
    expect(result.ok).toBe(true);
    expect(sleeps).toEqual([1000]);
    expect(slack.callsTo('chat.postMessage').map((c) => c.ok)).toEqual([false, true]);
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
  });

  it('reports a message Slack refuses for another reason, and keeps trying the native block after it', async () => {
    slack.failNext('chat.postMessage', { error: 'invalid_blocks' }, 5);
    const sender = senderFor();
    const result = await sender.send({ channel: 'CSALES1' }, withFunnel());
    expect(result).toMatchObject({ ok: false, permanent: true, reason: 'invalid_blocks' });
    expect(sender.charts.of('').triesNative).toBe(true);
  });

  it('sends a person’s chart to them or their manager by DM, and never to a channel (DOMAIN.md rule 5)', async () => {
    const sender = senderFor();
    const prep: Message = { text: '1on1 prep', blocks: [section('1on1 prep')], charts: [{ at: 1, chart: period }] };
    await expect(sender.send({ channel: 'CSALES1' }, prep)).rejects.toThrow(/a person's chart was addressed to channel CSALES1/u);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect((await sender.send({ userId: 'UMGR001' }, prep)).ok).toBe(true);
  });
});

describe('the weekly review with its charts, through the sender to a fake Slack', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  let slack: FakeSlack;
  beforeEach(async () => {
    dir = tempDir();
    store = await Store.open(`${dir.path}/kpi.sqlite`);
    slack = await new FakeSlack().start();
  });
  afterEach(async () => {
    await store.close();
    await slack.stop();
    dir.remove();
  });

  it('uploads the trend and the funnel as PNGs where the workspace refuses the chart block, and the posted review shows them by file ID', async () => {
    const team = await seedTokyo(store, 'ja');
    const { review, trend } = await loadWeeklyReviewWithTrend(store, team, day('2026-11-24'));
    const message = weeklyReviewMessage(review, trend, 'ja');
    const charts = message.charts!.map((c) => c.chart);
    expect(charts.map((c) => c.kind)).toEqual(['trend', 'funnel']);
    slack.nativeCharts = false;
    const chat = new SlackClient({ token: 'xoxb-test', apiUrl: slack.url, logger });
    const sender = new Sender(chat, { sleep: async () => undefined });
    const result = await sender.send({ channel: 'CTOKYO1' }, message, { key: 'T0001:1:weekly:2026-W48', since: new Date('2026-11-24T00:00:00Z'), maybePosted: false });
    expect(result.ok).toBe(true);
    const posted = slack.accepted('chat.postMessage');
    expect(posted).toHaveLength(1);
    const uploaded = slack.accepted('files.completeUploadExternal').flatMap((c) => (c.body.files as { id: string }[]).map((f) => f.id));
    expect(uploaded).toHaveLength(2);
    expect(slack.imagesIn(posted[0]!).map((f) => f.id)).toEqual(uploaded);
    for (const file of slack.imagesIn(posted[0]!)) expect(decodePng(file.bytes!).width).toBeGreaterThan(1000);
    // The chart's numbers are in the message too, under each image.
    const lines = (posted[0]!.body.blocks as { type: string; elements?: { text: string }[] }[]).filter((b) => b.type === 'context').map((b) => b.elements![0]!.text);
    expect(lines).toContain(charts[1]!.text.line);
    expect(charts[1]!.text.line).toContain('架電 135');
    expect(slack.limitProblems).toEqual([]);
  });
});
