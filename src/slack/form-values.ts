import { z } from 'zod';
import type { FormValues } from '../reports/views/form.js';

/**
 * One input's value as Slack sends it in `view.state.values[block][action]`: only the fields our
 * forms read, each of the type Slack gives it. Anything else in the object is left alone.
 */
const InputValue = z.looseObject({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
  selected_options: z.array(z.looseObject({ value: z.string() })).nullish(),
  selected_users: z.array(z.string()).nullish(),
  selected_date: z.string().nullish(),
});

const Block = z.record(z.string(), z.unknown());

export type FormReading = { readonly ok: true; readonly values: FormValues } | { readonly ok: false; readonly badBlocks: readonly string[] };

/**
 * Reads a submitted form's `state.values` once, at the edge: the values when every input holds
 * what its type says, else the blocks whose input does not (a number where text belongs, a list
 * where one choice does), so each gets its own field error instead of the form failing whole.
 * A `state.values` that is not a map of blocks at all is reported under `fallbackBlock`.
 */
export function readFormValues(raw: unknown, fallbackBlock: string): FormReading {
  const blocks = z.record(z.string(), Block).safeParse(raw ?? {});
  if (!blocks.success) return { ok: false, badBlocks: [fallbackBlock] };
  const bad = Object.entries(blocks.data)
    .filter(([, inputs]) => Object.values(inputs).some((input) => !InputValue.safeParse(input).success))
    .map(([block]) => block);
  return bad.length > 0 ? { ok: false, badBlocks: bad } : { ok: true, values: blocks.data as FormValues };
}
