import { formatDateSpec } from './dates.js';
import type { KpiRequest } from './parse.js';
import { escapeSlack } from './tokens.js';
import type { TargetSubject } from './parse-manage.js';
import type { MetricDef } from '../domain/metrics.js';
import { formatClock } from '../domain/team-settings.js';
import type { MetricDraft } from './parse-metric.js';

/** A metric definition as the words `/kpi metric` reads back. */
function formatMetricDraft(verb: 'add' | 'edit', d: MetricDraft): string {
  const head = d.formula && verb === 'add' ? `metric rate ${d.name} = ${d.formula.numerator.join(' + ')} / ${d.formula.denominator}` : `metric ${verb} ${d.name}`;
  const formula = d.formula && verb === 'edit' ? [`= ${d.formula.numerator.join(' + ')} / ${d.formula.denominator}`] : [];
  const parts = [
    head,
    ...formula,
    ...(d.formula?.at ? [`at ${d.formula.at}`] : []),
    ...(d.unit ? [d.unit === 'score' ? `score ${d.outOf ?? 5}` : d.unit] : []),
    ...(d.kind ? [d.kind] : []),
    ...(d.aliases ? [`aliases ${d.aliases.join(',')}`] : []),
    ...(d.en ? [`en ${d.en}`] : []),
    ...(d.ja ? [`ja ${d.ja}`] : []),
    ...(d.dailyMax !== null ? [`max ${clean(d.dailyMax)}`] : []),
    ...(d.better ? [d.better] : []),
    ...(d.counter ? [`counter ${d.counter}`] : []),
  ];
  return parts.join(' ');
}

/** A number as typed, without float noise: 0.15 × 100 is `15`, not `15.000000000000002`. */
const clean = (n: number): string => String(Number(n.toPrecision(12)));

function formatTargetValue(metric: MetricDef, value: number | null): string {
  if (value === null) return 'off';
  return metric.unit === 'percent' ? `${clean(value * 100)}%` : clean(value);
}

/** A metric word a parser reads back: its key. */
const word = (metric: MetricDef) => metric.key;

function formatSubject(subject: TargetSubject): string {
  return subject.kind === 'users' ? subject.userIds.map((u) => `<@${u}>`).join(' ') : subject.kind;
}

const mentions = (userIds: readonly string[]) => userIds.map((u) => `<@${u}>`);

/**
 * The canonical text of a request, as Slack would send it: what `/kpi` echoes back, and the inverse
 * of `parseCommand` (formatting then parsing gives the same request).
 */
export function formatCommand(request: KpiRequest): string {
  switch (request.kind) {
    case 'overview':
      return '';
    case 'undo':
      return 'undo';
    case 'oneonone':
      return `1on1 <@${request.userId}>`;
    case 'oneononeList':
      return '1on1 schedule';
    case 'oneononeSchedule':
      return `1on1 schedule <@${request.userId}> ${['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][request.weekday - 1]} ${formatClock(request.minutes)} every ${request.everyWeeks} weeks`;
    case 'oneononeUnschedule':
      return `1on1 unschedule <@${request.userId}>`;
    case 'oneononePlan':
      return `1on1 plan <@${request.userId}> ${escapeSlack(request.text)}`;
    case 'export':
      return request.month ? `export ${request.month}` : 'export';
    case 'morningDm':
      return `morning-dm ${request.on ? 'on' : 'off'}`;
    case 'reminder':
      return `reminder ${request.on ? 'on' : 'off'}`;
    case 'daysOff':
      return request.action === 'list' ? 'off' : request.action === 'cancel' ? `off cancel ${request.text}` : `off ${request.text}`;
    case 'help':
      return request.topic ? `help ${request.topic}` : request.unknownTopic ? `help ${request.unknownTopic}` : 'help';
    case 'log':
    case 'edit': {
      const parts = [request.kind, ...request.pairs.map((p) => `${word(p.metric)} ${p.value}${p.handoff ? ` ${p.handoff.direction === 'to' ? '→' : '←'} <@${p.handoff.userId}>` : ''}`)];
      if (request.kind === 'edit' ? request.date !== null : !(request.date.kind === 'daysAgo' && request.date.days === 0)) parts.push(formatDateSpec(request.date!));
      if (request.kind === 'log' && request.client !== undefined) parts.push(request.client.startsWith('<') ? request.client : `@${request.client}`);
      if (request.kind === 'log' && request.note !== null) parts.push('--', escapeSlack(request.note));
      return parts.join(' ');
    }
    case 'status':
      return ['status', ...(request.userId ? [`<@${request.userId}>`] : []), ...(request.period ? [request.period] : [])].join(' ');
    case 'target':
      return `target ${word(request.metric)} ${formatTargetValue(request.metric, request.value)}/${request.period} ${formatSubject(request.subject)}`;
    case 'targetModal':
      return 'target';
    case 'targets':
      return request.userId ? `targets <@${request.userId}>` : 'targets';
    case 'template':
      return ['template', request.role, ...mentions(request.userIds), ...(request.withSecondary ? ['all'] : [])].join(' ');
    case 'teamShow':
      return 'team';
    case 'teamCreate':
      return ['team create', escapeSlack(request.name), ...(request.channelId ? [`<#${request.channelId}>`] : []), ...(request.asManager ? ['as manager'] : [])].join(' ');
    case 'teamAdd':
      return ['team add', ...mentions(request.userIds), ...(request.asManager ? ['as manager'] : [])].join(' ');
    case 'teamRemove':
      return ['team remove', ...mentions(request.userIds)].join(' ');
    case 'settingsModal':
      return 'settings';
    case 'settingsSet':
      return ['settings', request.key, ...request.words].join(' ');
    case 'tree':
      return 'tree';
    case 'treeSet':
      return [`tree set ${word(request.metric)} ${formatTargetValue(request.metric, request.value)}/${request.period}`, ...(request.parent ? [`under ${word(request.parent)}`] : [])].join(' ');
    case 'treeClear':
      return 'tree clear';
    case 'treeExample':
      return request.use ? 'tree example use' : 'tree example';
    case 'metricList':
      return 'metric';
    case 'metricForm':
      return 'metric form';
    case 'metricRetire':
      return `metric ${request.retire ? 'retire' : 'restore'} ${request.name}`;
    case 'metricAdd':
    case 'metricEdit':
      return formatMetricDraft(request.kind === 'metricAdd' ? 'add' : 'edit', request.draft);
    case 'metricDefine':
      return `metric edit ${request.name} definition ${request.text ?? 'none'}`;
    case 'clientList':
      return 'client';
    case 'clientAdd':
      return ['client add', escapeSlack(request.name), ...(request.channelId ? [`<#${request.channelId}>`] : []), ...(request.report ? [request.report] : []), ...(request.locale ? [request.locale] : [])].join(' ');
    case 'clientShow':
      return `client ${request.client}`;
    case 'clientJoin':
      return [`client ${request.client} add`, ...mentions(request.userIds), ...(request.asDefault ? ['default'] : [])].join(' ');
    case 'clientLeave':
      return [`client ${request.client} remove`, ...mentions(request.userIds)].join(' ');
    case 'clientDefault':
      return `client ${request.client} default`;
    case 'clientReport':
      return `client ${request.client} report${request.cadence ? ` ${request.cadence}` : ''}`;
    case 'clientDo':
      return `client ${request.client} ${request.text}`;
    case 'decision':
      return `decision${request.client ? ` @${request.client}` : ''} ${escapeSlack(request.text)}`;
    case 'decisions':
      return `decision${request.client ? ` @${request.client}` : ''}`;
    case 'definitions':
      return `definitions${request.client ? ` @${request.client}` : ''}`;
    case 'plan': {
      const parts = [`plan ${clean(request.revenue)}/${request.period}`];
      if (request.avgDealSize !== null) parts.push(`deal ${clean(request.avgDealSize)}`);
      if (request.winRate !== null) parts.push(`win ${clean(request.winRate * 100)}%`);
      if (request.meetingRate !== null) parts.push(`meeting ${clean(request.meetingRate * 100)}%`);
      if (request.apply) parts.push('apply');
      return parts.join(' ');
    }
    case 'diagnose':
      return request.of.kind === 'team' ? 'diagnose team' : request.of.kind === 'person' ? `diagnose <@${request.of.userId}>` : 'diagnose';
  }
}
