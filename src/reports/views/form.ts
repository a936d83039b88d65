import type { InputBlock, ModalView, PlainTextOption } from '@slack/types';
import { clip, section, type Message } from '../blocks.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import { messages, type Locale } from '../../i18n/index.js';

/** What Slack sends back for a modal's inputs: `view.state.values[block_id][action_id]`. */
export type FormValues = Readonly<
  Record<
    string,
    Readonly<
      Record<
        string,
        {
          readonly type: string;
          readonly value?: string | null;
          readonly selected_option?: { readonly value: string } | null;
          readonly selected_options?: readonly { readonly value: string }[];
          readonly selected_users?: readonly string[];
          readonly selected_date?: string | null;
        }
      >
    >
  >
>;

/** The action ID every single-element input of our forms uses. */
export const FIELD = 'value';

const field = (values: FormValues, block: string) => values[block]?.[FIELD];

/** A text input's value, trimmed; '' when empty. */
export const textOf = (values: FormValues, block: string): string => (field(values, block)?.value ?? '').trim();
/** A select's chosen value, or null. */
export const choiceOf = (values: FormValues, block: string): string | null =>
  field(values, block)?.selected_option?.value ?? field(values, block)?.selected_date ?? null;
/** A multi-select's or checkboxes' chosen values. */
export const choicesOf = (values: FormValues, block: string): string[] => (field(values, block)?.selected_options ?? []).map((o) => o.value);
/** A user picker's chosen people. */
export const usersOf = (values: FormValues, block: string): string[] => [...(field(values, block)?.selected_users ?? [])];

export const option = (text: string, value: string): PlainTextOption => ({ text: { type: 'plain_text', text: text.slice(0, 75), emoji: true }, value });

/**
 * Metrics as select options named in the reader's language, the key as the value: every metric a
 * target can be set on by default, only the logged ones for the log form (`derived` false).
 */
export function metricOptions(catalog: MetricCatalog, locale: Locale, logged = true, derived = true): PlainTextOption[] {
  // A static select holds 100 options.
  return [...(logged ? catalog.logged : []), ...(derived ? catalog.rates : [])].slice(0, 100).map((d) => option(d.label[locale], d.key));
}

export function textInput(block: string, label: string, initial: string, options: { hint?: string; optional?: boolean; placeholder?: string; multiline?: boolean; maxLength?: number } = {}): InputBlock {
  return {
    type: 'input',
    block_id: block,
    optional: options.optional ?? false,
    label: { type: 'plain_text', text: label.slice(0, 2000) },
    ...(options.hint ? { hint: { type: 'plain_text', text: options.hint.slice(0, 2000) } } : {}),
    element: {
      type: 'plain_text_input',
      action_id: FIELD,
      ...(initial ? { initial_value: initial } : {}),
      ...(options.multiline ? { multiline: true } : {}),
      ...(options.maxLength ? { max_length: options.maxLength } : {}),
      ...(options.placeholder ? { placeholder: { type: 'plain_text', text: options.placeholder.slice(0, 150) } } : {}),
    },
  };
}

export function selectInput(block: string, label: string, options: readonly PlainTextOption[], initial: string | null, optional = false): InputBlock {
  const chosen = options.find((o) => o.value === initial);
  return {
    type: 'input',
    block_id: block,
    optional,
    label: { type: 'plain_text', text: label },
    element: { type: 'static_select', action_id: FIELD, options: [...options], ...(chosen ? { initial_option: chosen } : {}) },
  };
}

export function checkboxesInput(block: string, label: string, options: readonly PlainTextOption[], initial: readonly string[]): InputBlock {
  const chosen = options.filter((o) => initial.includes(o.value!));
  return {
    type: 'input',
    block_id: block,
    optional: true,
    label: { type: 'plain_text', text: label },
    element: { type: 'checkboxes', action_id: FIELD, options: [...options], ...(chosen.length ? { initial_options: chosen } : {}) },
  };
}

/** What a form turns into once saved: what happened, and a button to close it. */
export function confirmationModal(title: string, message: Message, locale: Locale): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: clip(title, 24) },
    close: { type: 'plain_text', text: clip(messages(locale).close, 24) },
    blocks: message.blocks.length > 0 ? [...message.blocks] : [section(message.text)],
  };
}
