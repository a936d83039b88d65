import type { Migration } from '../migrations/index.js';
import { sql as schema } from './011_schema.js';
import { sql as clientEngagements } from './012_client_engagements.js';
import { sql as monthlyCycle } from './013_monthly_cycle.js';

/**
 * PostgreSQL's migrations. Versions mean the same schema as SQLite's: this engine starts at 11, the
 * schema SQLite's migrations 1–11 build, in one migration. From then on every schema change is two
 * files with the same number, `migrations/NNN_name.ts` (SQLite) and `pg-migrations/NNN_name.ts`
 * (PostgreSQL), each listed in its own index; `test/store/schema-drift.test.ts` fails when the two
 * engines' tables, columns or versions differ.
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  { version: 11, name: 'the schema of SQLite migrations 1–11', sql: schema },
  { version: 12, name: 'client engagements, the logs that name them, review decisions, agreed metric definitions', sql: clientEngagements },
  { version: 13, name: 'month-end reviews and kickoffs, reverse plans waiting to be applied', sql: monthlyCycle },
];
