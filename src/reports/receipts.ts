import { context, section, type Message } from './blocks.js';
import { formatItems, formatWhen, totalsInOrder } from './amounts.js';
import type { Day } from '../domain/days.js';
import type { LoggedMetric } from '../domain/metrics.js';
import type { Totals } from '../domain/rates.js';
import { formatTime, messages, pick, type Locale } from '../i18n/index.js';

/** What a person sees after `/kpi log`: what was stored and where the day stands. */
export interface LogReceipt {
  readonly locale: Locale;
  readonly userId: string;
  readonly day: Day;
  readonly today: Day;
  readonly pairs: readonly { metric: LoggedMetric; value: number }[];
  readonly dayTotals: Totals;
  readonly note: string | null;
  readonly duplicate: boolean;
}

export function renderLogReceipt(r: LogReceipt): Message {
  const t = messages(r.locale);
  const when = formatWhen(r.day, r.today, r.locale);
  const stored = `✅ ${t.logStored({ items: formatItems(r.pairs, r.locale), when })}`;
  const total = t.dayTotal({ items: formatItems(totalsInOrder(r.dayTotals), r.locale), when, isToday: r.day === r.today });
  const seed = `${r.today}:${r.userId}`;
  const lines = [stored, total];
  if (r.note) lines.push(t.noteSaved({ note: r.note }));
  const cheer = r.note ? pick(t.newApproachCheers, seed, undefined) : pick(t.logCheers, seed, undefined);
  const footer = r.duplicate ? t.alreadyLogged : t.undoHint;
  return {
    text: [...lines, cheer, ...(r.duplicate ? [footer] : [])].join('\n'),
    blocks: [section(lines.join('\n')), context(cheer), context(footer)],
  };
}

/** What a person sees after `/kpi undo`. */
export interface UndoReceipt {
  readonly locale: Locale;
  readonly day: Day;
  readonly today: Day;
  readonly loggedAt: Date;
  readonly zone: string;
  readonly pairs: readonly { metric: LoggedMetric; value: number }[];
  readonly dayTotals: Totals;
}

export function renderUndoReceipt(r: UndoReceipt): Message {
  const t = messages(r.locale);
  const when = formatWhen(r.day, r.today, r.locale);
  const undone = `↩️ ${t.undone({ items: formatItems(r.pairs, r.locale), when, time: formatTime(r.loggedAt, r.zone) })}`;
  const remaining = totalsInOrder(r.dayTotals);
  const now = remaining.length > 0 ? t.undoneDayTotal({ items: formatItems(remaining, r.locale), when }) : t.undoneDayEmpty({ when });
  return textMessage(`${undone}\n${now}`);
}

export function renderNothingToUndo(locale: Locale): Message {
  return textMessage(messages(locale).nothingToUndo);
}

/** Bare `/kpi`: the person's numbers so far today. */
export interface TodayOverview {
  readonly locale: Locale;
  readonly userId: string;
  readonly today: Day;
  readonly totals: Totals;
}

export function renderTodayOverview(o: TodayOverview): Message {
  const t = messages(o.locale);
  const title = `*${t.overviewTitle({ when: formatWhen(o.today, o.today, o.locale) })}*`;
  const items = totalsInOrder(o.totals);
  const body = items.length > 0 ? formatItems(items, o.locale) : pick(t.overviewEmpty, `${o.today}:${o.userId}`, undefined);
  return { text: `${title}\n${body}`, blocks: [section(`${title}\n${body}`), context(t.overviewHint)] };
}

/** A one-line answer: an error, a refusal, a notice. */
export function textMessage(text: string, hint?: string): Message {
  return { text: hint ? `${text}\n${hint}` : text, blocks: hint ? [section(text), context(hint)] : [section(text)] };
}
