import { distance } from 'fastest-levenshtein';
import { parseAmount } from './amounts.js';
import { parseEdit, parseLog, type EditRequest, type LogRequest } from './parse-log.js';
import { parsePlan, parseSettings, parseStatus, parseTarget, parseTargets, parseTeam, parseTemplate, parseTree, type ManageRequest } from './parse-manage.js';
import type { OneOnOneRequest } from './oneonone.js';
import { parseOneOnOne } from './parse-oneonone.js';
import { parseDaysOff, parseReminder, type PeopleRequest } from './days-off.js';
import { fail, ok, type Result } from './problems.js';
import { MAX_TEXT_LENGTH, spaceSeparators, splitGlued, tokenize } from './tokens.js';
import { parseMetric, type MetricRequest } from './parse-metric.js';
import { parseClient, parseDecision, parseDefinitions, type ClientRequest } from './parse-client.js';
import { parseDiagnose, type DiagnoseRequest } from './diagnose.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { wordTable } from '../domain/words.js';
import { parseSwitch } from '../domain/team-settings.js';

/** The commands of `/kpi`, by their canonical English name. */
export const COMMAND_NAMES = ['log', 'undo', 'edit', 'help', 'status', 'target', 'targets', 'template', 'team', 'settings', 'tree', 'plan', '1on1', 'export', 'morning-dm', 'metric', 'off', 'reminder', 'client', 'decision', 'definitions', 'diagnose'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Words that name a command, in English and Japanese. */
const COMMAND_WORDS = wordTable<CommandName>({
  log: 'log',
  add: 'log',
  記録: 'log',
  ログ: 'log',
  undo: 'undo',
  edit: 'edit',
  correct: 'edit',
  fix: 'edit',
  修正: 'edit',
  訂正: 'edit',
  取消: 'undo',
  取り消し: 'undo',
  取消し: 'undo',
  とりけし: 'undo',
  help: 'help',
  '?': 'help',
  ヘルプ: 'help',
  使い方: 'help',
  status: 'status',
  状況: 'status',
  ステータス: 'status',
  進捗: 'status',
  target: 'target',
  目標: 'target',
  targets: 'targets',
  目標一覧: 'targets',
  template: 'template',
  テンプレート: 'template',
  team: 'team',
  チーム: 'team',
  settings: 'settings',
  setting: 'settings',
  設定: 'settings',
  tree: 'tree',
  ツリー: 'tree',
  kpiツリー: 'tree',
  plan: 'plan',
  計画: 'plan',
  逆算: 'plan',
  export: 'export',
  エクスポート: 'export',
  書き出し: 'export',
  '1on1': '1on1',
  'one-on-one': '1on1',
  oneonone: '1on1',
  '1on1準備': '1on1',
  'morning-dm': 'morning-dm',
  morningdm: 'morning-dm',
  朝のdm: 'morning-dm',
  client: 'client',
  clients: 'client',
  クライアント: 'client',
  decision: 'decision',
  decisions: 'decision',
  決定: 'decision',
  決定事項: 'decision',
  definitions: 'definitions',
  定義一覧: 'definitions',
  diagnose: 'diagnose',
  diagnosis: 'diagnose',
  診断: 'diagnose',
  kpi診断: 'diagnose',
  原因: 'diagnose',
  metric: 'metric',
  metrics: 'metric',
  指標: 'metric',
  メトリクス: 'metric',
  kpi定義: 'metric',
  定義: 'metric',
  off: 'off',
  'day-off': 'off',
  'days-off': 'off',
  dayoff: 'off',
  vacation: 'off',
  休み: 'off',
  休暇: 'off',
  有給: 'off',
  reminder: 'reminder',
  reminders: 'reminder',
  リマインダー: 'reminder',
  リマインド: 'reminder',
});

export type KpiRequest =
  | { readonly kind: 'overview' }
  | { readonly kind: 'help'; readonly topic: CommandName | 'rates' | null; readonly unknownTopic: string | null }
  | { readonly kind: 'undo' }
  | { readonly kind: 'morningDm'; readonly on: boolean }
  | { readonly kind: 'export'; readonly month: string | null }
  | LogRequest
  | EditRequest
  | ManageRequest
  | OneOnOneRequest
  | MetricRequest
  | PeopleRequest
  | ClientRequest
  | DiagnoseRequest;

export function commandWord(word: string): CommandName | null {
  return COMMAND_WORDS.get(word.normalize('NFKC').toLowerCase()) ?? null;
}

/** `/kpi help rates`: every rate with its formula. */
const RATES_WORDS = new Set(['rates', 'rate', 'formulas', '率', '計算式', '定義']);

function suggestCommands(word: string): string[] {
  const folded = word.normalize('NFKC').toLowerCase();
  return [...COMMAND_WORDS.keys()]
    .map((w) => ({ w, d: distance(folded, w) }))
    .filter(({ w, d }) => d <= (w.length <= 3 ? 1 : 2))
    .sort((a, b) => a.d - b.d)
    .map(({ w }) => COMMAND_WORDS.get(w)!)
    .filter((name, i, all) => all.indexOf(name) === i)
    .slice(0, 3);
}

/**
 * Parses the text after `/kpi` into a request, or the problem to show. Never throws.
 * `parseCommand("log calls 45 meetings 3")`, `parseCommand("架電 45")` (a metric first means log).
 */
export function parseCommand(text: string, catalog: MetricCatalog): Result<KpiRequest> {
  if (text.length > MAX_TEXT_LENGTH) return fail({ code: 'textTooLong', max: MAX_TEXT_LENGTH });
  const trimmed = text.trim();
  const words = tokenize(trimmed);
  const first = words[0];
  if (first === undefined) return ok({ kind: 'overview' });

  const name = commandWord(first);
  switch (name) {
    case 'log':
      return parseLog(restAfterFirstWord(trimmed), catalog);
    case 'edit':
      return parseEdit(restAfterFirstWord(trimmed), catalog);
    case 'undo':
      return words.length === 1 ? ok({ kind: 'undo' }) : fail({ code: 'unexpectedWord', command: 'undo', word: words[1]! });
    case 'help': {
      const topicWord = words[1];
      if (topicWord === undefined) return ok({ kind: 'help', topic: null, unknownTopic: null });
      if (RATES_WORDS.has(topicWord.toLowerCase())) return ok({ kind: 'help', topic: 'rates', unknownTopic: null });
      const topic = commandWord(topicWord);
      return ok({ kind: 'help', topic, unknownTopic: topic ? null : topicWord });
    }
    case 'status':
      return parseStatus(words.slice(1));
    case 'target':
      return parseTarget(words.slice(1), catalog);
    case 'targets':
      return parseTargets(words.slice(1));
    case 'template':
      return parseTemplate(words.slice(1));
    case 'team':
      return parseTeam(words.slice(1), restAfterFirstWord(trimmed));
    case 'settings':
      return parseSettings(words.slice(1));
    case 'tree':
      return parseTree(words.slice(1), catalog);
    case 'plan':
      return parsePlan(words.slice(1));
    case 'export': {
      const month = words[1];
      if (month === undefined) return ok({ kind: 'export', month: null });
      if (!/^\d{4}-(0[1-9]|1[0-2])$/u.test(month) || words.length > 2) return fail({ code: 'unknownWord', command: 'export', word: words.slice(1).join(' ') });
      return ok({ kind: 'export', month });
    }
    case '1on1':
      return parseOneOnOne(words.slice(1), restAfterFirstWord(trimmed));
    case 'morning-dm': {
      // The same words as the team's `/kpi settings morning-dm`.
      const on = parseSwitch(words[1] ?? '');
      if (on === null || words.length > 2) return fail({ code: 'unknownWord', command: 'morning-dm', word: words[1] ?? '' });
      return ok({ kind: 'morningDm', on });
    }
    case 'metric':
      return parseMetric(words.slice(1));
    case 'client':
      return parseClient(words.slice(1), restAfterFirstWord(trimmed));
    case 'decision':
      return parseDecision(words.slice(1), restAfterFirstWord(trimmed));
    case 'definitions':
      return parseDefinitions(words.slice(1));
    case 'diagnose':
      return parseDiagnose(words.slice(1));
    case 'off':
      return parseDaysOff(words.slice(1));
    case 'reminder':
      return parseReminder(words.slice(1));
    case null:
      break;
  }
  // "/kpi 架電 45", "/kpi 45 calls", "/kpi calls: 30, emails: 5": a log without the word log.
  const head = splitGlued(tokenize(spaceSeparators(trimmed))[0] ?? first)[0]!;
  if (catalog.resolve(head) || parseAmount(head)) return parseLog(trimmed, catalog);
  return fail({ code: 'unknownCommand', word: first, suggestions: suggestCommands(first) });
}

/** The raw text after the first word, so a note keeps the person's own characters. */
function restAfterFirstWord(text: string): string {
  const m = /^\S+\s*/u.exec(text);
  return m ? text.slice(m[0].length) : '';
}
