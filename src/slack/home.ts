import { resolveCaller } from './callers.js';
import type { Caller } from '../commands/context.js';
import type { SlackDeps } from './deps.js';
import { loadHome } from '../reports/home.js';
import { homeView } from '../reports/views/home.js';

/**
 * Builds a person's App Home from the database and publishes it (`views.publish`). A failure is
 * logged, never thrown: the Home is a view of the data, and the next open builds it again.
 */
export async function publishHome(deps: SlackDeps, teamId: string, userId: string, known?: Pick<Caller, 'locale' | 'zone'>): Promise<void> {
  try {
    // A listener that has just resolved the caller passes them along; otherwise they are looked up.
    const caller = known ?? (await resolveCaller(deps, teamId, userId, null));
    const model = await loadHome(deps.store, { workspace: teamId, userId, locale: caller.locale, zone: caller.zone, at: deps.clock() });
    await deps.chat.publishHome(userId, homeView(model));
  } catch (error) {
    deps.logger.error(`publishing the App Home of ${userId} in ${teamId} failed:`, error);
  }
}
