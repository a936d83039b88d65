import { formatDateSpec } from './dates.js';
import type { KpiRequest } from './parse.js';
import { escapeSlack } from './tokens.js';

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
    case 'help':
      return request.topic ? `help ${request.topic}` : request.unknownTopic ? `help ${request.unknownTopic}` : 'help';
    case 'log': {
      const parts = ['log', ...request.pairs.map((p) => `${p.metric} ${p.value}`)];
      if (!(request.date.kind === 'daysAgo' && request.date.days === 0)) parts.push(formatDateSpec(request.date));
      if (request.note !== null) parts.push('--', escapeSlack(request.note));
      return parts.join(' ');
    }
  }
}
