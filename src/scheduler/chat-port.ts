import type { View } from '@slack/types';
import type { Message } from '../reports/blocks.js';
import type { SlackProfile } from '../store/index.js';

/** Why a Slack call did not succeed, sorted by what the caller can do about it. */
export type SlackCallError =
  /** Slack asked us to slow down: try again after this many seconds. */
  | { readonly kind: 'rateLimited'; readonly retryAfterSeconds: number }
  /** Slack answered 5xx: it did not take the message; trying again is safe. */
  | { readonly kind: 'server'; readonly status: number }
  /** No answer (refused, reset, timed out). */
  | { readonly kind: 'network'; readonly detail: string }
  /** Slack answered `ok: false` with a reason (`channel_not_found`, `not_in_channel`, …). */
  | { readonly kind: 'platform'; readonly error: string };

/** The reason attached to an error thrown by a `ChatPort` call, when there is one. */
export function slackErrorOf(error: unknown): SlackCallError | null {
  return (error as { slack?: SlackCallError } | null)?.slack ?? null;
}

/**
 * The narrow seam between the bot and Slack: everything the scheduler and the commands ask of Slack.
 * `slack/client.ts` implements it over the Web API; a failed call throws an error carrying a
 * `SlackCallError` (see `slackErrorOf`).
 */
export interface ChatPort {
  /** What Slack knows of a person: language, time zone, admin rights, whether still active. */
  userProfile(teamId: string, userId: string): Promise<SlackProfile>;
  /**
   * Posts to a channel (or a DM channel); resolves with where it landed and its `ts`. A scheduled
   * message carries its delivery key in the message's metadata, so `findPosted` can tell later
   * whether a post that got no answer was taken.
   */
  postMessage(channel: string, message: Message, deliveryKey?: string): Promise<{ channel: string; ts: string }>;
  /**
   * The message posted with this delivery key in a channel since a moment, if Slack has one: asked
   * after a post got no answer, before posting again. Null when there is none.
   */
  findPosted(channel: string, deliveryKey: string, since: Date): Promise<{ channel: string; ts: string } | null>;
  /** Shows a message to one person in a channel. */
  postEphemeral(channel: string, userId: string, message: Message): Promise<void>;
  /** The DM channel with a person, opened if need be. */
  openDm(userId: string): Promise<string>;
  /** Opens a modal in answer to a click or command (the trigger lives 3 seconds). */
  openView(triggerId: string, view: View): Promise<void>;
  /** Shares a text file in a channel (a DM channel for a person), with a comment. */
  uploadFile(channel: string, file: { filename: string; title: string; content: string; comment: string }): Promise<void>;
  /**
   * Uploads an image without sharing it in any channel and resolves with its file ID, for an image
   * block's `slack_file` (charts where the native chart block is not taken, and App Home).
   */
  uploadImage(image: { filename: string; title: string; altText: string; png: Uint8Array }): Promise<string>;
  /** Publishes a person's App Home tab. */
  publishHome(userId: string, view: View): Promise<void>;
}
