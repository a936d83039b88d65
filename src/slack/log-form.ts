import type { CommandContext } from '../commands/context.js';
import { isNegativeAmount, parseAmount } from '../commands/amounts.js';
import { resolveDay } from '../commands/dates.js';
import { problemSentence } from '../commands/explain.js';
import { dateProblem, storeLog } from '../commands/log.js';
import { checkPair, type LogPair, type LogRequest } from '../commands/parse-log.js';
import { fail, type Problem, type Result } from '../commands/problems.js';
import { MAX_NOTE_LENGTH } from '../commands/tokens.js';
import { dayInZone, parseDay, type Day } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';
import { messages, type Locale } from '../i18n/index.js';
import type { Message } from '../reports/blocks.js';
import { renderLogReceipt } from '../reports/receipts.js';
import { choiceOf, textOf, type FormValues } from '../reports/views/form.js';
import { amountBlock, CLIENT_BLOCK, DAY_BLOCK, LOG_FORM_PAIRS, metricBlock, NOTE_BLOCK } from '../reports/views/log-modal.js';

export type LogFormReading =
  | { readonly ok: true; readonly request: LogRequest; readonly text: string }
  | { readonly ok: false; readonly errors: Record<string, string> };

/** One pair's number read for its metric, as `/kpi log` reads it. */
function readPair(metric: MetricDef, word: string, catalog: MetricCatalog): Result<LogPair> {
  const amount = parseAmount(word);
  if (!amount) return fail(isNegativeAmount(word) ? { code: 'negative', metric, word } : { code: 'notANumber', metric, word });
  return checkPair(metric, amount, word, catalog);
}

/**
 * Reads the log form the way `/kpi log` reads its words, field by field: every problem is reported
 * under its own field (by block ID), and only a form without any becomes a request.
 */
export function readLogForm(values: FormValues, today: Day, locale: Locale, catalog: MetricCatalog): LogFormReading {
  const f = messages(locale).logForm;
  const errors: Record<string, string> = {};
  const pairs: LogPair[] = [];
  for (let n = 1; n <= LOG_FORM_PAIRS; n += 1) {
    const metricWord = choiceOf(values, metricBlock(n)) ?? '';
    const word = textOf(values, amountBlock(n)).normalize('NFKC');
    if (!metricWord && !word) {
      if (n === 1) {
        errors[metricBlock(n)] = f.needMetric;
        errors[amountBlock(n)] = f.needAmount;
      }
      continue;
    }
    const metric = metricWord ? catalog.resolve(metricWord) : null;
    if (metricWord && !metric) {
      errors[metricBlock(n)] = problemSentence({ code: 'unknownMetric', word: metricWord, suggestions: catalog.suggest(metricWord) }, locale);
      continue;
    }
    if (!metric) {
      errors[metricBlock(n)] = f.needMetric;
      continue;
    }
    if (!word) {
      errors[amountBlock(n)] = f.needAmount;
      continue;
    }
    const read = readPair(metric, word, catalog);
    if (read.ok) pairs.push(read.value);
    else errors[read.problem.code === 'derivedMetric' ? metricBlock(n) : amountBlock(n)] = problemSentence(read.problem, locale);
  }

  const picked = choiceOf(values, DAY_BLOCK);
  const d = picked === null ? today : parseDay(picked);
  let day: Day | null = null;
  if (!d) {
    errors[DAY_BLOCK] = problemSentence({ code: 'badDate', word: picked ?? '' }, locale);
  } else {
    const spec = { kind: 'day', day: d } as const;
    const resolved = resolveDay(spec, today);
    if (resolved.ok) day = resolved.day;
    else errors[DAY_BLOCK] = problemSentence(dateProblem(resolved, spec), locale);
  }

  const note = textOf(values, NOTE_BLOCK);
  if (note.length > MAX_NOTE_LENGTH) errors[NOTE_BLOCK] = problemSentence({ code: 'noteTooLong', max: MAX_NOTE_LENGTH }, locale);

  if (Object.keys(errors).length > 0 || day === null) return { ok: false, errors };
  const client = choiceOf(values, CLIENT_BLOCK);
  const request: LogRequest = { kind: 'log', pairs, date: { kind: 'day', day }, note: note || null, ...(client ? { client } : {}) };
  // What the audit history keeps: the log as it would have been typed.
  const text = `${pairs.map((p) => `${p.metric.key} ${p.value}`).join(' ')} ${day}${note ? ` -- ${note}` : ''}`;
  return { ok: true, request, text };
}

/** The field a problem found only when storing belongs under. */
function blockOf(problem: Problem, values: FormValues): string {
  // The client field is there only for someone on several engagements when the form opened.
  if ((problem.code === 'whichClient' || problem.code === 'unknownClient' || problem.code === 'notInClient') && CLIENT_BLOCK in values) return CLIENT_BLOCK;
  return problem.code === 'futureDate' || problem.code === 'tooOld' || problem.code === 'badDate' ? DAY_BLOCK : amountBlock(1);
}

export type LogFormOutcome = { readonly ok: true; readonly receipt: Message } | { readonly ok: false; readonly errors: Record<string, string> };

/**
 * The log form's submission, stored on the same path as `/kpi log`. `ctx.requestKey` should name
 * the view, so a view submitted twice is stored once.
 */
export async function submitLogForm(ctx: CommandContext, values: FormValues): Promise<LogFormOutcome> {
  const locale = ctx.caller.locale;
  const today = dayInZone(ctx.clock(), ctx.caller.zone);
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  const read = readLogForm(values, today, locale, catalog);
  if (!read.ok) return read;
  const outcome = await storeLog(ctx, read.request, read.text, 'modal');
  if (!outcome.ok) return { ok: false, errors: { [blockOf(outcome.problem, values)]: problemSentence(outcome.problem, locale) } };
  const { stored } = outcome;
  return {
    ok: true,
    receipt: renderLogReceipt({
      catalog,
      locale,
      userId: ctx.caller.userId,
      day: stored.day,
      today: outcome.today,
      pairs: stored.pairs,
      dayTotals: stored.dayTotals,
      note: stored.note,
      duplicate: stored.duplicate,
    }),
  };
}
