import type { Clock } from '../clock.js';
import type { Locale } from '../i18n/index.js';
import type { Store } from '../store/index.js';

/** Who typed the command, as far as the command cares. */
export interface Caller {
  readonly teamId: string;
  readonly userId: string;
  readonly channelId: string | null;
  readonly locale: Locale;
  /** The person's IANA zone: their business day is computed in it. */
  readonly zone: string;
  readonly isAdmin: boolean;
}

export interface CommandContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly caller: Caller;
  /** Unique to the request (Slack's trigger ID): a repeated request changes nothing twice. */
  readonly requestKey: string | null;
}
