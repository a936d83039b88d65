import type { Clock } from '../clock.js';
import type { Locale } from '../i18n/index.js';
import type { ChatPort } from '../scheduler/chat-port.js';
import type { Sender } from '../scheduler/sender.js';
import type { Store, Team } from '../store/index.js';

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

/** The bot's own defaults (`KPI_TIMEZONE`, `KPI_LOCALE`, `KPI_ADMINS`). */
export interface Defaults {
  readonly timezone: string;
  readonly locale: Locale;
  readonly admins: readonly string[];
}

export interface CommandContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly caller: Caller;
  readonly defaults: Defaults;
  /** Slack, for what a command does besides answering (opening a form, a DM). */
  readonly chat: ChatPort;
  /** Sends what a command posts besides its answer (a 1on1 prep by DM), with the scheduler's chart posters. */
  readonly sender: Sender;
  /** Unique to the request (Slack's trigger ID): a repeated request changes nothing twice. */
  readonly requestKey: string | null;
  /** Slack's trigger ID, to open a modal in answer; null outside Slack. */
  readonly triggerId: string | null;
  /** The team a command works on when the command names it (`/kpi client acme target …`), instead of the caller's own. */
  readonly team?: Team;
}
