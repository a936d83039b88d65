import type { ModalView } from '@slack/types';
import { checkboxesInput, option, selectInput, textInput } from './form.js';
import { weekdayName } from '../team.js';
import { formatClock } from '../../domain/team-settings.js';
import { messages, type Locale } from '../../i18n/index.js';
import type { Team } from '../../store/index.js';

export const SETTINGS_CALLBACK = 'kpi_settings';

/** The settings form of a team, filled with its current settings; the team travels in `private_metadata`. */
export function settingsModal(team: Team, locale: Locale): ModalView {
  const t = messages(locale);
  const f = t.settingsForm;
  const s = team.settings;
  const clock = (m: number | null) => (m === null ? 'off' : formatClock(m));
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => option(weekdayName(d, locale), String(d)));
  return {
    type: 'modal',
    callback_id: SETTINGS_CALLBACK,
    private_metadata: JSON.stringify({ team: team.id }),
    title: { type: 'plain_text', text: f.title },
    submit: { type: 'plain_text', text: t.save },
    close: { type: 'plain_text', text: t.cancel },
    blocks: [
      textInput('timezone', f.timezone, s.timezone, { hint: f.timezoneHint }),
      selectInput('language', f.language, [option(t.languageNames.ja, 'ja'), option(t.languageNames.en, 'en')], s.locale),
      textInput('daily', f.daily, clock(s.dailyTime), { hint: f.clockHint }),
      selectInput('weeklyDay', f.weeklyDay, weekdays, String(s.weeklyDay)),
      textInput('weeklyTime', f.weeklyTime, clock(s.weeklyTime), { hint: f.clockHint }),
      checkboxesInput('workdays', f.workdays, weekdays, s.workdays.map(String)),
      selectInput('holidays', f.holidays, [option(t.holidayNames.jp, 'jp'), option(t.holidayNames.none, 'none')], s.holidays),
      textInput('catchup', f.catchup, String(s.catchupHours)),
      selectInput('morningDm', f.morningDm, [option(f.on, 'on'), option(f.off, 'off')], s.morningDm ? 'on' : 'off'),
      selectInput('checkIn', f.checkIn, [option(f.on, 'on'), option(f.off, 'off')], s.checkIn ? 'on' : 'off'),
      textInput('lead', f.lead, s.oneOnOneLeadHours === null ? '' : String(s.oneOnOneLeadHours), { hint: f.leadHint, optional: true }),
      textInput('reminder', f.reminder, clock(s.reminderTime), { hint: f.clockHint }),
      selectInput('paceAlerts', f.paceAlerts, [option(f.on, 'on'), option(f.off, 'off')], s.paceAlerts ? 'on' : 'off'),
      selectInput('monthReview', f.monthReview, [option(f.on, 'on'), option(f.off, 'off')], s.monthReview ? 'on' : 'off'),
      selectInput('kickoff', f.kickoff, [option(f.on, 'on'), option(f.off, 'off')], s.kickoff ? 'on' : 'off'),
    ],
  };
}
