import { sql as initial } from './001_initial.js';
import { sql as teamsTargets } from './002_teams_targets.js';
import { sql as deliveries } from './003_deliveries.js';
import { sql as oneonones } from './004_oneonones.js';
import { sql as totalsTriggers } from './005_totals_triggers.js';
import { sql as metricDefinitions } from './006_metric_definitions.js';
import { sql as applicationId } from './007_application_id.js';
import { sql as planRequests } from './008_plan_requests.js';
import { sql as importContent } from './009_import_content.js';
import { sql as peopleAndDaysOff } from './010_people_and_days_off.js';
import { sql as editAudit } from './011_edit_audit.js';
import { sql as clientEngagements } from './012_client_engagements.js';
import { sql as monthlyCycle } from './013_monthly_cycle.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * SQLite's migrations: numbered, applied in order at start, one transaction each, never edited once
 * released. A schema change is two files with the same number: this folder's `NNN_name.ts` and
 * PostgreSQL's `../pg-migrations/NNN_name.ts`, each listed in its own index (README, Development);
 * test/store/schema-drift.test.ts fails until both agree.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'teams and targets', sql: teamsTargets },
  { version: 3, name: 'deliveries and personal bests', sql: deliveries },
  { version: 4, name: '1on1 schedules, action plans and check-ins', sql: oneonones },
  { version: 5, name: 'daily totals and personal bests kept by triggers', sql: totalsTriggers },
  { version: 6, name: 'metric definitions per workspace, team funnels, handoffs', sql: metricDefinitions },
  { version: 7, name: 'the file marked as the KPI bot’s (application_id)', sql: applicationId },
  { version: 8, name: 'action plans keyed by the request that saved them', sql: planRequests },
  { version: 9, name: 'imports remember a digest of their rows', sql: importContent },
  { version: 10, name: 'days off, closures, evening reminders, pace alerts, joining times, 1on1 recipients', sql: peopleAndDaysOff },
  { version: 11, name: 'corrections by /kpi edit, kept like undos', sql: editAudit },
  { version: 12, name: 'client engagements, the logs that name them, review decisions, agreed metric definitions', sql: clientEngagements },
  { version: 13, name: 'month-end reviews and kickoffs, reverse plans waiting to be applied', sql: monthlyCycle },
];
