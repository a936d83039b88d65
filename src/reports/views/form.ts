import type { InputBlock, PlainTextOption } from '@slack/types';

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

export function textInput(block: string, label: string, initial: string, options: { hint?: string; optional?: boolean; placeholder?: string } = {}): InputBlock {
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
