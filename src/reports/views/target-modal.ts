import type { InputBlock, ModalView } from '@slack/types';
import { FIELD, metricOptions, option, selectInput, textInput } from './form.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import { PERIOD_KINDS } from '../../domain/periods.js';
import { messages, type Locale } from '../../i18n/index.js';

export const TARGET_CALLBACK = 'kpi_target';

/** The form behind `/kpi target`: metric, amount, period, and whom it is for. */
export function targetModal(locale: Locale, catalog: MetricCatalog): ModalView {
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
      selectInput('metric', f.metric, metricOptions(catalog, locale), null),
      textInput('amount', f.amount, '', { hint: f.amountHint }),
      selectInput('period', f.period, PERIOD_KINDS.map((k) => option(f.periods[k], k)), 'month'),
      selectInput('who', f.who, [option(f.whoMembers, 'members'), option(f.whoTeam, 'team'), option(f.whoPeople, 'users')], 'members'),
      people,
    ],
  };
}
