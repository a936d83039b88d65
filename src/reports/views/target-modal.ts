import type { InputBlock, ModalView } from '@slack/types';
import { FIELD, option, selectInput, textInput } from './form.js';
import { DERIVED_METRICS, LOGGED_METRICS, metricLabel } from '../../domain/metrics.js';
import { PERIOD_KINDS } from '../../domain/periods.js';
import { messages, type Locale } from '../../i18n/index.js';

export const TARGET_CALLBACK = 'kpi_target';

/** Every metric a target can be set on, logged or derived, named in the reader's language. */
export function metricOptions(locale: Locale, logged = true, derived = true) {
  return [...(logged ? LOGGED_METRICS : []), ...(derived ? DERIVED_METRICS : [])].map((m) => option(metricLabel(m, locale), m));
}

/** The form behind `/kpi target`: metric, amount, period, and whom it is for. */
export function targetModal(locale: Locale): ModalView {
  const t = messages(locale);
  const f = t.targetForm;
  const people: InputBlock = {
    type: 'input',
    block_id: 'people',
    optional: true,
    label: { type: 'plain_text', text: f.people },
    element: { type: 'multi_users_select', action_id: FIELD },
  };
  return {
    type: 'modal',
    callback_id: TARGET_CALLBACK,
    title: { type: 'plain_text', text: f.title },
    submit: { type: 'plain_text', text: t.save },
    close: { type: 'plain_text', text: t.cancel },
    blocks: [
      selectInput('metric', f.metric, metricOptions(locale), null),
      textInput('amount', f.amount, '', { hint: f.amountHint }),
      selectInput('period', f.period, PERIOD_KINDS.map((k) => option(f.periods[k], k)), 'month'),
      selectInput('who', f.who, [option(f.whoMembers, 'members'), option(f.whoTeam, 'team'), option(f.whoPeople, 'users')], 'members'),
      people,
    ],
  };
}
