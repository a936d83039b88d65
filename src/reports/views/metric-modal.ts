import type { InputBlock, ModalView } from '@slack/types';
import { FIELD, metricOptions, option, selectInput, textInput } from './form.js';
import type { MetricCatalog } from '../../domain/metric-catalog.js';
import { messages, type Locale } from '../../i18n/index.js';

export const METRIC_CALLBACK = 'kpi_metric';

/** The form behind `/kpi metric add`: what `/kpi metric add …` and `/kpi metric rate …` take, field by field. */
export function metricModal(locale: Locale, catalog: MetricCatalog): ModalView {
  const t = messages(locale);
  const f = t.metricForm;
  const units = t.metricList.units;
  const logged = metricOptions(catalog, locale, true, false);
  const numerator: InputBlock = {
    type: 'input',
    block_id: 'numerator',
    optional: true,
    label: { type: 'plain_text', text: f.numerator },
    element: { type: 'multi_static_select', action_id: FIELD, options: logged, max_selected_items: 5 },
  };
  const lower: InputBlock = {
    type: 'input',
    block_id: 'lower',
    optional: true,
    label: { type: 'plain_text', text: f.lower },
    element: { type: 'checkboxes', action_id: FIELD, options: [option(f.lower, 'lower')] },
  };
  return {
    type: 'modal',
    callback_id: METRIC_CALLBACK,
    title: { type: 'plain_text', text: f.title },
    submit: { type: 'plain_text', text: t.save },
    close: { type: 'plain_text', text: t.cancel },
    blocks: [
      textInput('name', f.name, '', { hint: f.nameHint, maxLength: 60 }),
      textInput('otherName', f.otherName, '', { optional: true, maxLength: 60 }),
      selectInput('kind', f.kind, (['flow', 'snapshot', 'rate'] as const).map((k) => option(f.kinds[k], k)), 'flow'),
      selectInput('unit', f.unit, (['count', 'currency', 'percent', 'score'] as const).map((u) => option(units[u], u)), null, true),
      numerator,
      selectInput('denominator', f.denominator, logged, null, true),
      selectInput('denominatorAt', f.denominatorAt, [option(f.atStart, 'start'), option(f.atEnd, 'end')], null, true),
      textInput('aliases', f.aliases, '', { optional: true, hint: f.aliasesHint, maxLength: 300 }),
      lower,
    ],
  };
}
