import { actions, button, context, section, type Message } from './blocks.js';
import { paragraph, say, type Sentence, type Written } from './digest/sentences.js';
import { OPEN_LOG_ACTION } from './views/home.js';
import type { Day } from '../domain/days.js';
import { formatDay, messages, pick, type Locale } from '../i18n/index.js';

/** The evening reminder to one person who has logged nothing on a workday. */
export interface ReminderModel {
  readonly userId: string;
  readonly day: Day;
  /** Their run of workdays with a log up to the one before `day` (their own calendar). */
  readonly streak: number;
}

/** The reminder: never public, a gentle sentence, how to log, a button, and how to stop them. */
export function renderReminder(m: ReminderModel, locale: Locale): Message & Written {
  const t = messages(locale).people;
  const sentences: Sentence[] = [
    say('info', pick(t.reminder, `${m.day}:reminder:${m.userId}`, { day: formatDay(m.day, locale), streak: m.streak }), m.userId),
    say('suggestion', t.reminderHow, m.userId),
  ];
  const text = paragraph(sentences, locale);
  return {
    text,
    blocks: [section(text), actions(button(t.reminderButton, OPEN_LOG_ACTION, undefined, 'primary')), context(t.reminderFooter)],
    sentences,
  };
}
