import { createHash } from 'node:crypto';
import { slackErrorOf, type ChatPort } from './chat-port.js';
import type { Message } from '../reports/blocks.js';
import type { ChartModel } from '../reports/charts/model.js';
import { dataVisualizationBlock, messageWithCharts, type ChartFigure, type DataVisualizationBlock } from '../reports/charts/slack.js';

/**
 * How charts are drawn in a workspace: `auto` tries Slack's native chart block and falls back to
 * uploaded PNGs where Slack refuses it; `native` and `image` force one way (tests, a setting).
 */
export type ChartMode = 'auto' | 'native' | 'image';

export interface ChartPosterOptions {
  readonly mode?: ChartMode;
  /** Draws a chart's PNG; the vega → resvg renderer by default. */
  readonly render?: (chart: ChartModel) => Promise<Uint8Array>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** After Slack refused the native block, how long to post images before trying it again (a day). */
  readonly nativeRetryMs?: number;
  /**
   * Waits before posting again when Slack refuses an image block right after its file was uploaded:
   * Slack can take a moment before a new file may be shown.
   */
  readonly fileWaitsMs?: readonly number[];
  /** How many uploaded charts to remember, so an identical chart is uploaded once. */
  readonly cacheSize?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Slack's answer to blocks it will not take: the whole message was refused, nothing was posted. */
const refusedBlocks = (error: unknown) => {
  const e = slackErrorOf(error);
  return e?.kind === 'platform' && e.error === 'invalid_blocks';
};

/** The same chart gives the same key: its content, language and text included. */
const chartKey = (chart: ChartModel) => createHash('sha256').update(JSON.stringify(chart)).digest('hex');

/**
 * Posts messages that carry charts (`Message.charts`). Slack's native `data_visualization` block is
 * tried first; a workspace whose Slack answers `invalid_blocks` gets the same message with each
 * chart as an uploaded PNG in an image block, and is remembered for a day, so a morning of DMs
 * pays the refusal once. The refusal is learnt only when the image version is then accepted: a
 * message refused for another reason leaves the workspace's mode alone. PNGs are rendered only when
 * an image is needed, and an identical chart is uploaded once.
 */
export class ChartPoster {
  private readonly mode: ChartMode;
  private readonly render: (chart: ChartModel) => Promise<Uint8Array>;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly nativeRetryMs: number;
  private readonly fileWaits: readonly number[];
  private readonly cacheSize: number;
  private readonly files = new Map<string, Promise<string>>();
  private refusedAt: number | null = null;

  constructor(
    private readonly chat: ChatPort,
    options: ChartPosterOptions = {},
  ) {
    this.mode = options.mode ?? 'auto';
    // vega and resvg load on the first PNG: a workspace that takes the native block never needs them.
    this.render = options.render ?? (async (chart) => (await import('../reports/charts/render.js')).renderChartPng(chart));
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.nativeRetryMs = options.nativeRetryMs ?? 24 * 60 * 60 * 1000;
    this.fileWaits = options.fileWaitsMs ?? [1000, 3000];
    this.cacheSize = options.cacheSize ?? 500;
  }

  /** Whether native chart blocks are tried now: by mode, and in `auto` unless Slack refused them within a day. */
  get triesNative(): boolean {
    if (this.mode !== 'auto') return this.mode === 'native';
    return this.refusedAt === null || this.now() - this.refusedAt >= this.nativeRetryMs;
  }

  /** Posts a message, drawing its charts the way this workspace takes them. */
  async post(channel: string, message: Message, deliveryKey?: string): Promise<{ channel: string; ts: string }> {
    const charts = (message.charts ?? []).map((c) => c.chart);
    if (charts.length === 0) return this.chat.postMessage(channel, message, deliveryKey);
    if (this.triesNative) {
      const natives = new Map(charts.map((c) => [c, dataVisualizationBlock(c)]));
      const fileIds = await this.uploadAll(charts.filter((c) => !natives.get(c)));
      try {
        return await this.chat.postMessage(channel, messageWithCharts(message, (c) => figure(natives.get(c) ?? null, fileIds.get(c))), deliveryKey);
      } catch (error) {
        if (this.mode === 'native' || !refusedBlocks(error)) throw error;
      }
      const posted = await this.postImages(channel, message, charts, deliveryKey);
      this.refusedAt = this.now();
      return posted;
    }
    return this.postImages(channel, message, charts, deliveryKey);
  }

  /** The file ID of a chart's PNG: rendered and uploaded the first time, remembered after. */
  imageFile(chart: ChartModel): Promise<string> {
    const key = chartKey(chart);
    const known = this.files.get(key);
    if (known) return known;
    const upload = (async () => {
      const png = await this.render(chart);
      return this.chat.uploadImage({ filename: `${chart.kind}-${key.slice(0, 12)}.png`, title: chart.title, altText: chart.text.alt, png });
    })();
    this.files.set(key, upload);
    // A failed upload is not remembered; the oldest uploads make room for new ones.
    upload.catch(() => this.files.delete(key));
    if (this.files.size > this.cacheSize) this.files.delete(this.files.keys().next().value!);
    return upload;
  }

  private async uploadAll(charts: readonly ChartModel[]): Promise<Map<ChartModel, string>> {
    const ids = new Map<ChartModel, string>();
    for (const c of charts) ids.set(c, await this.imageFile(c));
    return ids;
  }

  /** Posts with every chart as an image, waiting a little when Slack does not know a new file yet. */
  private async postImages(channel: string, message: Message, charts: readonly ChartModel[], deliveryKey?: string): Promise<{ channel: string; ts: string }> {
    const ids = await this.uploadAll(charts);
    const withImages = messageWithCharts(message, (c) => ({ fileId: ids.get(c)! }));
    for (const wait of this.fileWaits) {
      try {
        return await this.chat.postMessage(channel, withImages, deliveryKey);
      } catch (error) {
        if (!refusedBlocks(error)) throw error;
        await this.sleep(wait);
      }
    }
    return this.chat.postMessage(channel, withImages, deliveryKey);
  }
}

/** A chart drawn natively when it has a native form, else as its uploaded image. */
function figure(native: DataVisualizationBlock | null, fileId: string | undefined): ChartFigure {
  if (native) return { native };
  if (fileId === undefined) throw new Error('a chart without a native form needs its image uploaded first');
  return { fileId };
}

/**
 * One `ChartPoster` per workspace, shared by every path that shows charts there (the scheduler's
 * sender, `/kpi 1on1`, App Home), so what a workspace's Slack takes and the files already uploaded
 * to it carry over from one message to the next.
 */
export class ChartPosters {
  private readonly byWorkspace = new Map<string, ChartPoster>();

  constructor(
    private readonly chat: ChatPort,
    private readonly options: ChartPosterOptions = {},
  ) {}

  /** The workspace's poster, made on first use. */
  of(workspace: string): ChartPoster {
    let poster = this.byWorkspace.get(workspace);
    if (!poster) this.byWorkspace.set(workspace, (poster = new ChartPoster(this.chat, this.options)));
    return poster;
  }
}
