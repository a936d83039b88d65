import type { OneOnOneRequest } from './oneonone.js';
import type { Problem } from './problems.js';
import { unescapeSlack, userMention } from './tokens.js';
import { parseClock, parseWeekday } from '../domain/team-settings.js';

type Parsed = { readonly ok: true; readonly value: OneOnOneRequest } | { readonly ok: false; readonly problem: Problem };

const problem = (p: Problem): Parsed => ({ ok: false, problem: p });
const done = (value: OneOnOneRequest): Parsed => ({ ok: true, value });

const FORTNIGHTLY = new Set(['biweekly', 'fortnightly', '隔週', '2週ごと', '2週間ごと']);
const WEEKLY = new Set(['weekly', '毎週', '週1', '毎週1回']);

/** `every 2 weeks`, `biweekly`, `隔週`, `weekly`…: 1 or 2, or null when the words say something else. */
function cadence(words: readonly string[]): 1 | 2 | null {
  if (words.length === 0) return 1;
  const text = words.join(' ').toLowerCase();
  if (FORTNIGHTLY.has(text) || /^every\s*2\s*weeks?$/u.test(text) || text === 'every other week') return 2;
  if (WEEKLY.has(text) || /^every\s*(1\s*)?weeks?$/u.test(text)) return 1;
  return null;
}

/**
 * `1on1 @rep`, `1on1 schedule [@rep <weekday> <HH:MM> [every 1|2 weeks]]`, `1on1 unschedule @rep`,
 * `1on1 plan @rep <text>` — words after `1on1`, and the raw text for a plan's own characters.
 */
export function parseOneOnOne(words: readonly string[], rawRest: string): Parsed {
  const first = words[0];
  if (first === undefined) return problem({ code: 'missingPeople', command: '1on1' });
  const rep = userMention(first);
  if (rep) return words.length === 1 ? done({ kind: 'oneonone', userId: rep }) : problem({ code: 'unknownWord', command: '1on1', word: words[1]! });
  const sub = first.toLowerCase();
  if (sub === 'schedule' || sub === '予定' || sub === '設定') {
    if (words.length === 1) return done({ kind: 'oneononeList' });
    const who = userMention(words[1]!);
    if (!who) return problem({ code: 'missingPeople', command: '1on1 schedule' });
    const weekday = words[2] ? parseWeekday(words[2]) : null;
    if (weekday === null) return problem({ code: 'unknownWord', command: '1on1 schedule', word: words[2] ?? '' });
    const minutes = words[3] ? parseClock(words[3]) : null;
    if (minutes === null) return problem({ code: 'unknownWord', command: '1on1 schedule', word: words[3] ?? '' });
    const every = cadence(words.slice(4));
    if (every === null) return problem({ code: 'unknownWord', command: '1on1 schedule', word: words.slice(4).join(' ') });
    return done({ kind: 'oneononeSchedule', userId: who, weekday, minutes, everyWeeks: every });
  }
  if (sub === 'unschedule' || sub === '解除') {
    const who = words[1] ? userMention(words[1]) : null;
    if (!who) return problem({ code: 'missingPeople', command: '1on1 unschedule' });
    return words.length === 2 ? done({ kind: 'oneononeUnschedule', userId: who }) : problem({ code: 'unknownWord', command: '1on1 unschedule', word: words[2]! });
  }
  if (sub === 'plan' || sub === 'プラン') {
    const who = words[1] ? userMention(words[1]) : null;
    if (!who) return problem({ code: 'missingPeople', command: '1on1 plan' });
    const text = unescapeSlack(rawRest.replace(/^\S+\s+<@[^>]*>\s*/u, '')).trim();
    return done({ kind: 'oneononePlan', userId: who, text });
  }
  return problem({ code: 'unknownWord', command: '1on1', word: first });
}
