import { check, managedTeam, standingOf } from './authority.js';
import type { CommandContext } from './context.js';
import { explainRange } from './days-off.js';
import { channelMention } from './tokens.js';
import { dayInZone } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import { parseSetting, type SettingKey, type SettingProblem, type TeamSettings } from '../domain/team-settings.js';
import { messages, type Locale } from '../i18n/index.js';
import type { Message } from '../reports/blocks.js';
import { textMessage } from '../reports/receipts.js';
import { settingsLines } from '../reports/team.js';
import { choiceOf, choicesOf, textOf, type FormValues } from '../reports/views/form.js';
import { settingsModal } from '../reports/views/settings-modal.js';

/** A setting problem in the reader's words. */
export function explainSetting(problem: SettingProblem, locale: Locale): string {
  const p = messages(locale).settingProblems;
  switch (problem.code) {
    case 'unknownKey':
      return messages(locale).problems.unknownSettingKey({ word: problem.word, keys: '' });
    case 'missingValue':
      return p.missingValue({ key: problem.key });
    case 'badHours':
      return p.badHours({ word: problem.word, max: problem.max, orDefault: problem.orDefault });
    case 'funnelTooShort':
      return p.funnelTooShort;
    case 'badClosure':
      return explainRange(problem.problem, locale);
    case 'tooManyClosures':
      return messages(locale).people.tooManyClosures({ max: problem.max });
    default:
      return p[problem.code]({ word: problem.word });
  }
}

/** The lines of the settings that a change touched, as they now read. */
function changedLines(before: TeamSettings, after: TeamSettings, locale: Locale, catalog: MetricCatalog): string[] {
  const a = settingsLines(before, locale, catalog);
  return settingsLines(after, locale, catalog).filter((line, i) => line !== a[i]);
}

const teamToChange = (ctx: CommandContext) => managedTeam(ctx, 'changeSettings');

/** `/kpi settings <key> <value…>`: validated, saved, and said back as it now reads. */
export async function changeSetting(ctx: CommandContext, key: SettingKey, words: readonly string[]): Promise<Message> {
  const found = await teamToChange(ctx);
  if ('refused' in found) return found.refused;
  const { team } = found;
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  const context = { today: dayInZone(ctx.clock(), team.settings.timezone), current: team.settings };
  const parsed = parseSetting(key, key === 'channel' ? words.map((w) => channelMention(w) ?? w) : words, catalog, context);
  if (!parsed.ok) {
    const help = messages(ctx.caller.locale).help.settings;
    return textMessage(explainSetting(parsed.problem, ctx.caller.locale), messages(ctx.caller.locale).rightForm({ usage: help.usage, example: help.examples[0]! }));
  }
  const t = messages(ctx.caller.locale);
  const updated = await ctx.store.teams.updateSettings(team, parsed.patch, parsed.channelId);
  if (parsed.channelId) return textMessage(t.settingsUpdated({ team: team.name, what: t.settingsLines.channel({ value: `<#${parsed.channelId}>` }) }));
  const what = changedLines(team.settings, updated.settings, ctx.caller.locale, catalog);
  return textMessage(t.settingsUpdated({ team: team.name, what: what.length ? what.join(t.separators.changes) : settingsLines(updated.settings, ctx.caller.locale, catalog)[0]! }));
}

/** `/kpi settings`: opens the settings form for the team; nothing to say in the channel. */
export async function openSettingsForm(ctx: CommandContext): Promise<Message | null> {
  const found = await teamToChange(ctx);
  if ('refused' in found) return found.refused;
  if (!ctx.triggerId) return textMessage(settingsLines(found.team.settings, ctx.caller.locale, await ctx.store.metrics.catalog(ctx.caller.teamId)).join('\n'));
  await ctx.chat.openView(ctx.triggerId, settingsModal(found.team, ctx.caller.locale));
  return null;
}

/** What the settings form sends back, field by field, as the words `/kpi settings` would take. */
const FORM_FIELDS: readonly { block: string; key: SettingKey; words: (v: FormValues) => string[] | null }[] = [
  { block: 'timezone', key: 'timezone', words: (v) => [textOf(v, 'timezone')] },
  { block: 'language', key: 'language', words: (v) => [choiceOf(v, 'language') ?? ''] },
  { block: 'daily', key: 'daily', words: (v) => [textOf(v, 'daily')] },
  { block: 'weeklyDay', key: 'weekly', words: (v) => [WEEKDAY_KEYS[Number(choiceOf(v, 'weeklyDay')) - 1] ?? ''] },
  { block: 'weeklyTime', key: 'weekly', words: (v) => [textOf(v, 'weeklyTime')] },
  { block: 'workdays', key: 'workdays', words: (v) => [choicesOf(v, 'workdays').map((d) => WEEKDAY_KEYS[Number(d) - 1]).join(',')] },
  { block: 'holidays', key: 'holidays', words: (v) => [choiceOf(v, 'holidays') ?? ''] },
  { block: 'catchup', key: 'catchup', words: (v) => [textOf(v, 'catchup')] },
  { block: 'morningDm', key: 'morning-dm', words: (v) => [choiceOf(v, 'morningDm') ?? ''] },
  { block: 'checkIn', key: '1on1-checkin', words: (v) => [choiceOf(v, 'checkIn') ?? ''] },
  { block: 'reminder', key: 'reminder', words: (v) => [textOf(v, 'reminder') || 'off'] },
  { block: 'paceAlerts', key: 'pace-alerts', words: (v) => [choiceOf(v, 'paceAlerts') ?? ''] },
  { block: 'monthReview', key: 'month-review', words: (v) => [choiceOf(v, 'monthReview') ?? ''] },
  { block: 'kickoff', key: 'kickoff', words: (v) => [choiceOf(v, 'kickoff') ?? ''] },
  { block: 'lead', key: '1on1-lead', words: (v) => (textOf(v, 'lead') ? [textOf(v, 'lead')] : null) },
];

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export type FormOutcome = { readonly ok: true } | { readonly ok: false; readonly errors: Record<string, string> } | { readonly ok: false; readonly refused: Message };

/**
 * The settings form's submission: every field is checked on its own and every problem is reported
 * next to its field; only a form with none is saved.
 */
export async function submitSettingsForm(ctx: CommandContext, teamId: number, values: FormValues): Promise<FormOutcome> {
  const standing = await standingOf(ctx);
  // The team comes from the form's metadata: one of another workspace is no team of the caller's
  // (an admin's rights hold in their own workspace only).
  const found = await ctx.store.teams.byId(teamId);
  const team = found?.workspace === ctx.caller.teamId ? found : null;
  if (!team) return { ok: false, refused: textMessage(messages(ctx.caller.locale).noTeam) };
  const refused = await check(ctx, standing, 'changeSettings', team);
  if (refused) return { ok: false, refused };
  const errors: Record<string, string> = {};
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  let patch: Partial<TeamSettings> = {};
  for (const field of FORM_FIELDS) {
    const words = field.words(values);
    if (words === null) {
      if (field.key === '1on1-lead') patch = { ...patch, oneOnOneLeadHours: null };
      continue;
    }
    const parsed = parseSetting(field.key, words.filter((w) => w !== ''), catalog, { today: dayInZone(ctx.clock(), team.settings.timezone), current: team.settings });
    if (parsed.ok) patch = { ...patch, ...parsed.patch };
    else errors[field.block] = explainSetting(parsed.problem, ctx.caller.locale);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await ctx.store.teams.updateSettings(team, patch);
  return { ok: true };
}
