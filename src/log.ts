import { ConsoleLogger, LogLevel, type Logger } from '@slack/logger';
import type { LogLevelName } from './config.js';

export type { Logger } from '@slack/logger';

const LEVELS: Record<LogLevelName, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/** The bot's logger, shared with Bolt so every line has one format and one level (`LOG_LEVEL`). */
export function createLogger(level: LogLevelName, name = 'kpi-bot'): Logger {
  const logger = new ConsoleLogger();
  logger.setLevel(LEVELS[level]);
  logger.setName(name);
  return logger;
}
