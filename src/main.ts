import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { createSlackApp } from './slack/app.js';
import { SlackClient } from './slack/client.js';
import { Store } from './store/index.js';

export interface RunningBot {
  readonly port: number;
  readonly mode: 'http' | 'socket';
  readonly store: Store;
  /** Stops taking requests, lets queued writes finish, closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock?: Clock;
}

/** Start-up: config → store (migrated) → Slack app → listening. */
export async function startBot({ config, logger, clock = systemClock }: StartOptions): Promise<RunningBot> {
  const botToken = config.slack.botToken;
  if (!botToken) throw new Error('startBot needs SLACK_BOT_TOKEN');
  const store = await Store.open(config.dbPath);
  try {
    const chat = new SlackClient({ token: botToken, apiUrl: config.slack.apiUrl, logger });
    const slack = createSlackApp({ store, chat, clock, config, logger }, config.port);
    const port = await slack.start();
    let stopping: Promise<void> | null = null;
    return {
      port,
      mode: slack.mode,
      store,
      stop() {
        stopping ??= (async () => {
          await slack.stop().catch((error: unknown) => logger.warn('stopping the Slack app:', error));
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
