import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertWithinLimits } from './block-kit.js';
import { FakeSlack } from './fake-slack.js';
import { eventCallbackBody, interactivityBody, postSigned, SIGNING_SECRET, slashCommandBody, type SlashCommand } from './signing.js';
import type { Clock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/log.js';
import { LogLevel } from '@slack/logger';
import { startBot, type RunningBot } from '../../src/main.js';
import { isPostgresUrl, Store } from '../../src/store/index.js';

/** A fresh database path in its own temporary folder for each test of the suite this is called in (the file is not created). */
export function dbPathEach(): { readonly path: string } {
  const current = { path: '' };
  let dir: ReturnType<typeof tempDir> | null = null;
  beforeEach(() => {
    dir = tempDir();
    current.path = join(dir.path, 'kpi.sqlite');
  });
  afterEach(() => dir?.remove());
  return current;
}

/** A store on a fresh database for each test of the suite this is called in, closed after it. */
export function storeEach(): { readonly store: Store } {
  const db = dbPathEach();
  const current = {} as { store: Store };
  beforeEach(async () => {
    current.store = await Store.open(db.path);
  });
  afterEach(() => current.store.close());
  return current;
}

/** A temporary folder removed by the returned function. */
export function tempDir(prefix = 'kpi-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestBot {
  readonly slack: FakeSlack;
  readonly bot: RunningBot;
  readonly config: Config;
  readonly eventsUrl: string;
  readonly baseUrl: string;
  /** Sends `/kpi <text>` signed as Slack would and returns the HTTP response. */
  command(text: string, options?: Omit<SlashCommand, 'text'>): Promise<Response>;
  /** The same, parsed: the ephemeral answer the person sees. */
  reply(text: string, options?: Omit<SlashCommand, 'text'>): Promise<{ status: number; text: string; blocks: unknown[] }>;
  /**
   * Posts an interactivity payload (a click, a form submission) signed as Slack would, to the same
   * URL, and returns the acknowledgement: a form's `response_action` answer, or null for an empty one.
   */
  interact(payload: object): Promise<{ status: number; body: InteractionAnswer | null }>;
  /** Posts an Events API event, wrapped in an `event_callback` and signed; Slack only needs the 200. */
  event(event: Record<string, unknown>, teamId?: string): Promise<Response>;
  stop(): Promise<void>;
}

/** What a form submission's acknowledgement says to Slack. */
export interface InteractionAnswer {
  readonly response_action?: 'errors' | 'update' | 'push' | 'clear';
  readonly errors?: Record<string, string>;
  readonly view?: Record<string, unknown>;
}

export interface TestBotOptions {
  readonly env?: Record<string, string>;
  readonly clock?: Clock;
  /** Reuse a database (a restart), a SQLite path or a `postgres://` URL; otherwise a fresh SQLite file in a temporary folder. */
  readonly dbPath?: string;
  readonly slack?: FakeSlack;
  /** How long a Web API call may take before it counts as unanswered (the bot's default is 10 s). */
  readonly slackTimeoutMs?: number;
  /** How long a Socket Mode start may take (the bot's default is 30 s). */
  readonly socketStartMs?: number;
  /** The bot's logger (a test that reads the log lines passes its own); by default one at `LOG_LEVEL`. */
  readonly logger?: Logger;
}

/** A logger that keeps every line it is given at `warn` and `error`, for a test to read. */
export function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (...m: unknown[]) => {
    lines.push(`${level} ${m.map((x) => (x instanceof Error ? `${x.name}: ${x.message}` : String(x))).join(' ')}`);
  };
  let level = LogLevel.WARN;
  return {
    lines,
    debug: () => undefined,
    info: () => undefined,
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * The real bot on a free port in HTTP mode, its Web API pointed at a fake Slack on 127.0.0.1,
 * with a real SQLite file in a temporary folder.
 */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const slack = options.slack ?? (await new FakeSlack().start());
  // Slack stamps messages with its own time; on a fake clock, that is the bot's.
  if (options.clock) slack.clock = () => options.clock!().getTime();
  const dir = options.dbPath ? null : tempDir();
  const config: Config = {
    ...loadConfig(
      {
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        ...(options.dbPath && isPostgresUrl(options.dbPath) ? { DATABASE_URL: options.dbPath } : { KPI_DB_PATH: options.dbPath ?? join(dir!.path, 'kpi.sqlite') }),
        LOG_LEVEL: 'error',
        ...options.env,
      },
      { needsSlack: true },
    ),
    port: options.env?.PORT ? Number(options.env.PORT) : 0,
  };
  const bot = await startBot({
    config,
    logger: options.logger ?? createLogger(config.logLevel),
    autoTick: false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.slackTimeoutMs ? { slackTimeoutMs: options.slackTimeoutMs } : {}),
    ...(options.socketStartMs ? { socketStartMs: options.socketStartMs } : {}),
  });
  const baseUrl = `http://127.0.0.1:${bot.port}`;
  const eventsUrl = `${baseUrl}/slack/events`;
  const command = (text: string, c: Omit<SlashCommand, 'text'> = {}) =>
    postSigned(eventsUrl, slashCommandBody({ responseUrl: slack.responseUrl(), ...c, text }));
  return {
    slack,
    bot,
    config,
    eventsUrl,
    baseUrl,
    command,
    async reply(text, c) {
      const res = await command(text, c);
      const raw = await res.text();
      const parsed = raw ? (JSON.parse(raw) as { text?: string; blocks?: unknown[] }) : {};
      if (raw) assertWithinLimits(parsed, 'message');
      return { status: res.status, text: parsed.text ?? '', blocks: parsed.blocks ?? [] };
    },
    async interact(payload) {
      const res = await postSigned(eventsUrl, interactivityBody(payload));
      const raw = await res.text();
      const body = raw ? (JSON.parse(raw) as InteractionAnswer) : null;
      if (body?.view) assertWithinLimits(body.view, 'modal');
      return { status: res.status, body };
    },
    event(event, teamId) {
      return postSigned(eventsUrl, eventCallbackBody(event, teamId), { contentType: 'application/json' });
    },
    async stop() {
      await bot.stop();
      if (!options.slack) await slack.stop();
      dir?.remove();
      if (slack.limitProblems.length > 0) throw new Error(`Block Kit limits broken:\n- ${slack.limitProblems.join('\n- ')}`);
    },
  };
}
