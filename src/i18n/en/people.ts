import type { PeopleCatalog } from '../people-catalog.js';

export const people: PeopleCatalog = {
  people: {
    daysOffAdded: ({ range, workdays }) =>
      `Days off noted: ${range} (${workdays === 1 ? '1 workday' : `${workdays} workdays`}). Your pace, remaining workdays and streak leave them out, and no morning DM or reminder comes on them.`,
    daysOffAlready: ({ range }) => `${range} was already noted as days off.`,
    daysOffUndo: ({ command }) => `Plans changed? \`${command}\` takes them back.`,
    daysOffCancelled: ({ range, count }) => `Cancelled ${count === 1 ? '1 day off' : `${count} days off`} in ${range}; those days count as workdays again.`,
    daysOffNothingToCancel: ({ range }) => `You have no days off in ${range} to cancel.`,
    daysOffTitle: 'Your days off',
    daysOffNone: 'No days off ahead. Note some with `/kpi off 12/24-12/26`.',
    daysOffFromSlack: ' (from your Slack status)',
    daysOffClosures: ({ team, ranges }) => `Company closures of *${team}*: ${ranges}`,
    daysOffHint: 'Add with `/kpi off 12/24-12/26`, take back with `/kpi off cancel 12/24-12/26`. A Slack status of 🌴 Vacationing counts too.',
    rangeProblems: {
      badRange: ({ word }) => `“${word}” is not a day or range I can read. Type it as 12/24, 12/24-12/26 or 2026-12-24~2026-12-26.`,
      tooLong: ({ days, max }) => `That is ${days} days; one range can be ${max} days at most. Split it in two.`,
      tooFarBack: ({ day, max }) => `${day} is more than ${max} days back.`,
      tooFarAhead: ({ day, max }) => `${day} is more than ${max} days ahead.`,
    },
    tooManyClosures: ({ max }) => `That would make more than ${max} separate closures; join neighbouring ones into one range.`,
    closureName: 'a company closure',
    none: 'none',

    reminderSet: ({ on, teamTime }) =>
      on
        ? teamTime
          ? `Evening reminders are on for you: on a workday with nothing logged by ${teamTime}, a short DM reminds you.`
          : 'Evening reminders are on for you; your team has them off for now (its manager turns them on with `/kpi settings reminder 17:30`).'
        : 'Evening reminders are off for you. `/kpi reminder on` brings them back.',
    reminder: [
      ({ day, streak }) =>
        `Before you wrap up: nothing is logged for today (${day}) yet.${streak > 1 ? ` One quick log keeps your ${streak}-workday streak going.` : ' One quick log keeps the day’s picture complete.'}`,
      ({ day, streak }) =>
        `A gentle nudge: today’s numbers (${day}) are still open. Logging them takes ten seconds${streak > 1 ? ` and keeps your ${streak}-workday streak going` : ' and sharpens tomorrow’s plan'}.`,
      ({ day, streak }) => `Nothing is in for ${day} yet. Whatever you did today counts, even a small number${streak > 1 ? `; it makes your streak ${streak + 1} workdays` : ''}.`,
    ],
    reminderHow: 'Type `/kpi log calls 20 meetings 1`, or use the button.',
    reminderButton: 'Log activity',
    reminderFooter: 'Only on workdays with nothing logged, only to you. `/kpi reminder off` stops them.',

    alertTitle: ({ who, metric }) => `Pace check · ${who} · ${metric}`,
    alertTeam: ({ team }) => `the team ${team}`,
    alertSoFar: [
      ({ month, actual, target, attainment, elapsed, total }) => `So far in ${month}: ${actual} of ${target} (${attainment}), with ${elapsed} of ${total} workdays done.`,
      ({ month, actual, target, attainment, elapsed, total }) => `${month} has ${actual} in so far, ${attainment} of the ${target} goal, with ${elapsed} of ${total} workdays in.`,
    ],
    alertDistance: [
      ({ forecast, end, perDay, remaining }) => `At the current pace it lands near ${forecast} by ${end}; ${perDay} a workday over the ${remaining} workdays left reaches the target.`,
      ({ forecast, end, perDay, remaining }) => `The current pace heads for about ${forecast} by ${end}. ${perDay} a workday for the ${remaining} workdays left gets there.`,
    ],
    alertNextMember: ({ person }) => `A short talk helps more than the number: \`/kpi 1on1 ${person}\` prepares it with what went well first.`,
    alertNextTeam: 'Share the one step above at the next stand-up; `/kpi tree` shows where the team stands on every KPI.',
    alertFooter: 'Private to you as the team’s manager, once per KPI and month. `/kpi settings pace-alerts off` turns these off.',

    prepToManagers: ({ team, managers, by }) => `Sent to each manager of *${team}* (${managers}); scheduled by ${by}.`,
    scheduledToManagers: ({ team, managers }) => `The prep goes to each manager of *${team}* (${managers}), not to you.`,
    listToManagers: ({ team }) => `each manager of *${team}*`,
    noManagerForPrep: ({ team }) => `*${team}* has no manager yet, so a prep would reach nobody. Add one with \`/kpi team add @name as manager\`, then schedule it.`,
  },
};
