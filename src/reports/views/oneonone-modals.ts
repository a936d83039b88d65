import type { ModalView } from '@slack/types';
import { textInput } from './form.js';
import type { Day } from '../../domain/days.js';
import { messages, type Locale } from '../../i18n/index.js';

export const PLAN_CALLBACK = 'kpi_1on1_plan';
export const CHECK_IN_CALLBACK = 'kpi_checkin';

/** The longest plan kept, in characters (the form holds no more; the command is told so). */
export const PLAN_MAX_LENGTH = 2000;
/** The longest check-in answer kept, in characters. */
export const CHECK_IN_MAX_LENGTH = 1000;

/** The form behind "Save the agreed plan": the proposed plan to edit; the rep in `private_metadata`. */
export function planModal(rep: string, proposed: string, locale: Locale): ModalView {
  const t = messages(locale);
  const f = t.oneonone.planForm;
  return {
    type: 'modal',
    callback_id: PLAN_CALLBACK,
    private_metadata: JSON.stringify({ rep }),
    title: { type: 'plain_text', text: f.title.slice(0, 24) },
    submit: { type: 'plain_text', text: t.save },
    close: { type: 'plain_text', text: t.cancel },
    blocks: [textInput('plan', f.label, proposed.slice(0, PLAN_MAX_LENGTH), { hint: f.hint, multiline: true, maxLength: PLAN_MAX_LENGTH })],
  };
}

/** The rep's check-in before a 1on1: two optional answers; the meeting day in `private_metadata`. */
export function checkInModal(meetingDay: Day, locale: Locale): ModalView {
  const t = messages(locale);
  const f = t.oneonone.checkInForm;
  return {
    type: 'modal',
    callback_id: CHECK_IN_CALLBACK,
    private_metadata: JSON.stringify({ day: meetingDay }),
    title: { type: 'plain_text', text: f.title.slice(0, 24) },
    submit: { type: 'plain_text', text: t.save },
    close: { type: 'plain_text', text: t.cancel },
    blocks: [
      textInput('wentWell', f.wentWell, '', { optional: true, multiline: true, maxLength: CHECK_IN_MAX_LENGTH }),
      textInput('wantHelp', f.wantHelp, '', { optional: true, multiline: true, maxLength: CHECK_IN_MAX_LENGTH }),
    ],
  };
}
