import { runCheck } from './check.js';
import { args, CommandFailure, pickWorkspace, UsageError, withStore, type CliIo } from './common.js';
import { buildSlot, digestSummary, offDayReason, printPayloads, sendSlot, type DeliveryLine } from './digest.js';
import { commandExport, commandImport } from './history-commands.js';
import { commandMigrateToPostgres } from './migrate-to-postgres.js';
import { storeFailureLine } from './store-failures.js';
import { prepFor, printPrep, sendPrep } from './oneonone.js';
import { commandUsage, isCliCommand, USAGE } from './usage.js';
import { systemClock } from '../clock.js';
import { ConfigError, loadConfig, storeLocation, type Config } from '../config.js';
import { isLocale } from '../domain/locale.js';
import { createLogger } from '../log.js';
import type { Outgoing } from '../scheduler/plans.js';
import type { ChatPort } from '../scheduler/chat-port.js';

export type { CliIo } from './common.js';

const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'not_allowed_token_type']);

/**
 * One line saying why the bot could not start and what to do; `unreachable` is why Slack could not
 * be reached, if that was it; `socketMode` when the failure came from opening Socket Mode (the app-level token's call).
 */
function startFailure(error: unknown, config: Config, unreachable: string | null, socketMode: boolean): string {
  const e = error as { code?: string; data?: { error?: string }; message?: string };
  if (e.code === 'EADDRINUSE') return `PORT ${config.port} is already in use: stop the other program or set PORT to a free port.`;
  if (e.code === 'EACCES') return `cannot listen on PORT ${config.port} (permission denied): choose a port above 1024.`;
  const slackError = e.data?.error ?? /An API error occurred: (\w+)/u.exec(e.message ?? '')?.[1];
  if (slackError && REFUSED_TOKEN.has(slackError)) {
    return socketMode
      ? `Slack refused SLACK_APP_TOKEN (${slackError}): generate an app-level token (xapp-…) with the connections:write scope on your app's Basic Information page, or leave SLACK_APP_TOKEN unset for HTTP mode.`
      : `Slack refused SLACK_BOT_TOKEN (${slackError}): copy the Bot User OAuth Token (xoxb-…) from your app's OAuth & Permissions page.`;
  }
  if (unreachable !== null) {
    return `could not reach Slack's Web API at ${config.slack.apiUrl ?? 'https://slack.com/api/'} (${unreachable}): check the network or proxy, or SLACK_API_URL.`;
  }
  if (socketMode) return `could not open Socket Mode: ${e.message ?? String(error)}`;
  const store = storeFailureLine(error, storeLocation(config));
  if (store !== null) return store;
  return `could not start: ${e.message ?? String(error)}`;
}

async function commandStart(io: CliIo): Promise<number> {
  const config = loadConfig(io.env, { needsSlack: true });
  const logger = createLogger(config.logLevel);
  // Bolt and the scheduler load only for the commands that run the bot or talk to Slack.
  const [{ startBot }, { unreachableSlackCause }, { SocketModeStartError }] = await Promise.all([import('../main.js'), import('../slack/client.js'), import('../slack/app.js')]);
  let bot;
  try {
    bot = await startBot({ config, logger, clock: io.clock ?? systemClock });
  } catch (error) {
    const cause = error instanceof SocketModeStartError ? error.cause : error;
    throw new ConfigError(startFailure(cause, config, unreachableSlackCause(cause), error instanceof SocketModeStartError));
  }
  const database = bot.store.dialect === 'postgres' ? `PostgreSQL ${bot.store.path}` : bot.store.path;
  logger.info(
    bot.mode === 'http'
      ? `KPI bot running in HTTP mode on port ${bot.port}: Slack posts to /slack/events; health at /healthz. Database: ${database}`
      : `KPI bot running in Socket Mode; health at http://localhost:${bot.port}/healthz. Database: ${database}`,
  );
  const signal = await (io.stopSignal ?? new Promise<string>(() => undefined));
  logger.info(`${signal} received: finishing queued writes and stopping.`);
  await bot.stop();
  return 0;
}

async function commandMigrate(io: CliIo): Promise<number> {
  const config = loadConfig(io.env, { needsSlack: false });
  const { version, where } = await withStore(config, async (store) => ({ version: await store.schemaVersion(), where: store.path }), { check: true });
  io.stdout(`Database ${where} is at schema version ${version}.\n`);
  return 0;
}

function instantOption(value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u.test(value) || Number.isNaN(at.getTime())) {
    throw new UsageError(`--at must be an ISO-8601 time such as 2026-11-24T09:05:00+09:00 (got “${value}”)`);
  }
  return at;
}

async function commandDemo(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = args(argv, { lang: { type: 'string' }, at: { type: 'string' }, charts: { type: 'string' } } as const);
  if (positionals.length > 0) throw new UsageError(`demo takes no arguments besides --lang, --at and --charts (got “${positionals[0]}”)`);
  const config = loadConfig(io.env, { needsSlack: false });
  const lang = values.lang ?? config.locale;
  if (!isLocale(lang)) throw new UsageError(`--lang must be en or ja (got “${lang}”)`);
  // The demo lives in a temporary database: any moment may be shown, past or ahead.
  const at = instantOption(values.at, (io.clock ?? systemClock)());
  const { runDemo } = await import('./demo.js');
  await runDemo({ locale: lang, zone: config.timezone, now: at, write: io.stdout, ...(values.charts ? { chartsDir: values.charts } : {}) });
  return 0;
}

/** The options `digest` and `oneonone` share: `--format`, `--dry-run` (no Slack variables needed) and `--at`. */
function outputOptions(values: { format?: string; 'dry-run'?: boolean; at?: string }, io: CliIo): { format: 'text' | 'json'; dryRun: boolean; config: Config; at: Date } {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got “${format}”)`);
  const dryRun = values['dry-run'] === true;
  return { format, dryRun, config: loadConfig(io.env, { needsSlack: !dryRun }), at: instantOption(values.at, (io.clock ?? systemClock)()) };
}

/** The Web API client, loaded only by the commands that send. */
async function slackClientFor(config: Config, logger: ReturnType<typeof createLogger>): Promise<ChatPort> {
  const { SlackClient } = await import('../slack/client.js');
  return new SlackClient({ token: config.slack.botToken!, apiUrl: config.slack.apiUrl, logger });
}

async function commandOneOnOne(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = args(argv, {
    rep: { type: 'string' },
    at: { type: 'string' },
    'dry-run': { type: 'boolean' },
    format: { type: 'string' },
    workspace: { type: 'string' },
  } as const);
  if (positionals.length > 0) throw new UsageError(`oneonone takes options only (got “${positionals[0]}”)`);
  if (!values.rep || !/^[UW][A-Z0-9]+$/u.test(values.rep)) throw new UsageError('oneonone needs --rep with a Slack user ID, such as --rep U012AB3CD');
  const { format, dryRun, config, at } = outputOptions(values, io);
  return withStore(config, async (store) => {
    const workspace = await pickWorkspace(store, values.workspace);
    if (!(await store.people.get(workspace, values.rep!))) {
      io.stderr(`kpi-bot: ${values.rep} has no history in workspace ${workspace}.\n`);
      return 1;
    }
    const prep = await prepFor(store, { workspace, rep: values.rep!, at, defaultLocale: config.locale, defaultZone: config.timezone });
    if (dryRun) {
      io.stdout(printPrep(prep.manager, prep.message, format));
      return 0;
    }
    if (!prep.manager) {
      io.stderr(`kpi-bot: ${values.rep} has no manager to send the prep to (no 1on1 schedule, no manager in their team).\n`);
      return 1;
    }
    const chat = await slackClientFor(config, createLogger(config.logLevel));
    io.stdout(`${await sendPrep(chat, workspace, prep.manager, prep.message)}\n`);
    return 0;
  });
}

async function commandDigest(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = args(argv, {
    team: { type: 'string' },
    at: { type: 'string' },
    'dry-run': { type: 'boolean' },
    format: { type: 'string' },
    force: { type: 'boolean' },
  } as const);
  const kind = positionals[0];
  if ((kind !== 'daily' && kind !== 'weekly') || positionals.length > 1) throw new UsageError('digest takes daily or weekly: kpi-bot digest daily [--dry-run]');
  const { format, dryRun, config, at } = outputOptions(values, io);
  const now = (io.clock ?? systemClock)();
  if (!dryRun && at.getTime() > now.getTime()) {
    throw new UsageError(
      `--at ${values.at} is in the future (it is now ${now.toISOString()}): a digest is posted only once its time has come, so that it does not take the place of the real one; add --dry-run to preview it`,
    );
  }
  const force = values.force === true;
  const run = { kind, at, defaultLocale: config.locale, defaultZone: config.timezone } as const;
  return withStore(config, async (store) => {
    // A client engagement has no digest or review of its own: its report goes on its own schedule.
    const all = (await store.teams.all()).filter((t) => !t.engagement);
    const teams = values.team ? all.filter((t) => String(t.id) === values.team || t.name.toLowerCase() === values.team!.toLowerCase()) : all;
    if (teams.length === 0) {
      io.stderr(values.team ? `kpi-bot: no team “${values.team}” (teams: ${all.map((t) => t.name).join(', ') || 'none'}).\n` : 'kpi-bot: there is no team yet; create one in Slack with /kpi team create.\n');
      return 1;
    }
    const logger = createLogger(config.logLevel);
    const chat = dryRun ? null : await slackClientFor(config, logger);
    const printed: Outgoing[] = [];
    const lines: DeliveryLine[] = [];
    for (const team of teams) {
      const off = offDayReason(team, run);
      if (off && !force) {
        io.stderr(`${off}: nothing sent. Use --force to build it anyway.\n`);
        continue;
      }
      if (dryRun) printed.push(...(await buildSlot(store, team, run)));
      else {
        for (const line of await sendSlot(store, chat!, logger, team, run)) {
          io.stdout(`${line.text}\n`);
          lines.push(line);
        }
      }
    }
    if (dryRun) {
      if (printed.length > 0 || format === 'json') io.stdout(printPayloads(printed, format));
      return 0;
    }
    const summary = digestSummary(lines);
    (summary.finished ? io.stdout : io.stderr)(`${summary.text}\n`);
    return summary.finished ? 0 : 1;
  });
}

/** Runs one `kpi-bot` command; resolves with the process exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // `kpi-bot export --help` and `kpi-bot help export`: that command's usage, before its options are read.
  if (isCliCommand(command) && command !== 'help' && rest.some((a) => a === '--help' || a === '-h')) {
    io.stdout(`${commandUsage(command)}\n`);
    return 0;
  }
  if (command === 'help' && rest.length > 0) {
    if (isCliCommand(rest[0]) && rest.length === 1) {
      io.stdout(`${commandUsage(rest[0])}\n`);
      return 0;
    }
    io.stderr(`kpi-bot: there is no command “${rest.join(' ')}”\n\n${USAGE}\n`);
    return 2;
  }
  try {
    switch (command) {
      case 'start':
        return await commandStart(io);
      case 'migrate':
        return await commandMigrate(io);
      case 'check':
        if (rest.length > 0) throw new UsageError(`check takes no arguments (got “${rest[0]}”)`);
        return await runCheck(storeLocation(loadConfig(io.env, { needsSlack: false })), io);
      case 'migrate-to-postgres':
        return await commandMigrateToPostgres(rest, io);
      case 'export':
        return await commandExport(rest, io);
      case 'import':
        return await commandImport(rest, io);
      case 'digest':
        return await commandDigest(rest, io);
      case 'demo':
        return await commandDemo(rest, io);
      case 'oneonone':
        return await commandOneOnOne(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command “${command}”`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      // A known command typed wrong is shown its own usage; anything else, the list of commands.
      io.stderr(`kpi-bot: ${error.message}\n\n${isCliCommand(command) && command !== 'help' ? commandUsage(command) : USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof CommandFailure) {
      io.stderr(`kpi-bot: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
