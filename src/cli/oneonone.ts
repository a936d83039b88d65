import { dayInZone, zoneOf } from '../domain/days.js';
import type { Locale } from '../domain/locale.js';
import { printPayloads } from './digest.js';
import { plain, type Message } from '../reports/blocks.js';
import { prepareOneOnOne } from '../reports/oneonone-load.js';
import type { ChatPort } from '../scheduler/chat-port.js';
import { Sender } from '../scheduler/sender.js';
import type { Store } from '../store/index.js';

export interface PrepRequest {
  readonly workspace: string;
  readonly rep: string;
  readonly at: Date;
  readonly defaultLocale: Locale;
  readonly defaultZone: string;
}

/**
 * The prep of a rep's 1on1 as of `at`, addressed to their manager: the one of their schedule, else
 * the first manager of their team. Null manager when they have neither.
 */
export async function prepFor(store: Store, r: PrepRequest): Promise<{ manager: string | null; message: Message }> {
  const team = await store.teams.ofPerson(r.workspace, r.rep);
  const schedule = await store.oneonones.of(r.workspace, r.rep);
  // A schedule an admin made for the whole team's managers names the admin, who is no recipient.
  const own = schedule && schedule.recipients !== 'team' ? schedule.manager : null;
  const managerId = own ?? (team ? ((await store.teams.members(team.id)).find((m) => m.role === 'manager' && m.userId !== r.rep)?.userId ?? null) : null);
  const manager = managerId ? await store.people.get(r.workspace, managerId) : null;
  const zone = zoneOf(manager, team, r.defaultZone);
  const locale = manager?.locale ?? team?.settings.locale ?? r.defaultLocale;
  const day = dayInZone(r.at, zone);
  const message = await prepareOneOnOne(store, team, { workspace: r.workspace, rep: r.rep, meetingDay: day, meetingMinutes: schedule?.minutes ?? null }, locale);
  return { manager: managerId, message };
}

export function printPrep(manager: string | null, message: Message, format: 'text' | 'json'): string {
  if (manager || format === 'json') return printPayloads([{ to: { userId: manager ?? '' }, message }], format);
  return `──── no manager to send to ────\n${plain(message.text)}\n`;
}

/** Sends the prep (with its charts, natively or as uploaded PNGs) to the manager's DM; a line to print. */
export async function sendPrep(chat: ChatPort, workspace: string, manager: string, message: Message): Promise<string> {
  const result = await new Sender(chat).send({ userId: manager }, message, undefined, workspace);
  return result.ok ? `Sent the 1on1 prep to ${manager} (ts ${result.ts}).` : `Could not send the 1on1 prep to ${manager}: ${result.reason}.`;
}
