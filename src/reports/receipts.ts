import { context, section, type Message } from './blocks.js';
import { formatAmount, formatItems, formatWhen, totalsInOrder } from './amounts.js';
import type { Day } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { Totals } from '../domain/rates.js';
import { formatTime, messages, pick, type Locale } from '../i18n/index.js';

/** What a person sees after `/kpi log`: what was stored and where the day stands. */
export interface LogReceipt {
  readonly locale: Locale;
  readonly userId: string;
  readonly day: Day;
  readonly today: Day;
  readonly pairs: readonly StoredPair[];
  readonly dayTotals: Totals;
  readonly note: string | null;
  readonly duplicate: boolean;
  readonly catalog: MetricCatalog;
}

/** A pair as stored: a metric key, the number, and whom it was handed to or credited from. */
export interface StoredPair {
  readonly metric: string;
  readonly value: number;
  readonly handoff?: { readonly userId: string; readonly direction: 'to' | 'from' } | null;
}

/** `"1 meeting → @chika · 45 calls"`: the pairs of a log, each with its handoff. */
function pairsText(pairs: readonly StoredPair[], catalog: MetricCatalog, locale: Locale): string {
  return pairs
    .map((p) => {
      const amount = formatAmount(catalog.def(p.metric), p.value, locale);
      return p.handoff ? `${amount} ${p.handoff.direction === 'to' ? '→' : '←'} <@${p.handoff.userId}>` : amount;
    })
    .join(messages(locale).itemSeparator);
}

export function renderLogReceipt(r: LogReceipt): Message {
  const t = messages(r.locale);
  const when = formatWhen(r.day, r.today, r.locale);
  const stored = `✅ ${t.logStored({ items: pairsText(r.pairs, r.catalog, r.locale), when })}`;
  const total = t.dayTotal({ items: formatItems(totalsInOrder(r.dayTotals, r.catalog), r.locale), when, isToday: r.day === r.today });
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
  readonly pairs: readonly StoredPair[];
  readonly dayTotals: Totals;
  readonly catalog: MetricCatalog;
}

export function renderUndoReceipt(r: UndoReceipt): Message {
  const t = messages(r.locale);
  const when = formatWhen(r.day, r.today, r.locale);
  const undone = `↩️ ${t.undone({ items: pairsText(r.pairs, r.catalog, r.locale), when, time: formatTime(r.loggedAt, r.zone) })}`;
  const remaining = totalsInOrder(r.dayTotals, r.catalog);
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
  readonly catalog: MetricCatalog;
}

export function renderTodayOverview(o: TodayOverview): Message {
  const t = messages(o.locale);
  const title = `*${t.overviewTitle({ when: formatWhen(o.today, o.today, o.locale) })}*`;
  const items = totalsInOrder(o.totals, o.catalog);
  const body = items.length > 0 ? formatItems(items, o.locale) : pick(t.overviewEmpty, `${o.today}:${o.userId}`, undefined);
  return { text: `${title}\n${body}`, blocks: [section(`${title}\n${body}`), context(t.overviewHint)] };
}

/** A one-line answer: an error, a refusal, a notice. */
export function textMessage(text: string, hint?: string): Message {
  return { text: hint ? `${text}\n${hint}` : text, blocks: hint ? [section(text), context(hint)] : [section(text)] };
}
