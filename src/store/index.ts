export { Store, type StoreOptions } from './store.js';
export { Rejected, type LogInput, type StoredLog, type UndoneLog, type Pair } from './activity.js';
export type { Person, SlackProfile, Role } from './people.js';
export type { HistoryRow, HistoryFilter } from './history.js';
export { SchemaTooNewError } from './migrate.js';
export { sqliteCode } from './connection.js';
