import type { SlackDeps } from './deps.js';
import type { Caller, CommandContext } from '../commands/context.js';
import { isTimeZone } from '../domain/days.js';
import { isProfileStale } from '../domain/profiles.js';
import { keepProfile } from '../scheduler/profiles.js';
import type { Person, SlackProfile } from '../store/index.js';

/** A first-time profile read must leave time to answer within Slack's 3 seconds. */
const FIRST_READ_TIMEOUT_MS = 1500;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([work, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref())]);
}

/** Reads a person's Slack profile and keeps it (with a vacation status's days off); resolves with what Slack said even when keeping it failed. */
async function refreshProfile(deps: SlackDeps, teamId: string, userId: string): Promise<SlackProfile> {
  const profile = await deps.chat.userProfile(teamId, userId);
  await keepProfile(deps.store, profile, deps.clock(), deps.config.timezone).catch((error: unknown) => {
    deps.logger.warn(`could not keep the Slack profile of ${userId}: ${(error as Error).message}`);
  });
  return profile;
}

/**
 * Who is asking, in the terms a command needs: language and zone from their Slack profile (read
 * with `users.info` and cached in the database, read again in the background once stale: see
 * `PROFILE_REFRESH_MS`), falling back to `KPI_LOCALE` and
 * `KPI_TIMEZONE`; admin when listed in `KPI_ADMINS` or a workspace owner or admin.
 */
export async function resolveCaller(deps: SlackDeps, teamId: string, userId: string, channelId: string | null): Promise<Caller> {
  // A database that cannot be read must not cost the person their language: Slack is asked instead,
  // and the command then meets the outage and says so in that language.
  const stored: Person | null = await deps.store.people.get(teamId, userId).catch(() => null);
  let person: Pick<Person, 'locale' | 'timeZone' | 'isSlackAdmin'> | null = stored;
  const checkedAt = stored?.profileCheckedAt?.getTime() ?? null;
  if (checkedAt === null) {
    const read = refreshProfile(deps, teamId, userId).catch((error: unknown) => {
      deps.logger.warn(`users.info for ${userId} failed; using the default language and zone: ${(error as Error).message}`);
      return null;
    });
    // What Slack said counts even when the database could not keep it (a full disk, a read-only file).
    person = (await withTimeout(read, FIRST_READ_TIMEOUT_MS)) ?? stored;
  } else if (isProfileStale(stored!.profileCheckedAt, deps.clock())) {
    refreshProfile(deps, teamId, userId).catch((error: unknown) =>
      deps.logger.warn(`refreshing the profile of ${userId} failed: ${(error as Error).message}`),
    );
  }
  const zone = person?.timeZone && isTimeZone(person.timeZone) ? person.timeZone : deps.config.timezone;
  return {
    teamId,
    userId,
    channelId,
    locale: person?.locale ?? deps.config.locale,
    zone,
    isAdmin: deps.config.admins.includes(userId) || (person?.isSlackAdmin ?? false),
  };
}

/** The context a command runs in, for a caller and the request that carries it. */
export function commandContext(deps: SlackDeps, caller: Caller, triggerId: string | null): CommandContext {
  return {
    store: deps.store,
    clock: deps.clock,
    caller,
    chat: deps.chat,
    sender: deps.sender,
    defaults: { timezone: deps.config.timezone, locale: deps.config.locale, admins: deps.config.admins },
    requestKey: triggerId,
    triggerId,
  };
}
