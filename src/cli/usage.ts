/** What each `kpi-bot` command takes and does: the general usage, and `kpi-bot <command> --help`. */
interface CommandHelp {
  readonly usage: string;
  readonly lines: readonly string[];
}

export const CLI_COMMANDS: Readonly<Record<string, CommandHelp>> = {
  start: { usage: 'start', lines: ['run the bot (what `npm start` runs)'] },
  migrate: { usage: 'migrate', lines: ['apply pending database migrations and exit'] },
  check: { usage: 'check', lines: ['check the database file for damage (SQLite’s quick_check) and exit'] },
  'migrate-to-postgres': {
    usage: 'migrate-to-postgres [--replace]',
    lines: [
      'move the SQLite file (KPI_DB_PATH) into the PostgreSQL database (DATABASE_URL):',
      'table by table in one transaction, each table’s count checked, a summary at the end;',
      'a database that holds data is refused unless --replace (which empties it first)',
    ],
  },
  export: {
    usage: 'export [--user U…] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--workspace T…]',
    lines: [
      'print history as CSV: date,user_id,metric,value,note,logged_at,handoff,client',
      '(handoff is to:U… or from:U… for a meeting handed on or a deal credited back; client, the engagement a log counted for; undone logs are left out)',
    ],
  },
  import: {
    usage: 'import FILE.csv [--workspace T… [--create]]',
    lines: [
      'load history from CSV (date,user_id,metric,value[,note[,logged_at[,handoff[,client]]]]),',
      'UTF-8 or Shift-JIS, every row or none; the same rows twice are refused;',
      '--create starts a workspace the database does not hold yet',
    ],
  },
  digest: {
    usage: 'digest <daily|weekly> [--team NAME|ID] [--at ISO-8601] [--dry-run] [--format text|json] [--force]',
    lines: [
      'build the digest as of --at and post it, claimed like the scheduler',
      'does (--dry-run prints it instead; a future --at needs --dry-run);',
      'exits 1 when a delivery failed or waits for its retry',
    ],
  },
  oneonone: {
    usage: 'oneonone --rep USER [--at ISO-8601] [--dry-run] [--format text|json] [--workspace T…]',
    lines: ['the 1on1 prep for one rep, DM’d to their manager (or printed)'],
  },
  demo: {
    usage: 'demo [--lang en|ja] [--at ISO-8601] [--charts DIR]',
    lines: [
      'a sample team with two months of history in a temporary database:',
      'prints the morning’s digest, a DM, the weekly review, the month’s review and kickoff and a 1on1 prep as of --at (default now), no Slack;',
      '--charts writes the weekly review’s, the 1on1 prep’s and App Home’s charts there as PNGs',
    ],
  },
  help: { usage: 'help [COMMAND]', lines: ['this text, or one command’s (also `kpi-bot COMMAND --help`)'] },
};

const COLUMN = 40;

function entry(name: string): string {
  const { usage, lines } = CLI_COMMANDS[name]!;
  const head = `  ${usage}`;
  const [first, ...more] = lines;
  const pad = ' '.repeat(COLUMN);
  if (head.length < COLUMN) return [`${head.padEnd(COLUMN)}${first}`, ...more.map((l) => `${pad}${l}`)].join('\n');
  return [head, ...lines.map((l) => `${pad}${l}`)].join('\n');
}

/** `kpi-bot help`: every command. */
export const USAGE = `Usage: kpi-bot <command> [options]

Commands:
${Object.keys(CLI_COMMANDS).map(entry).join('\n')}

Configuration comes from the environment or .env (see .env.example).`;

/** `kpi-bot export --help`: that command alone. */
export function commandUsage(name: string): string {
  return `Usage: kpi-bot ${CLI_COMMANDS[name]!.usage}\n\n${CLI_COMMANDS[name]!.lines.join('\n')}\n\nConfiguration comes from the environment or .env (see .env.example); \`kpi-bot help\` lists every command.`;
}

export const isCliCommand = (name: string | undefined): name is string => name !== undefined && Object.hasOwn(CLI_COMMANDS, name);
