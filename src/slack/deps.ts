import type { Logger } from '@slack/logger';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { ChatPort } from '../scheduler/chat-port.js';
import type { Sender } from '../scheduler/sender.js';
import type { Store } from '../store/index.js';

/** What the Slack listeners need, handed in at start-up (tests hand in their own clock). */
export interface SlackDeps {
  readonly store: Store;
  readonly chat: ChatPort;
  /** The bot's one sender, shared with the scheduler: its chart posters (per workspace) carry over between paths. */
  readonly sender: Sender;
  readonly clock: Clock;
  readonly config: Config;
  readonly logger: Logger;
}
