import type { CommandContext } from './context.js';
import { fail, ok, type Result } from './problems.js';
import { countWorkdays, daysOf, rangesOf, type DayRange } from '../domain/calendar.js';
import { upcomingClosures } from '../domain/closures.js';
import { parseDayRange, type RangeLimits, type RangeProblem } from '../domain/day-ranges.js';
import { addDays, dayInZone } from '../domain/days.js';
import { formatClock, parseSwitch } from '../domain/team-settings.js';
import { wordTable } from '../domain/words.js';
import { formatDay, messages, type Locale } from '../i18n/index.js';
import { context, section, type Message } from '../reports/blocks.js';
import { textMessage } from '../reports/receipts.js';
import { calendarFor } from '../reports/status.js';
import { formatRange } from '../reports/team.js';

/** `/kpi off …` and `/kpi reminder on|off`: what a person says about themselves. */
export type PeopleRequest =
  | { readonly kind: 'daysOff'; readonly action: 'list' }
  | { readonly kind: 'daysOff'; readonly action: 'add' | 'cancel'; readonly text: string }
  | { readonly kind: 'reminder'; readonly on: boolean };

/** A range of days off: up to two months, from a month back (a sick day noted late) to a year ahead. */
export const DAYS_OFF_LIMITS: RangeLimits = { maxDays: 62, daysBack: 31, daysAhead: 366 };

const CANCEL_WORDS = wordTable<true>({ cancel: true, remove: true, delete: true, 取消: true, 取り消し: true, 取消し: true, 削除: true, キャンセル: true });

/** `off`, `off 12/24-12/26`, `off cancel 12/26`; the range is read by the handler, which knows today. */
export function parseDaysOff(words: readonly string[]): Result<PeopleRequest> {
  if (words.length === 0) return ok({ kind: 'daysOff', action: 'list' });
  const cancel = CANCEL_WORDS.get(words[0]!.normalize('NFKC').toLowerCase()) === true;
  const rest = cancel ? words.slice(1) : words;
  if (rest.length === 0) return fail({ code: 'unknownWord', command: 'off', word: words[0]! });
  return ok({ kind: 'daysOff', action: cancel ? 'cancel' : 'add', text: rest.join(' ') });
}

/** `reminder on|off`. */
export function parseReminder(words: readonly string[]): Result<PeopleRequest> {
  const on = parseSwitch(words[0] ?? '');
  if (on === null || words.length > 1) return fail({ code: 'unknownWord', command: 'reminder', word: words[0] ?? '' });
  return ok({ kind: 'reminder', on });
}

/** A range problem in the reader's words. */
export function explainRange(problem: RangeProblem, locale: Locale): string {
  const p = messages(locale).people.rangeProblems;
  switch (problem.code) {
    case 'badRange':
      return p.badRange({ word: problem.word });
    case 'tooLong':
      return p.tooLong({ days: problem.days, max: problem.max });
    case 'tooFarBack':
      return p.tooFarBack({ day: formatDay(problem.day, locale), max: problem.max });
    case 'tooFarAhead':
      return p.tooFarAhead({ day: formatDay(problem.day, locale), max: problem.max });
  }
}

/** Every `/kpi off` and `/kpi reminder` request. */
export async function handlePeople(ctx: CommandContext, r: PeopleRequest): Promise<Message> {
  if (r.kind === 'reminder') return setReminder(ctx, r.on);
  if (r.action === 'list') return listDaysOff(ctx);
  const t = messages(ctx.caller.locale);
  const { caller, store } = ctx;
  const today = dayInZone(ctx.clock(), caller.zone);
  const parsed = parseDayRange(r.text, today, DAYS_OFF_LIMITS);
  if (!parsed.ok) return textMessage(explainRange(parsed.problem, caller.locale), t.rightForm({ usage: t.help.off.usage, example: t.help.off.examples[0]! }));
  const { range } = parsed;
  const shown = formatRange(range, caller.locale);
  if (r.action === 'cancel') {
    const cancelled = await store.daysOff.cancel(caller.teamId, caller.userId, range.from, range.to, ctx.clock());
    return textMessage(cancelled.length ? t.people.daysOffCancelled({ range: shown, count: cancelled.length }) : t.people.daysOffNothingToCancel({ range: shown }));
  }
  const added = await store.daysOff.add(caller.teamId, caller.userId, daysOf(range), 'command', ctx.clock());
  if (added.length === 0) return textMessage(t.people.daysOffAlready({ range: shown }));
  const team = await store.teams.ofPerson(caller.teamId, caller.userId);
  const workdays = countWorkdays(range.from, range.to, calendarFor(team));
  return textMessage(t.people.daysOffAdded({ range: shown, workdays }), t.people.daysOffUndo({ command: `/kpi off cancel ${r.text.trim()}` }));
}

/** `/kpi off`: your days off from today on, and your team's closures. */
async function listDaysOff(ctx: CommandContext): Promise<Message> {
  const { caller, store } = ctx;
  const t = messages(caller.locale).people;
  const today = dayInZone(ctx.clock(), caller.zone);
  const [rows, team] = await Promise.all([store.daysOff.list(caller.teamId, caller.userId, today, addDays(today, 366)), store.teams.ofPerson(caller.teamId, caller.userId)]);
  const line = (range: DayRange, slack: boolean) => `• ${formatRange(range, caller.locale)}${slack ? t.daysOffFromSlack : ''}`;
  const lines = [
    ...rangesOf(rows.filter((x) => x.source === 'command').map((x) => x.day)).map((range) => ({ range, slack: false })),
    ...rangesOf(rows.filter((x) => x.source === 'slack').map((x) => x.day)).map((range) => ({ range, slack: true })),
  ]
    .sort((a, b) => (a.range.from < b.range.from ? -1 : 1))
    .map((x) => line(x.range, x.slack));
  const closures = team ? upcomingClosures(team.settings.closures, today) : [];
  const body = [`*${t.daysOffTitle}*`, ...(lines.length ? lines : [t.daysOffNone])];
  if (team && closures.length) body.push(t.daysOffClosures({ team: team.name, ranges: closures.map((c) => formatRange(c, caller.locale)).join(messages(caller.locale).separators.names) }));
  return { text: [...body, t.daysOffHint].join('\n'), blocks: [section(body.join('\n')), context(t.daysOffHint)] };
}

async function setReminder(ctx: CommandContext, on: boolean): Promise<Message> {
  const { caller, store } = ctx;
  await store.people.setEveningReminder(caller.teamId, caller.userId, on, ctx.clock());
  const team = await store.teams.ofPerson(caller.teamId, caller.userId);
  const time = team?.settings.reminderTime ?? null;
  return textMessage(messages(caller.locale).people.reminderSet({ on, teamTime: time === null ? null : formatClock(time) }));
}
