/** Where a store is: a SQLite file's path, or a PostgreSQL URL (`DATABASE_URL`). */

/** Whether a store location names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//iu.test(location);
}

/** `postgres://user:secret@host/db` → `postgres://user@host/db`: what logs and messages may show. A path is shown as it is. */
export function redactLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const u = new URL(location);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
