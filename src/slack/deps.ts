import type { Logger } from '@slack/logger';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { ChatPort } from '../scheduler/chat-port.js';
import type { Store } from '../store/index.js';

/** What the Slack listeners need, handed in at start-up (tests hand in their own clock). */
export interface SlackDeps {
  readonly store: Store;
  readonly chat: ChatPort;
  readonly clock: Clock;
  readonly config: Config;
  readonly logger: Logger;
}
