import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '@slack/logger';
import { slackEndpoint, webClientOptions } from './client.js';
import type { SlackDeps } from './deps.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerEvents } from './listeners/events.js';
import { registerOneOnOne } from './listeners/oneonone.js';
import { registerUnknown } from './listeners/unknown.js';
import { registerViews } from './listeners/views.js';
import { acknowledgeBadRequests, answerBadRequests, BadRequestError, reportUnanswered, requireOrigin } from './origin.js';
import { refuseRequestsOutsideWindow } from './request-window.js';

export interface SlackApp {
  readonly app: App;
  readonly mode: 'http' | 'socket';
  /** Starts listening; resolves with the port the HTTP server (events or health) listens on. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/** Where Slack posts commands, clicks and events in HTTP mode. */
const EVENTS_PATH = '/slack/events';

/** How long stopping waits for open connections after the last answer before cutting them. */
const STOP_GRACE_MS = 2000;

/** `GET /healthz`: 200 when the store answers reads and takes writes, 503 when it does not. */
function answerHealth(deps: SlackDeps, res: ServerResponse): void {
  const answer = (ok: boolean) => {
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok }));
  };
  deps.store.healthy(deps.clock()).then(answer, () => answer(false));
}

/**
 * Starting Socket Mode failed: Slack refused the app-level token or could not be reached. Kept apart
 * from the bot token's failures so the start can name the right variable.
 */
export class SocketModeStartError extends Error {
  constructor(cause: unknown) {
    super(`Socket Mode could not connect: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/** How long a Socket Mode start may take before it counts as failed, by default. */
const SOCKET_START_MS = 30_000;

type ErrorWatch = (onError: ((message: string) => void) | null) => void;

/**
 * The logger the Socket Mode client reports through, which also lets the start hear the errors it
 * reports: the client retries some refusals forever (a revoked app token, a bot token in its place)
 * and says so only in its log.
 */
function watchedLogger(logger: Logger): { logger: Logger; watch: ErrorWatch } {
  let onError: ((message: string) => void) | null = null;
  const watched: Logger = {
    debug: (...m: unknown[]) => logger.debug(...m),
    info: (...m: unknown[]) => logger.info(...m),
    warn: (...m: unknown[]) => logger.warn(...m),
    error: (...m: unknown[]) => {
      logger.error(...m);
      onError?.(m.map(String).join(' '));
    },
    setLevel: (level) => logger.setLevel(level),
    getLevel: () => logger.getLevel(),
    setName: (name) => logger.setName(name),
  };
  return { logger: watched, watch: (cb) => (onError = cb) };
}

/**
 * Connects Socket Mode: done when Slack says hello; failed on the first error the client reports
 * while connecting, or when no connection is open after `deadlineMs`.
 */
async function connectSocketMode(app: App, watch: ErrorWatch, deadlineMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    watch((message) => reject(new Error(message)));
    timer = setTimeout(() => reject(new Error(`Slack did not open a connection within ${deadlineMs / 1000} s`)), deadlineMs);
  });
  try {
    await Promise.race([app.start(), failed]);
  } finally {
    watch(null);
    clearTimeout(timer);
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Socket Mode's own HTTP server, for `GET /healthz` only; listening errors (a port in use) reject. */
async function listenForHealth(deps: SlackDeps, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname === '/healthz') return answerHealth(deps, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** Socket Mode: its `apps.connections.open` goes to SLACK_API_URL too; it keeps its own retries, which carry it through a network blip when it reconnects. */
function socketReceiver(appToken: string, logger: Logger, apiUrl: string | null): SocketModeReceiver {
  return new SocketModeReceiver({ appToken, logger, installerOptions: { clientOptions: slackEndpoint(apiUrl) }, processEventErrorHandler: acknowledgeBadRequests });
}

/** HTTP mode: Slack posts to `/slack/events`; each request's signature is checked and its timestamp held to five minutes either way. */
function httpReceiver(deps: SlackDeps): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: deps.config.slack.signingSecret ?? '',
    endpoints: EVENTS_PATH,
    customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => answerHealth(deps, res) }],
    logger: deps.logger,
    processEventErrorHandler: answerBadRequests,
    unhandledRequestHandler: reportUnanswered,
  });
  refuseRequestsOutsideWindow(receiver, EVENTS_PATH, deps.logger);
  return receiver;
}

/**
 * The Bolt app with every listener registered. `SLACK_APP_TOKEN` set: Socket Mode (no public URL;
 * `/healthz` still served on `port`). Otherwise HTTP mode: Slack posts to `/slack/events` on `port`,
 * and every request's signature and timestamp are checked.
 */
export function createSlackApp(deps: SlackDeps, port: number, socketStartMs = SOCKET_START_MS): SlackApp {
  const { config, logger } = deps;
  const botToken = config.slack.botToken;
  if (!botToken) throw new Error('createSlackApp needs SLACK_BOT_TOKEN');
  const clientOptions = webClientOptions(config.slack.apiUrl, logger);

  const appToken = config.slack.appToken;
  const socketLog = appToken ? watchedLogger(logger) : null;
  const mode = socketLog ? 'socket' : 'http';
  const receiver = appToken && socketLog ? socketReceiver(appToken, socketLog.logger, config.slack.apiUrl) : httpReceiver(deps);
  // Bolt resets a given logger to its own level unless told the level too.
  // Deferred, so a token Slack refuses fails `start()` with its reason instead of crashing later.
  // No conversation store: nothing keeps state per conversation, and Bolt's in-memory one costs every request an error thrown and caught.
  const app = new App({ token: botToken, receiver, logger, logLevel: logger.getLevel(), clientOptions, deferInitialization: true, convoStore: false });
  // A listener may go on after its acknowledgement (a Home republished after a log): stopping waits for it.
  const inFlight = new Set<Promise<void>>();
  app.use(requireOrigin(logger));
  app.use(async ({ next }) => {
    const run = next();
    inFlight.add(run);
    try {
      await run;
    } finally {
      inFlight.delete(run);
    }
  });
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
  registerOneOnOne(app, deps);
  registerUnknown(app, deps);
  app.error(async (error) => {
    // Thrown on to the receiver, which answers it as a bad request.
    if (error instanceof BadRequestError) throw error;
    logger.error('Unhandled error in a Slack listener:', error);
  });

  let server: Server | null = null;
  return {
    app,
    mode,
    async start() {
      await app.init();
      if (socketLog) {
        const health = await listenForHealth(deps, port);
        try {
          await connectSocketMode(app, socketLog.watch, socketStartMs);
        } catch (error) {
          await app.stop().catch(() => undefined);
          await closeServer(health);
          throw new SocketModeStartError(error);
        }
        server = health;
        return (health.address() as AddressInfo).port;
      }
      // Bolt's HTTPReceiver resolves with its node:http server.
      const started = (await app.start(port)) as Server;
      server = started;
      return (started.address() as AddressInfo).port;
    },
    async stop() {
      // Stop taking connections and let the requests under way get their answers; a connection
      // still open after a grace period (a client that never finishes sending its body) is cut
      // rather than left to hold the shutdown up.
      const stopping = app.stop();
      await Promise.allSettled([...inFlight]);
      const cut = setTimeout(() => server?.closeAllConnections(), STOP_GRACE_MS);
      try {
        await stopping;
        // Socket Mode's health server is ours to close; in HTTP mode Bolt closed its server.
        if (mode === 'socket' && server) await closeServer(server);
      } finally {
        clearTimeout(cut);
      }
      await Promise.allSettled([...inFlight]);
    },
  };
}
