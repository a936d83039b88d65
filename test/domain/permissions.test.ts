import { describe, expect, it } from 'vitest';
import { ACTIONS, authorize, type Action } from '../../src/domain/permissions.js';

const rep = { isAdmin: false, teamId: 1, role: 'rep' as const };
const manager = { isAdmin: false, teamId: 1, role: 'manager' as const };
const otherManager = { isAdmin: false, teamId: 2, role: 'manager' as const };
const admin = { isAdmin: true, teamId: null, role: 'rep' as const };
const loner = { isAdmin: false, teamId: null, role: 'rep' as const };

const TEAM_ACTIONS: readonly Action[] = ['viewOthers', 'prepare1on1', 'setTargets', 'applyTemplate', 'defineTree', 'manageMembers', 'changeSettings'];

describe('who may do what', () => {
  it('lets everyone log and see their own numbers', () => {
    for (const actor of [rep, manager, otherManager, admin, loner]) {
      expect(authorize(actor, 'log', 1)).toEqual({ allowed: true });
      expect(authorize(actor, 'viewOwn', null)).toEqual({ allowed: true });
    }
  });

  it.each(TEAM_ACTIONS)('%s: the team’s manager and admins, not a rep or another team’s manager', (action) => {
    expect(authorize(manager, action, 1).allowed).toBe(true);
    expect(authorize(admin, action, 1).allowed).toBe(true);
    expect(authorize(rep, action, 1)).toEqual({ allowed: false, who: 'teamManagers' });
    expect(authorize(otherManager, action, 1)).toEqual({ allowed: false, who: 'teamManagers' });
  });

  it('leaves people in no team to admins', () => {
    expect(authorize(manager, 'setTargets', null)).toEqual({ allowed: false, who: 'admins' });
    expect(authorize(admin, 'setTargets', null).allowed).toBe(true);
  });

  it('keeps team creation for admins', () => {
    expect(authorize(manager, 'createTeam', 1)).toEqual({ allowed: false, who: 'admins' });
    expect(authorize(admin, 'createTeam', null).allowed).toBe(true);
  });

  it('has a rule for every action', () => {
    for (const action of ACTIONS) expect(authorize(admin, action, 1).allowed).toBe(true);
  });
});
