import { describe, expect, it } from 'vitest';
import { bestRise } from '../../src/domain/celebrations.js';
import { diagnose, farFromHistory, type DiagnosisInput, type Move } from '../../src/domain/diagnosis.js';

/** Five people holding at 2 meetings a workday against their own 2, a funnel that holds, a target within reach. */
const holding: Move[] = ['U1', 'U2', 'U3', 'U4', 'U5'].map((userId) => ({ userId, current: 2, baseline: 2 }));
const base: DiagnosisInput = {
  better: 'higher',
  target: 40,
  history: [36, 38, 35],
  linked: true,
  subject: null,
  people: holding,
  stages: [
    { key: 'connect_rate', current: 0.3, baseline: 0.3 },
    { key: 'connect_meeting_rate', current: 0.2, baseline: 0.21 },
  ],
};
const withPeople = (changes: Record<string, number>): Move[] => holding.map((p) => (changes[p.userId] === undefined ? p : { ...p, current: changes[p.userId]! }));

describe('diagnose: design, execution or market (seed 003)', () => {
  it('calls a target more than 1.5× the best of the last three months a design question, and suggests the best stretched by a tenth', () => {
    expect(diagnose({ ...base, target: 60 })).toEqual({ cause: 'design', why: 'farFromHistory', best: 38, suggested: expect.closeTo(41.8, 6) });
    expect(farFromHistory(57, [36, 38, 35], 'higher')).toBeNull();
    // No history is no evidence either way; a fewer-is-better target is not read this way.
    expect(farFromHistory(60, [null, 0, null], 'higher')).toBeNull();
    expect(farFromHistory(60, [1, 1, 1], 'lower')).toBeNull();
  });

  it('calls a KPI tied to neither the tree nor the funnel a design question', () => {
    expect(diagnose({ ...base, linked: false })).toEqual({ cause: 'design', why: 'notLinked' });
  });

  it('calls most people falling at once the market', () => {
    const d = diagnose({ ...base, people: withPeople({ U1: 1.2, U2: 1.4, U3: 1.5, U4: 1.4 }) });
    expect(d).toEqual({ cause: 'market', fell: 4, of: 5, change: expect.closeTo(-0.3, 6) });
  });

  it('calls one person falling while the rest hold execution, and names only them', () => {
    const d = diagnose({ ...base, people: withPeople({ U3: 1.2 }) });
    expect(d).toMatchObject({ cause: 'execution', why: 'people', of: 5 });
    expect(d.cause === 'execution' && d.why === 'people' && d.people.map((p) => p.userId)).toEqual(['U3']);
  });

  it('reads a person against the team: alone it is execution, with most of the team it is the market', () => {
    expect(diagnose({ ...base, subject: 'U3', people: withPeople({ U3: 1.2 }) })).toMatchObject({ cause: 'execution', why: 'people', people: [{ userId: 'U3' }] });
    expect(diagnose({ ...base, subject: 'U3', people: withPeople({ U1: 1.2, U2: 1.4, U3: 1.5 }) })).toMatchObject({ cause: 'market', fell: 3, of: 5 });
  });

  it('calls one stage’s conversion falling while the others hold execution at that stage', () => {
    const stages = [
      { key: 'connect_rate', current: 0.3, baseline: 0.3 },
      { key: 'connect_meeting_rate', current: 0.12, baseline: 0.2 },
    ];
    expect(diagnose({ ...base, stages })).toMatchObject({ cause: 'execution', why: 'stage', stage: { key: 'connect_meeting_rate', change: expect.closeTo(-0.4, 6) } });
    // Two stages falling together are not one stage's problem.
    expect(diagnose({ ...base, stages: [{ ...stages[0]!, current: 0.2 }, stages[1]!] })).toEqual({ cause: null });
  });

  it('says nothing stands out when the target is within reach and nobody and no stage fell', () => {
    expect(diagnose(base)).toEqual({ cause: null });
  });
});

describe('bestRise: what worked from one month to the next', () => {
  it('picks the largest relative rise of at least 5%, from a base above zero', () => {
    expect(bestRise([{ key: 'calls', before: 40, after: 48 }, { key: 'meetings', before: 2, after: 3 }, { key: 'wins', before: 0, after: 2 }])).toEqual({ key: 'meetings', before: 2, after: 3, rise: 0.5 });
    expect(bestRise([{ key: 'calls', before: 40, after: 41 }])).toBeNull();
  });
});
