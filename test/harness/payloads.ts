/**
 * Interactivity payloads and events as Slack sends them, for the end-to-end tests: a button click,
 * a form submission with its `state.values`, `app_home_opened`.
 */

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

/** One input's value in `view.state.values`, under the action ID our forms use. */
export type StateValue = Record<string, unknown> & { type: string };
export type StateValues = Record<string, Record<string, StateValue>>;

export const text = (value: string): StateValue => ({ type: 'plain_text_input', value });
export const choice = (value: string | null): StateValue => ({
  type: 'static_select',
  selected_option: value === null ? null : { text: { type: 'plain_text', text: value }, value },
});
export const date = (value: string | null): StateValue => ({ type: 'datepicker', selected_date: value });
export const choices = (values: readonly string[]): StateValue => ({
  type: 'checkboxes',
  selected_options: values.map((value) => ({ text: { type: 'plain_text', text: value }, value })),
});
export const users = (ids: readonly string[]): StateValue => ({ type: 'multi_users_select', selected_users: [...ids] });

/** State values keyed by block ID, each under the action ID `value`. */
export function stateValues(fields: Record<string, StateValue>): StateValues {
  return Object.fromEntries(Object.entries(fields).map(([block, v]) => [block, { value: v }]));
}

interface Loose {
  [key: string]: unknown;
}

/**
 * The state Slack would send for a view left as it opened: each input's initial value. The tests
 * take a modal the bot opened (from the fake Slack) and change only the fields they care about.
 */
export function initialValues(view: Loose): Record<string, StateValue> {
  const out: Record<string, StateValue> = {};
  for (const block of (view.blocks ?? []) as Loose[]) {
    if (block.type !== 'input') continue;
    const id = String(block.block_id);
    const e = block.element as Loose;
    switch (e.type) {
      case 'plain_text_input':
        out[id] = text(typeof e.initial_value === 'string' ? e.initial_value : '');
        break;
      case 'static_select':
        out[id] = choice((e.initial_option as Loose | undefined)?.value as string | undefined ?? null);
        break;
      case 'checkboxes':
        out[id] = choices(((e.initial_options ?? []) as Loose[]).map((o) => String(o.value)));
        break;
      case 'datepicker':
        out[id] = date(typeof e.initial_date === 'string' ? e.initial_date : null);
        break;
      case 'multi_users_select':
        out[id] = users((e.initial_users ?? []) as string[]);
        break;
      default:
        break;
    }
  }
  return out;
}

export interface Who {
  readonly userId?: string;
  readonly teamId?: string;
}

/** A click on a button in App Home. */
export function blockAction(actionId: string, options: Who & { triggerId?: string; value?: string } = {}): Loose {
  const teamId = options.teamId ?? 'T0001';
  const userId = options.userId ?? 'U0001';
  return {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    api_app_id: 'A0001',
    token: 'deprecated-verification-token',
    container: { type: 'view', view_id: 'VHOME' },
    trigger_id: options.triggerId ?? `${Date.now()}.${next()}.trigger`,
    team: { id: teamId, domain: 'example' },
    is_enterprise_install: false,
    view: { id: 'VHOME', type: 'home', team_id: teamId, callback_id: '', blocks: [], state: { values: {} }, private_metadata: '' },
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'home-actions',
        text: { type: 'plain_text', text: 'Log activity' },
        ...(options.value !== undefined ? { value: options.value } : {}),
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

/** A modal's submission: the view as opened (callback ID, blocks, metadata) and what the person entered. */
export function viewSubmission(
  view: Loose,
  values: Record<string, StateValue>,
  options: Who & { viewId?: string } = {},
): Loose {
  const teamId = options.teamId ?? 'T0001';
  const userId = options.userId ?? 'U0001';
  return {
    type: 'view_submission',
    team: { id: teamId, domain: 'example' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    api_app_id: 'A0001',
    token: 'deprecated-verification-token',
    trigger_id: `${Date.now()}.${next()}.trigger`,
    is_enterprise_install: false,
    view: {
      id: options.viewId ?? `V${String(next()).padStart(6, '0')}`,
      team_id: teamId,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? '',
      title: view.title,
      blocks: view.blocks ?? [],
      close: view.close ?? null,
      submit: view.submit ?? null,
      state: { values: stateValues(values) },
      hash: `${Date.now()}.hash`,
      app_id: 'A0001',
      bot_id: 'BBOT',
      root_view_id: null,
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
    },
    response_urls: [],
  };
}

/** The event Slack sends when a person opens the app's Home (or Messages) tab. */
export function appHomeOpened(userId: string, tab: 'home' | 'messages' = 'home'): Record<string, unknown> {
  return { type: 'app_home_opened', user: userId, channel: `D${userId.replace(/^U/u, '')}`, tab, event_ts: `${Date.now() / 1000}` };
}
