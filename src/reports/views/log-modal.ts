import type { InputBlock, ModalView } from '@slack/types';
import { FIELD, metricOptions, option, selectInput, textInput } from './form.js';
import type { Day } from '../../domain/days.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import { messages, type Locale } from '../../i18n/index.js';

export const LOG_CALLBACK = 'kpi_log';

/** Metric–number pairs the form offers; the first is required. */
export const LOG_FORM_PAIRS = 3;
/** The longest note, as `/kpi log -- note` takes it. */
export const LOG_NOTE_MAX = 500;

/** Block IDs of the n-th pair (1-based). */
export const metricBlock = (n: number) => `metric${n}`;
export const amountBlock = (n: number) => `amount${n}`;
export const DAY_BLOCK = 'day';
export const CLIENT_BLOCK = 'client';
export const NOTE_BLOCK = 'note';

/** A client engagement the person works on, as the form offers it: its name, and whether it is their default. */
export interface ClientChoice {
  readonly client: string;
  readonly isDefault: boolean;
}

/**
 * The log form behind App Home's button: up to three metric and number pairs, the day, a note; and
 * for someone on several client engagements, which one the log is for (their default chosen).
 */
export function logModal(locale: Locale, today: Day, catalog: MetricCatalog, clients: readonly ClientChoice[] = []): ModalView {
  const t = messages(locale);
  const f = t.logForm;
  const options = metricOptions(catalog, locale, true, false);
  const pairs: InputBlock[] = [];
  for (let n = 1; n <= LOG_FORM_PAIRS; n += 1) {
    pairs.push(
      selectInput(metricBlock(n), f.metric({ n }), options, null, n > 1),
      textInput(amountBlock(n), f.amount({ n }), '', { optional: n > 1, placeholder: n === 1 ? '45' : '' }),
    );
  }
  const day: InputBlock = {
    type: 'input',
    block_id: DAY_BLOCK,
    label: { type: 'plain_text', text: f.day },
    element: { type: 'datepicker', action_id: FIELD, initial_date: today },
  };
  const note: InputBlock = {
    type: 'input',
    block_id: NOTE_BLOCK,
    optional: true,
    label: { type: 'plain_text', text: f.note },
    hint: { type: 'plain_text', text: f.noteHint },
    element: { type: 'plain_text_input', action_id: FIELD, multiline: true, max_length: LOG_NOTE_MAX },
  };
  return {
    type: 'modal',
    callback_id: LOG_CALLBACK,
    title: { type: 'plain_text', text: f.title },
    submit: { type: 'plain_text', text: f.submit },
    close: { type: 'plain_text', text: t.cancel },
    blocks: [...pairs, ...clientBlock(clients, f.client), day, note],
  };
}

/** The client field, for someone on two engagements or more (one engagement, or none, needs no choice). */
function clientBlock(clients: readonly ClientChoice[], label: string): InputBlock[] {
  if (clients.length < 2) return [];
  const options = clients.map((c) => option(c.client, c.client));
  return [selectInput(CLIENT_BLOCK, label, options, clients.find((c) => c.isDefault)?.client ?? null)];
}
