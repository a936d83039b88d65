import { fail, ok, type Result } from './problems.js';
import { channelMention, unescapeSlack, userMention } from './tokens.js';
import { isLocale, type Locale } from '../domain/locale.js';
import { wordTable } from '../domain/words.js';

/**
 * `/kpi client …` (seed 003's engagements), `/kpi decision …` and `/kpi definitions …`:
 * `client` lists them; `client add <name> [#channel] [weekly|monthly] [en|ja]` starts one;
 * `client <name> add|remove @person… [default]`, `client <name> default`, `client <name> report
 * [weekly|monthly]`; and `client <name> <target|settings|tree|definitions|decision> …` runs that
 * command on the engagement.
 */
export type ClientRequest =
  | { readonly kind: 'clientList' }
  | { readonly kind: 'clientAdd'; readonly name: string; readonly channelId: string | null; readonly report: 'weekly' | 'monthly' | null; readonly locale: Locale | null }
  | { readonly kind: 'clientShow'; readonly client: string }
  | { readonly kind: 'clientJoin'; readonly client: string; readonly userIds: readonly string[]; readonly asDefault: boolean }
  | { readonly kind: 'clientLeave'; readonly client: string; readonly userIds: readonly string[] }
  | { readonly kind: 'clientDefault'; readonly client: string }
  | { readonly kind: 'clientReport'; readonly client: string; readonly cadence: 'weekly' | 'monthly' | null }
  | { readonly kind: 'clientDo'; readonly client: string; readonly text: string }
  | { readonly kind: 'decision'; readonly client: string | null; readonly text: string }
  | { readonly kind: 'decisions'; readonly client: string | null }
  | { readonly kind: 'definitions'; readonly client: string | null };

const CADENCES = wordTable<'weekly' | 'monthly'>({ weekly: 'weekly', week: 'weekly', 週次: 'weekly', 毎週: 'weekly', monthly: 'monthly', month: 'monthly', 月次: 'monthly', 毎月: 'monthly' });
const LANGUAGES = wordTable<Locale>({ en: 'en', english: 'en', 英語: 'en', ja: 'ja', japanese: 'ja', 日本語: 'ja' });
const ADD = new Set(['add', 'join', '追加']);
const REMOVE = new Set(['remove', 'leave', '削除', '外す']);
const DEFAULT = new Set(['default', '既定', 'デフォルト']);
const REPORT = new Set(['report', 'レポート']);
/** The commands that run on an engagement as on a team. */
export const CLIENT_COMMANDS = new Set(['target', 'targets', 'settings', 'tree', 'definitions', 'decision', 'decisions', '目標', '設定', 'ツリー', '定義一覧', '決定', '決定事項']);

/** The longest decision kept: a sentence or two from a meeting. */
export const MAX_DECISION_LENGTH = 500;

const clientName = (word: string): string => word.replace(/^@/u, '');

/** The raw text after the first `n` words, as typed. */
function after(raw: string, n: number): string {
  let rest = raw.trim();
  for (let i = 0; i < n; i += 1) rest = rest.replace(/^\S+\s*/u, '');
  return rest;
}

export function parseClient(words: readonly string[], raw: string): Result<ClientRequest> {
  const first = words[0];
  if (first === undefined) return ok({ kind: 'clientList' });
  if (ADD.has(first.toLowerCase())) {
    let channelId: string | null = null;
    let report: 'weekly' | 'monthly' | null = null;
    let locale: Locale | null = null;
    const name: string[] = [];
    for (const w of words.slice(1)) {
      const channel = channelMention(w);
      const cadence = CADENCES.get(w.toLowerCase());
      const language = LANGUAGES.get(w.toLowerCase());
      if (channel) channelId = channel;
      else if (cadence && name.length > 0) report = cadence;
      else if (language && isLocale(language) && name.length > 0) locale = language;
      else name.push(unescapeSlack(w));
    }
    if (name.length === 0) return fail({ code: 'missingClientName' });
    return ok({ kind: 'clientAdd', name: name.join(' ').slice(0, 80), channelId, report, locale });
  }
  const client = clientName(first);
  const sub = words[1]?.toLowerCase();
  if (sub === undefined) return ok({ kind: 'clientShow', client });
  const rest = words.slice(2);
  if (ADD.has(sub) || REMOVE.has(sub)) {
    const userIds = rest.map(userMention).filter((u): u is string => u !== null);
    const other = rest.filter((w) => userMention(w) === null);
    const asDefault = ADD.has(sub) && other.length > 0 && other.every((w) => DEFAULT.has(w.toLowerCase()));
    if (other.length > 0 && !asDefault) return fail({ code: 'unknownWord', command: `client ${client} ${sub}`, word: other[0]! });
    if (userIds.length === 0) return fail({ code: 'missingPeople', command: `client ${client} ${sub}` });
    return ok(ADD.has(sub) ? { kind: 'clientJoin', client, userIds, asDefault } : { kind: 'clientLeave', client, userIds });
  }
  if (DEFAULT.has(sub)) return rest.length === 0 ? ok({ kind: 'clientDefault', client }) : fail({ code: 'unknownWord', command: `client ${client} default`, word: rest[0]! });
  if (REPORT.has(sub)) {
    if (rest.length === 0) return ok({ kind: 'clientReport', client, cadence: null });
    const cadence = CADENCES.get(rest[0]!.toLowerCase());
    return cadence && rest.length === 1 ? ok({ kind: 'clientReport', client, cadence }) : fail({ code: 'unknownWord', command: `client ${client} report`, word: rest[0]! });
  }
  return ok({ kind: 'clientDo', client, text: after(raw, 1) });
}

/** `/kpi decision [@client] <text>`: a review decision; without text, the recent ones. */
export function parseDecision(words: readonly string[], raw: string): Result<ClientRequest> {
  const first = words[0];
  const client = first !== undefined && /^@[^\s<>@]+$/u.test(first) ? clientName(first) : null;
  const text = unescapeSlack(after(raw, client === null ? 0 : 1)).trim();
  if (text.length === 0) return ok({ kind: 'decisions', client });
  if (text.length > MAX_DECISION_LENGTH) return fail({ code: 'decisionTooLong', max: MAX_DECISION_LENGTH });
  return ok({ kind: 'decision', client, text });
}

/** `/kpi definitions [@client]`. */
export function parseDefinitions(words: readonly string[]): Result<ClientRequest> {
  if (words.length === 0) return ok({ kind: 'definitions', client: null });
  if (words.length === 1) return ok({ kind: 'definitions', client: clientName(words[0]!) });
  return fail({ code: 'unknownWord', command: 'definitions', word: words[1]! });
}
