import { commandWord, type CommandName } from './parse.js';
import type { Problem } from './problems.js';
import { bilingualName, formatAmount, formatValue, metricLabel } from '../reports/amounts.js';
import { textMessage } from '../reports/receipts.js';
import type { Message } from '../reports/blocks.js';
import type { MetricDef } from '../domain/metrics.js';
import { SETTING_KEYS } from '../domain/team-settings.js';
import { formatDay, formatList, formatNumber, messages, type Locale } from '../i18n/index.js';

/** The command a problem belongs to, so the answer shows that command's right form. */
function commandOf(problem: Problem): CommandName | null {
  switch (problem.code) {
    case 'unknownCommand':
    case 'textTooLong':
      return null;
    case 'unexpectedWord':
    case 'missingMetric':
    case 'unknownMetricIn':
    case 'badTargetValue':
    case 'badPeriod':
    case 'missingPeople':
    case 'unknownWord':
      return commandWord(problem.command.split(' ')[0]!);
    case 'unknownRole':
      return 'template';
    case 'missingTeamName':
      return 'team';
    case 'unknownSettingKey':
      return 'settings';
    case 'badRate':
      return 'plan';
    case 'badFormula':
      return 'metric';
    case 'nothingToEdit':
      return 'edit';
    case 'missingClientName':
      return 'client';
    case 'decisionTooLong':
      return 'decision';
    default:
      return 'log';
  }
}

function sentence(problem: Problem, locale: Locale): string {
  const p = messages(locale).problems;
  const name = (m: MetricDef) => metricLabel(m, locale);
  switch (problem.code) {
    case 'unknownCommand':
      return p.unknownCommand({ word: problem.word, suggestions: formatList(problem.suggestions.map((s) => `\`${s}\``), locale) });
    case 'emptyLog':
      return p.emptyLog;
    case 'missingValue':
      return p.missingValue({ metric: name(problem.metric) });
    case 'notANumber':
      return p.notANumber({ metric: name(problem.metric), word: problem.word });
    case 'numberWithoutMetric':
      return p.numberWithoutMetric({ word: problem.word });
    case 'negative':
      return p.negative({ word: problem.word });
    case 'notWhole':
      return p.notWhole({ metric: name(problem.metric), value: formatNumber(problem.value, locale) });
    case 'percentOnCount':
      return p.percentOnCount({ metric: name(problem.metric), word: problem.word });
    case 'tooLarge':
      return p.tooLarge({ amount: formatAmount(problem.metric, problem.value, locale), max: formatAmount(problem.metric, problem.max, locale) });
    case 'dayTotalTooLarge':
      return p.dayTotalTooLarge({
        metric: name(problem.metric),
        total: formatAmount(problem.metric, problem.total, locale),
        max: formatAmount(problem.metric, problem.max, locale),
      });
    case 'unknownMetric':
      return p.unknownMetric({ word: problem.word, suggestions: formatList(problem.suggestions.map((m) => bilingualName(m, locale)), locale) });
    case 'derivedMetric': {
      return p.derivedMetric({ metric: name(problem.metric), numerator: problem.numerator.map(name).join(' + '), denominator: name(problem.denominator) });
    }
    case 'retiredMetric':
      return p.retiredMetric({ metric: name(problem.metric) });
    case 'handoffNotAPerson':
      return p.handoffNotAPerson({ word: problem.word });
    case 'badFormula':
      return p.badFormula({ word: problem.word });
    case 'badDate':
      return p.badDate({ word: problem.word });
    case 'twoDates':
      return p.twoDates({ word: problem.word });
    case 'missingClientName':
      return messages(locale).clients.missingName;
    case 'decisionTooLong':
      return messages(locale).clients.decisionTooLong({ max: problem.max });
    case 'twoClients':
      return p.twoClients({ word: problem.word });
    case 'unknownClient':
      return p.unknownClient({ word: problem.word, choices: formatList(problem.choices, locale) });
    case 'whichClient':
      return p.whichClient({ choices: formatList(problem.choices, locale), example: `\`@${problem.choices[0] ?? 'acme'}\`` });
    case 'notInClient':
      return p.notInClient({ client: problem.client });
    case 'nothingToEdit':
      return p.nothingToEdit({ metric: name(problem.metric), when: problem.day === null ? null : formatDay(problem.day, locale), max: problem.maxDaysBack });
    case 'snapshotTwice':
      return p.snapshotTwice({ metric: name(problem.metric), first: formatValue(problem.metric, problem.values[0], locale), second: formatValue(problem.metric, problem.values[1], locale) });
    case 'futureDate':
      return p.futureDate({ day: formatDay(problem.day, locale) });
    case 'tooOld':
      return p.tooOld({ day: formatDay(problem.day, locale), max: problem.maxDaysBack });
    case 'noteTooLong':
      return p.noteTooLong({ max: problem.max });
    case 'textTooLong':
      return p.textTooLong({ max: problem.max });
    case 'unexpectedWord':
      return p.unexpectedWord({ command: problem.command, word: problem.word });
    case 'missingMetric':
      return p.missingMetric;
    case 'unknownMetricIn':
      return p.unknownMetricIn({ word: problem.word, suggestions: formatList(problem.suggestions.map((m) => bilingualName(m, locale)), locale) });
    case 'badTargetValue':
      return p.badTargetValue({ word: problem.word });
    case 'badPeriod':
      return p.badPeriod({ word: problem.word });
    case 'missingPeople':
      return p.missingPeople;
    case 'unknownRole':
      return p.unknownRole({ word: problem.word });
    case 'missingTeamName':
      return p.missingTeamName;
    case 'unknownSettingKey':
      return p.unknownSettingKey({ word: problem.word, keys: SETTING_KEYS.map((k) => `\`${k}\``).join(', ') });
    case 'unknownWord':
      return p.unknownWord({ word: problem.word });
    case 'badRate':
      return p.badRate({ word: problem.word });
  }
}

/**
 * A problem as the person reads it: what was wrong, that nothing was stored, and the right form
 * of the command with an example, in their language.
 */
export function explainProblem(problem: Problem, locale: Locale, during?: 'edit'): Message {
  const t = messages(locale);
  // `/kpi edit` reads its numbers as a log does: its problems are told with its own form.
  const command = during ?? commandOf(problem);
  const stored = command === 'log' ? `${t.separators.sentences}${t.nothingStored}` : command === 'edit' ? `${t.separators.sentences}${t.nothingChanged}` : '';
  const help = command ? t.help[command] : null;
  const form = help ? t.rightForm({ usage: help.usage, example: help.examples[0]! }) : undefined;
  return textMessage(`${sentence(problem, locale)}${stored}`, form);
}

/** Just what was wrong, in one sentence: for the error under a form field. */
export function problemSentence(problem: Problem, locale: Locale): string {
  return sentence(problem, locale);
}
