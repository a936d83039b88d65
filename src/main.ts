import cron from 'node-cron';
import { systemClock, type Clock } from './clock.js';
import { storeLocation, type Config } from './config.js';
import type { Logger } from './log.js';
import { createSlackApp } from './slack/app.js';
import { SlackClient } from './slack/client.js';
import { Scheduler } from './scheduler/scheduler.js';
import { Sender } from './scheduler/sender.js';
import { Store } from './store/index.js';

export interface RunningBot {
  readonly port: number;
  readonly mode: 'http' | 'socket';
  readonly store: Store;
  readonly scheduler: Scheduler;
  /** Stops taking requests, lets queued writes finish, closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Run the minute tick (the default). Tests turn it off and tick by hand with their own clock. */
  readonly autoTick?: boolean;
  /** How long a Web API call may take before it counts as unanswered (10 s by default; tests shorten it). */
  readonly slackTimeoutMs?: number;
  /** How long a Socket Mode start may take before it counts as failed (30 s by default; tests shorten it). */
  readonly socketStartMs?: number;
}

/** Start-up: config → store (migrated) → Slack app → listening. */
export async function startBot({ config, logger, clock = systemClock, autoTick = true, slackTimeoutMs, socketStartMs }: StartOptions): Promise<RunningBot> {
  const botToken = config.slack.botToken;
  if (!botToken) throw new Error('startBot needs SLACK_BOT_TOKEN');
  // A damaged file stops the start here, before anything reads from it or writes to it.
  const store = await Store.open(storeLocation(config), { check: true });
  try {
    const chat = new SlackClient({ token: botToken, apiUrl: config.slack.apiUrl, logger, timeoutMs: slackTimeoutMs });
    // One sender for the scheduler and the commands: what each workspace's Slack takes for charts, and the charts uploaded, carry over.
    const sender = new Sender(chat);
    const slack = createSlackApp({ store, chat, sender, clock, config, logger }, config.port, socketStartMs);
    const port = await slack.start();
    const scheduler = new Scheduler({ store, chat, sender, clock, logger, defaultLocale: config.locale, defaultZone: config.timezone });
    const tick = () =>
      scheduler.tick(clock()).catch((error: unknown) => {
        logger.error('The scheduler tick failed:', error);
        return [];
      });
    // node-cron fires at the start of every minute; the tick at start-up sends what is due or late.
    const task = autoTick ? cron.schedule('* * * * *', tick, { name: 'kpi-scheduler', noOverlap: true }) : null;
    if (autoTick) void tick();
    let stopping: Promise<void> | null = null;
    return {
      port,
      mode: slack.mode,
      store,
      scheduler,
      stop() {
        stopping ??= (async () => {
          await task?.stop();
          await task?.destroy();
          await slack.stop().catch((error: unknown) => logger.warn('stopping the Slack app:', error));
          // Let a tick under way finish its sends and writes; a stopping bot starts no new one.
          await scheduler.idle();
          await store.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
