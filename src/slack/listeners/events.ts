import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { publishHome } from '../home.js';

/** The Events API events the app subscribes to; the manifest declares the same (a test checks). */
export const BOT_EVENTS = ['app_home_opened'] as const;

/** `app_home_opened` on the Home tab: the person's dashboard, built fresh each time they look. */
export async function onAppHomeOpened(deps: SlackDeps, args: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> {
  const { event, body } = args;
  if (event.tab !== 'home') return;
  await publishHome(deps, body.team_id, event.user);
}

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', (args) => onAppHomeOpened(deps, args));
}
