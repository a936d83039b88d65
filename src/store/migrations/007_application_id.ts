/**
 * Marks the file as the KPI bot's in SQLite's header (`application_id`, "KPIR"), so a file of
 * another application is told apart at open before anything is written to it (see ownership.ts).
 */
export const APPLICATION_ID = 0x4b504952;

export const sql = `PRAGMA application_id = ${APPLICATION_ID};`;
