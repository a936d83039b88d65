import { context, header, section, type Message } from './blocks.js';
import { formatDay, formatList, messages, type Locale } from '../i18n/index.js';
import type { DayRange } from '../domain/calendar.js';
import { formatClock, type TeamSettings } from '../domain/team-settings.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { Member, Team } from '../store/index.js';

const mention = (userId: string) => `<@${userId}>`;

const WEEKDAYS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  ja: ['月', '火', '水', '木', '金', '土', '日'],
};

/** `"Mon"` / `"月"` for ISO weekday 1. */
export function weekdayName(isoWeekday: number, locale: Locale): string {
  return WEEKDAYS[locale][isoWeekday - 1] ?? String(isoWeekday);
}

/** Workdays as a range when they run together: `"Mon–Fri"`, `"月〜金"`, else a list. */
export function workdaysText(days: readonly number[], locale: Locale): string {
  const sorted = [...days].sort((a, b) => a - b);
  const contiguous = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (contiguous && sorted.length > 2) {
    return `${weekdayName(sorted[0]!, locale)}${messages(locale).separators.dayRange}${weekdayName(sorted[sorted.length - 1]!, locale)}`;
  }
  return sorted.map((d) => weekdayName(d, locale)).join(messages(locale).separators.names);
}

/** A range of days for a reader: `Tue 29 Dec – Sun 3 Jan`, one day alone when it is one. */
export function formatRange(r: DayRange, locale: Locale): string {
  return r.from === r.to ? formatDay(r.from, locale) : `${formatDay(r.from, locale)}${messages(locale).separators.dateRange}${formatDay(r.to, locale)}`;
}

/** Each setting as a line a person reads. */
export function settingsLines(s: TeamSettings, locale: Locale, catalog: MetricCatalog): string[] {
  const t = messages(locale);
  const l = t.settingsLines;
  const clock = (m: number | null) => (m === null ? t.off : formatClock(m));
  return [
    l.timezone({ value: s.timezone }),
    l.language({ value: t.languageNames[s.locale] }),
    l.daily({ value: clock(s.dailyTime) }),
    l.weekly({ day: weekdayName(s.weeklyDay, locale), value: clock(s.weeklyTime) }),
    l.workdays({ value: workdaysText(s.workdays, locale) }),
    l.holidays({ value: t.holidayNames[s.holidays] }),
    l.catchup({ hours: s.catchupHours }),
    l.morningDm({ on: s.morningDm }),
    l.oneOnOneLead({ value: s.oneOnOneLeadHours === null ? t.leadDefault : `${s.oneOnOneLeadHours} h` }),
    l.checkIn({ on: s.checkIn }),
    l.funnel({ value: s.funnel.map((k) => catalog.get(k)?.label[locale] ?? k).join(' → ') }),
    l.closures({ value: s.closures.length ? s.closures.map((r) => formatRange(r, locale)).join(t.separators.names) : t.people.none }),
    l.reminder({ value: clock(s.reminderTime) }),
    l.paceAlerts({ on: s.paceAlerts }),
    l.monthReview({ on: s.monthReview }),
    l.kickoff({ on: s.kickoff }),
  ];
}

/** `/kpi team`: who is in it, where its digests go, how it is set up. */
export function renderTeam(team: Team, members: readonly Member[], locale: Locale, catalog: MetricCatalog): Message {
  const t = messages(locale);
  const managers = members.filter((m) => m.role === 'manager').map((m) => mention(m.userId));
  const reps = members.filter((m) => m.role !== 'manager').map((m) => mention(m.userId));
  const who = [
    team.channelId ? t.teamChannel({ channel: `<#${team.channelId}>` }) : t.teamNoChannel,
    ...(managers.length ? [t.teamManagers({ people: formatList(managers, locale) })] : []),
    reps.length ? t.teamMembers({ count: reps.length, people: formatList(reps, locale) }) : t.teamNoMembers,
  ].join('\n');
  const settings = settingsLines(team.settings, locale, catalog).join('\n');
  return {
    text: [t.teamTitle({ team: team.name }), who, settings].join('\n'),
    blocks: [header(t.teamTitle({ team: team.name })), section(who), section(`*${t.settingsTitle({ team: team.name })}*\n${settings}`), context(t.teamHint)],
  };
}
