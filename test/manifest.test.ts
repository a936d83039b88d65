import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLASH_COMMANDS } from '../src/slack/listeners/commands.js';
import { BOT_EVENTS } from '../src/slack/listeners/events.js';

interface Manifest {
  features: { slash_commands: { command: string; description: string; usage_hint?: string; should_escape?: boolean }[]; app_home: Record<string, boolean> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean; event_subscriptions?: { bot_events?: string[] } };
}

const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8')) as Manifest;

/** The bot scopes each Web API method the code calls needs (Slack's method reference). */
const SCOPE_OF_METHOD: Record<string, string | readonly string[] | null> = {
  'users.info': 'users:read',
  // Read only to find the bot's own scheduled message after a post got no answer: in a public or
  // private team channel, or a DM.
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'conversations.open': 'im:write',
  'files.uploadV2': 'files:write',
  'views.open': null,
  'views.publish': null,
  'views.update': null,
};

function sourceText(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? sourceText(path) : path.endsWith('.ts') ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}

describe('manifest.yml', () => {
  it('declares exactly the slash commands the code registers, escaped', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...SLASH_COMMANDS].sort());
    for (const c of manifest.features.slash_commands) {
      expect(c.should_escape).toBe(true);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.usage_hint?.length).toBeGreaterThan(0);
    }
  });

  it('asks for the bot scopes the code uses and no more', () => {
    const code = sourceText(new URL('../src/slack/', import.meta.url).pathname);
    const called = [...code.matchAll(/\.web\.(\w+)\.(\w+)\(/gu)].map((m) => `${m[1]}.${m[2]}`);
    for (const method of called) expect(Object.keys(SCOPE_OF_METHOD), `scope of ${method} unknown to the test`).toContain(method);
    const needed = new Set(['commands', ...called.flatMap((m) => SCOPE_OF_METHOD[m] ?? [])]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('subscribes to exactly the bot events the code listens to', () => {
    expect([...(manifest.settings.event_subscriptions?.bot_events ?? [])].sort()).toEqual([...BOT_EVENTS].sort());
  });

  it('turns on App Home, interactivity and Socket Mode', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
