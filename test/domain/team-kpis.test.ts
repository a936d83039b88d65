import { describe, expect, it } from 'vitest';
import { isShared, isSeveralPeoplesWork, splitByOwnership } from '../../src/domain/team-kpis.js';
import { def, totals } from '../harness/metrics.js';

describe('whose work a team KPI is (rule 5)', () => {
  it('is the team’s when the team set it on its total, or at least two members carry it', () => {
    expect(isShared({ metric: 'revenue', source: 'team', carriers: 0 })).toBe(true);
    expect(isShared({ metric: 'calls', source: 'members', carriers: 2 })).toBe(true);
    expect(isShared({ metric: 'ride_alongs', source: 'members', carriers: 1 })).toBe(false);
  });

  it('splits a team’s KPIs into the shared ones and the metrics one person carries alone', () => {
    const split = splitByOwnership([
      { metric: 'revenue', source: 'team', carriers: 0 },
      { metric: 'calls', source: 'members', carriers: 3 },
      { metric: 'visits', source: 'members', carriers: 1 },
      { metric: 'ride_alongs', source: 'members', carriers: 1 },
    ] as const);
    expect(split.shared.map((k) => k.metric)).toEqual(['revenue', 'calls']);
    expect([...split.solo]).toEqual(['visits', 'ride_alongs']);
  });

  it('reads a stage as several people’s work only when two whose role works it logged its base', () => {
    const winRate = def('win_rate');
    const team = [
      { userId: 'UMGR', salesRole: null },
      { userId: 'UFLD', salesRole: 'field' },
      { userId: 'USDR', salesRole: 'sdr' },
    ];
    // The manager's role works everything but logged nothing: the field rep's closing is theirs alone.
    expect(isSeveralPeoplesWork(winRate, team, new Map([['UFLD', totals({ meetings: 20, wins: 4 })]]))).toBe(false);
    // The SDR logged meetings too, but their role does not close: still one person's.
    expect(isSeveralPeoplesWork(winRate, team, new Map([['UFLD', totals({ meetings: 20, wins: 4 })], ['USDR', totals({ meetings: 30 })]]))).toBe(false);
    expect(isSeveralPeoplesWork(winRate, team, new Map([['UFLD', totals({ meetings: 20, wins: 4 })], ['UMGR', totals({ meetings: 5, wins: 1 })]]))).toBe(true);
  });
});
