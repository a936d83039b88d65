export { Store, type StoreOptions } from './store.js';
export { Rejected, type LogInput, type StoredLog, type UndoneLog, type Pair } from './activity.js';
export type { Person, SlackProfile, Role } from './people.js';
export type { HistoryRow, HistoryFilter } from './history.js';
export { SchemaTooNewError } from './migrate.js';
export { sqliteCode } from './connection.js';
export type { Team, Member, MembershipChange } from './teams.js';
export type { Target, TargetChange, TargetScope } from './targets.js';
export type { TreeNodeRow } from './kpi-tree.js';
