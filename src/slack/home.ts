import { resolveCaller } from './callers.js';
import type { Caller } from '../commands/context.js';
import type { SlackDeps } from './deps.js';
import { homeCharts } from '../reports/charts/from-home.js';
import { loadHome } from '../reports/home.js';
import { homeView, type HomeChart } from '../reports/views/home.js';

/**
 * Builds a person's App Home from the database and publishes it (`views.publish`). A failure is
 * logged, never thrown: the Home is a view of the data, and the next open builds it again.
 */
export async function publishHome(deps: SlackDeps, teamId: string, userId: string, known?: Pick<Caller, 'locale' | 'zone'>): Promise<void> {
  try {
    // A listener that has just resolved the caller passes them along; otherwise they are looked up.
    const caller = known ?? (await resolveCaller(deps, teamId, userId, null));
    const model = await loadHome(deps.store, { workspace: teamId, userId, locale: caller.locale, zone: caller.zone, at: deps.clock() });
    await deps.chat.publishHome(userId, homeView(model, await uploadedCharts(deps, teamId, homeCharts(model))));
  } catch (error) {
    deps.logger.error(`publishing the App Home of ${userId} in ${teamId} failed:`, error);
  }
}

/**
 * App Home's charts as uploaded PNGs (Slack documents its chart block for messages only). The
 * workspace's chart poster uploads a chart once and remembers its file, so opening the Home again
 * uploads nothing until its numbers change. A chart that cannot be uploaded is left out (its numbers
 * are in the KPI lines above it), and the Home is published without it.
 */
async function uploadedCharts(deps: SlackDeps, teamId: string, charts: readonly HomeChart['chart'][]): Promise<HomeChart[]> {
  const poster = deps.sender.charts.of(teamId);
  const uploaded = await Promise.all(
    charts.map((chart) =>
      poster.imageFile(chart).then(
        (fileId): HomeChart[] => [{ chart, fileId }],
        (error: unknown) => {
          deps.logger.warn(`the App Home chart “${chart.title}” could not be uploaded; the Home goes out without it: ${(error as Error).message}`);
          return [];
        },
      ),
    ),
  );
  return uploaded.flat();
}
