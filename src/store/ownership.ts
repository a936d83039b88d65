import type { Queryable } from './sql.js';
import { APPLICATION_ID } from './migrations/007_application_id.js';

/** The file holds another application's data: the bot neither migrates it nor writes to it. */
export class ForeignDatabaseError extends Error {
  constructor(
    /** Its tables, for the person to recognise whose file it is. */
    readonly tables: readonly string[],
    readonly applicationId: number,
  ) {
    super(`the file belongs to another application (${tables.length > 0 ? `tables: ${tables.join(', ')}` : `application_id ${applicationId}`})`);
  }
}

/** Tables shown in the refusal before the rest are counted. */
const SHOWN_TABLES = 5;

/**
 * Refuses a file that is not ours, reading only. Ours: marked with our `application_id`
 * (migration 6), or empty (a new file, or one whose first migration never committed), or, from
 * before the mark, holding our `schema_migrations` with the initial migration; migration 6 marks it.
 */
export async function assertOurs(db: Queryable): Promise<void> {
  const id = (await db.get<{ application_id: number }>('PRAGMA application_id'))?.application_id ?? 0;
  if (id === APPLICATION_ID) return;
  const tables = (
    await db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
  ).map((t) => t.name);
  const shown = tables.length > SHOWN_TABLES ? [...tables.slice(0, SHOWN_TABLES), `${tables.length - SHOWN_TABLES} more`] : tables;
  if (id !== 0) throw new ForeignDatabaseError(shown, id);
  if (tables.length === 0) return;
  if (tables.includes('schema_migrations') && (await ourMigrationLog(db, tables.length === 1))) return;
  throw new ForeignDatabaseError(shown, id);
}

/**
 * Whether `schema_migrations` is ours: it records our first migration, or, when it is the only
 * table, nothing yet (another tool's table of that name has other columns).
 */
async function ourMigrationLog(db: Queryable, alone: boolean): Promise<boolean> {
  try {
    const first = await db.get<{ version: number; name: string; applied_at: string }>('SELECT version, name, applied_at FROM schema_migrations ORDER BY version LIMIT 1');
    return first === undefined ? alone : first.version === 1 && first.name === 'initial';
  } catch {
    return false;
  }
}
