import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { isTimeZone } from './domain/days.js';
import type { Locale } from './domain/locale.js';

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  readonly slack: {
    readonly botToken: string | null;
    readonly signingSecret: string | null;
    /** Set: Socket Mode. Unset: HTTP mode on `port`. */
    readonly appToken: string | null;
    /** Base URL of the Web API with a trailing slash; null for Slack's own. */
    readonly apiUrl: string | null;
  };
  readonly port: number;
  readonly dbPath: string;
  /** Set (`postgres://…`): the store is this PostgreSQL database instead of the SQLite file. */
  readonly databaseUrl: string | null;
  readonly timezone: string;
  readonly locale: Locale;
  readonly admins: readonly string[];
  readonly logLevel: LogLevelName;
}

/** A configuration mistake, said in one line that names the variable and what to do. */
export class ConfigError extends Error {}

/** An unset or blank variable is absent; a set one is trimmed and checked. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

const schema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb- (OAuth & Permissions page of your Slack app)')),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^[0-9a-zA-Z]+$/u, 'must be the Signing Secret from the Basic Information page of your Slack app')),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)')),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/u, error: 'must be an http(s) URL such as https://slack.com/api/' })),
  PORT: optional(z.string().regex(/^\d{1,5}$/u, 'must be a port number such as 3000')).refine(
    (v) => v === undefined || (Number(v) > 0 && Number(v) < 65536),
    'must be a port number between 1 and 65535',
  ),
  KPI_DB_PATH: optional(z.string()),
  DATABASE_URL: optional(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/iu, 'must be a PostgreSQL URL such as postgres://kpi:password@db.example.com:5432/kpi (or leave it unset to use the SQLite file KPI_DB_PATH)')
      .refine((v) => URL.canParse(v), 'must be a PostgreSQL URL such as postgres://kpi:password@db.example.com:5432/kpi; percent-encode special characters of the password'),
  ),
  KPI_TIMEZONE: optional(z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Tokyo or America/New_York')),
  KPI_LOCALE: optional(z.enum(['ja', 'en'], 'must be ja or en')),
  KPI_ADMINS: optional(
    z.string().regex(/^\s*[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*\s*,?\s*$/u, 'must be comma-separated Slack user IDs such as U012ABC,U034DEF'),
  ),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error'], 'must be one of debug, info, warn, error')),
});

/** Every variable the bot reads (DESIGN.md, Environment). */
export const ENV_VARIABLES: readonly string[] = Object.keys(schema.shape);

export interface LoadOptions {
  /** The command talks to Slack, so the token (and in HTTP mode the signing secret) are required. */
  readonly needsSlack: boolean;
}

/**
 * Reads the configuration from the environment (DESIGN.md, Environment). Throws `ConfigError` with
 * one line naming the first variable that is missing or malformed.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, options: LoadOptions): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])} ${issue.message}.`);
  }
  const v = parsed.data;
  if (options.needsSlack) {
    if (!v.SLACK_BOT_TOKEN) {
      throw new ConfigError('SLACK_BOT_TOKEN is missing: set it to your bot token (xoxb-…) in .env or the environment (README, "Create the Slack app").');
    }
    if (!v.SLACK_APP_TOKEN && !v.SLACK_SIGNING_SECRET) {
      throw new ConfigError(
        'SLACK_SIGNING_SECRET is missing: set it for HTTP mode, or set SLACK_APP_TOKEN (xapp-…) to run in Socket Mode (README, "Create the Slack app").',
      );
    }
  }
  const apiUrl = v.SLACK_API_URL ? (v.SLACK_API_URL.endsWith('/') ? v.SLACK_API_URL : `${v.SLACK_API_URL}/`) : null;
  return {
    slack: {
      botToken: v.SLACK_BOT_TOKEN ?? null,
      signingSecret: v.SLACK_SIGNING_SECRET ?? null,
      appToken: v.SLACK_APP_TOKEN ?? null,
      apiUrl,
    },
    port: v.PORT ? Number(v.PORT) : 3000,
    dbPath: v.KPI_DB_PATH ?? './data/kpi.sqlite',
    databaseUrl: v.DATABASE_URL ?? null,
    timezone: v.KPI_TIMEZONE ?? 'Asia/Tokyo',
    locale: v.KPI_LOCALE ?? 'ja',
    admins: (v.KPI_ADMINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: v.LOG_LEVEL ?? 'info',
  };
}

/**
 * The environment with a `.env` file's values added where the environment has none (a variable set
 * in the shell wins over the file). A missing file is fine.
 */
export function withDotEnv(env: NodeJS.ProcessEnv, file: string): Record<string, string | undefined> {
  if (!existsSync(file)) return { ...env };
  const fromFile = parseEnv(readFileSync(file, 'utf8'));
  return { ...fromFile, ...env };
}

/** Where the store is: the PostgreSQL URL when `DATABASE_URL` is set, else the SQLite file. */
export function storeLocation(config: Pick<Config, 'dbPath' | 'databaseUrl'>): string {
  return config.databaseUrl ?? config.dbPath;
}
