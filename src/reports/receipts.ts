import { context, section, type Message } from './blocks.js';
import { formatAmount, formatItems, formatWhen, totalsInOrder } from './amounts.js';
import type { Day } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { Totals } from '../domain/rates.js';
import type { EditedNumber, EditOutcome } from '../store/index.js';
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
  const cheer = r.note ? pick(t.newApproachCheers, seed, undefined) : pick(r.day === r.today ? t.logCheers : t.backdatedCheers, seed, undefined);
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

/** What a person sees after `/kpi edit`: each corrected log with its numbers before and after, and the days' totals now. */
export interface EditReceipt {
  readonly locale: Locale;
  readonly today: Day;
  readonly zone: string;
  readonly outcome: EditOutcome;
  readonly catalog: MetricCatalog;
}

export function renderEditReceipt(r: EditReceipt): Message {
  const t = messages(r.locale);
  const amount = (metric: string, value: number) => formatAmount(r.catalog.def(metric), value, r.locale);
  const changed = r.outcome.edited.filter((e) => e.from !== e.to);
  const unchanged = r.outcome.edited.filter((e) => e.from === e.to);
  const lines: string[] = [];
  // One line per log corrected: the log is named by its time and day, as undo names it.
  const logs = new Map<string, EditedNumber[]>();
  for (const e of changed) logs.set(`${e.loggedAt.toISOString()} ${e.day}`, [...(logs.get(`${e.loggedAt.toISOString()} ${e.day}`) ?? []), e]);
  for (const numbers of logs.values()) {
    const { day, loggedAt } = numbers[0]!;
    const items = numbers.map((e) => t.editedItem({ from: amount(e.metric, e.from), to: amount(e.metric, e.to) })).join(t.itemSeparator);
    lines.push(`✏️ ${t.edited({ items, when: formatWhen(day, r.today, r.locale), time: formatTime(loggedAt, r.zone) })}`);
  }
  if (unchanged.length > 0) lines.push(t.editUnchanged({ items: unchanged.map((e) => amount(e.metric, e.to)).join(t.itemSeparator) }));
  for (const d of new Set(changed.map((e) => e.day))) {
    const totals = r.outcome.dayTotals.get(d);
    if (totals) lines.push(t.dayTotal({ items: formatItems(totalsInOrder(totals, r.catalog), r.locale), when: formatWhen(d, r.today, r.locale), isToday: d === r.today }));
  }
  return changed.length > 0 ? { text: [...lines, t.editFooter].join('\n'), blocks: [section(lines.join('\n')), context(t.editFooter)] } : textMessage(lines.join('\n'));
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
