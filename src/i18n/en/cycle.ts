import type { CycleCatalog } from '../cycle-catalog.js';

export const cycle: CycleCatalog = {
  cycle: {
    kgiGap: ({ target, forecast, distance, perDay }) =>
      `KGI: target ${target} · forecast ${forecast} · distance to the goal ${distance}${perDay ? ` (about ${perDay} a workday from here)` : ''}`,
    kgiSoFar: ({ target, actual, distance, perDay }) => `KGI: target ${target} · so far ${actual} · distance to the goal ${distance}${perDay ? ` (about ${perDay} a workday from here)` : ''}`,
    kgiOnCourse: ({ target, forecast }) => `KGI: target ${target} · forecast ${forecast}: on course to reach it`,
    kgiReached: ({ target, actual }) => `KGI: target ${target} · ${actual} so far: reached ✓`,

    reviewTitle: ({ team, month }) => `🗓️ Month-end review · ${team} · ${month}`,
    reviewLead: [
      ({ items, month }) => `${month}’s work, together: ${items}. Thank you all.`,
      ({ items, month }) => `Here is what the team built in ${month}: ${items}.`,
      ({ items, month }) => `${month} in team totals: ${items}. Every log went into it.`,
    ],
    reviewLeadQuiet: ({ month }) => `Little was logged in ${month}; the review starts from the targets.`,
    reviewReached: [
      ({ metrics, month }) => `${metrics} reached ${month}’s target 🎉`,
      ({ metrics, month }) => `Goal reached in ${month}: ${metrics} 🎉`,
    ],
    resultsTitle: ({ month }) => `*Results against the targets, ${month}*`,
    resultLine: ({ name, figure, attainment, previous }) => `• ${name}: ${figure}${attainment ? ` (${attainment})` : ''}${previous ? ` · month before ${previous}` : ''}`,
    resultReached: ' · reached ✓',
    resultDistance: ({ amount }) => ` · the distance to the goal was ${amount}`,
    noTeamTargets: ({ month }) => `No team targets were in force in ${month}: a manager can set them with \`/kpi plan <amount>/month apply\` or \`/kpi target\`.`,
    treeTitle: '*KGI → KPI tree*',
    workedTitle: '*What worked*',
    workedKpi: [
      ({ kpi, before, after, rise, previous }) => `${kpi} rose from ${before} to ${after} a workday against ${previous} (+${rise}): worth asking what made the difference and doing more of it.`,
      ({ kpi, before, after, rise, previous }) => `The biggest step up was ${kpi}: ${after} a workday, from ${before} in ${previous} (+${rise}).`,
    ],
    workedStage: [
      ({ stage, before, after, previous }) => `The ${stage} rose to ${after}, from ${before} in ${previous}: the work on that step is paying off.`,
      ({ stage, before, after, previous, month }) => `The ${stage} improved most: ${before} in ${previous}, ${after} in ${month}.`,
    ],
    workedSteady: [({ previous }) => `The team held its pace and conversion level with ${previous}; steady work is the base to build on.`],
    nextTitle: ({ month }) => `*For ${month}*`,
    nextFocus: [
      ({ kpi, distance, month, next }) => `${month} ended ${distance} from the ${kpi} goal, so ${kpi} is the one to lift in ${next}.`,
      ({ kpi, distance, month, next }) => `In ${next}, the ${kpi} goal is the one to close in on: ${month} finished ${distance} away from it.`,
    ],
    nextAllReached: [
      ({ month, next }) => `Every team target was reached in ${month}; carry the same rhythm into ${next}.`,
      ({ month, next }) => `${month} reached every team target. ${next} can start from that rhythm.`,
    ],
    onePractice: ({ advice }) => `One step that helps: ${advice}`,
    decisionsTitle: ({ month }) => `*Decisions taken in ${month}*`,
    noDecisions: ({ month, command }) => `No decisions were recorded in ${month}. Record the next review’s with \`${command}\`.`,
    reviewFooter: 'Team totals only. A manager can turn this review off with `/kpi settings month-review off`.',

    kickoffTitle: ({ team, month }) => `🚀 Kickoff · ${team} · ${month}`,
    kickoffLead: [
      ({ month, last, items }) => `${month} starts today. ${last} gave us ${items} to build on: thank you.`,
      ({ month, last, items }) => `A new month: ${month}. The base from ${last} is ${items}.`,
    ],
    kickoffLeadFirst: [({ month }) => `${month} starts today: here is the plan.`, ({ month }) => `A new month, ${month}, and the plan for it.`],
    kickoffKgi: ({ kgi, last, target, distance, lastMonth }) => `KGI: ${kgi} ${last} in ${lastMonth} → ${target} this month; the gap to close is ${distance}.`,
    kickoffKgiWithin: ({ kgi, last, target, lastMonth }) => `KGI: ${kgi} ${target} this month, after ${last} in ${lastMonth}: the same pace reaches it.`,
    kickoffTargetsTitle: ({ month, workdays }) => `*${month}’s targets and the plan per workday* (${workdays} workdays)`,
    kickoffLine: ({ name, target, perDay }) => `• ${name}: ${target}${perDay ? ` → ${perDay} a workday as a team` : ''}`,
    kickoffNoTargets: ({ month }) => `No team targets are set for ${month} yet: a manager can set them with \`/kpi plan <amount>/month apply\` or \`/kpi target\`.`,
    kickoffStart: [
      () => 'To start well: agree in today’s stand-up what each person puts in this first week.',
      () => 'To start well: book the first week’s follow-ups and calling blocks in the calendar today.',
      () => 'To start well: pick the one KPI the team watches first, and log it every day.',
    ],
    kickoffFooter: 'Team totals only. A manager can turn the kickoff off with `/kpi settings kickoff off`.',

    applyTitle: '*Apply this plan?*',
    applyAsk: ({ team, since, items, tree }) => `It sets these targets on *${team}*’s total from ${since}: ${items}. The KPI tree becomes ${tree} (in place of the current one).`,
    applyButton: 'Apply the plan',
    applyHint: 'The team’s managers and admins can apply it. A second click changes nothing.',
    applyModalTitle: 'Reverse plan',
    applied: ({ team, since, items, tree }) => `✅ Applied to *${team}*’s total from ${since}: ${items}. The KPI tree is now ${tree}; \`/kpi tree\` shows it with attainment.`,
    appliedAlready: ({ day, by }) => `This plan was applied on ${day} by ${by}; nothing changed.`,
    applyExpired: ({ period }) => `This plan was for ${period}, which has ended, so nothing changed. Run \`/kpi plan <amount>/month apply\` again for the current period.`,
    applyMissing: 'This plan is not one the bot knows in this workspace, so nothing changed.',
    applyNoMetrics: 'Revenue, wins, meetings and calls are all retired in this workspace, so there is nothing to apply.',

    planTitle: ({ day }) => `🧭 Your action plan (agreed ${day})`,

    keptTitle: 'How the agreed actions went',
    keptLine: ({ agreed, logged, days, share }) => `Agreed ${agreed}; logged ${logged} over ${days === 1 ? '1 workday' : `${days} workdays`} (${share}).`,
    keptNone: ({ agreed, days }) => `Agreed ${agreed}; nothing of it logged over ${days === 1 ? '1 workday' : `${days} workdays`} since.`,
    keptReached: [({ metric }) => `Kept to the agreement on ${metric}: that is the habit the plan was for.`, ({ metric }) => `The ${metric} action was kept, and more: worth naming first.`],
    keptDistance: ({ more }) => `The distance to what was agreed is ${more}.`,
    keptAdvice: [
      () => 'Ask what got in the way on the lighter days, and block that time first thing.',
      () => 'Agree one small change that makes the action easier to start each day.',
    ],
    keptNoneAdvice: [() => 'Ask whether it was done but not logged, or whether the action needs resetting to fit the week.'],
    keptTooSoon: 'The plan is too recent to hold against the log yet.',
    keptNoKpi: 'No action of the plan names a number of something logged, so there is nothing to hold against the log.',
    perCadence: {
      workday: ({ quantity }) => `${quantity} a workday`,
      week: ({ quantity }) => `${quantity} a week`,
      month: ({ quantity }) => `${quantity} a month`,
    },

    diagnoseTitle: ({ subject, period }) => `🩺 Diagnosis: ${subject} · ${period}`,
    diagnoseHolds: [({ items }) => `What holds: ${items}.`, ({ items }) => `On pace: ${items}.`],
    diagnoseEffort: [({ items }) => `The work so far: ${items}.`, ({ items }) => `Put in so far: ${items}.`],
    diagnoseFresh: 'Little is logged in the period yet; the reading starts from the targets.',
    diagnoseAllOnPace: ({ period }) => `Every KPI is on pace or reached for ${period}: nothing to diagnose. Keep the rhythm.`,
    diagnoseNoTargets: ({ subject }) => `${subject} has no targets to diagnose yet: set them with \`/kpi target\` or \`/kpi plan <amount>/month apply\`.`,
    diagnoseKpi: ({ name, figure, attainment }) => `*${name}*: ${figure}${attainment ? ` (${attainment})` : ''}`,
    diagnoseDistance: ({ amount, ended }) => `The distance to the goal ${ended ? 'was' : 'is'} ${amount}.`,
    designFar: ({ target, best }) => `Likely the KPI’s design: the target of ${target} is more than 1.5× the best of the last three months (${best}).`,
    designUnlinked: ({ name }) => `Likely the KPI’s design: ${name} is in neither the team’s KPI tree nor its funnel, so it is not tied to the KGI.`,
    executionPeople: ({ people, change, self, count }) =>
      self
        ? `Likely execution: your pace is ${change} under your own three months before, while the team holds.`
        : `Likely execution: ${people} ${count === 1 ? 'is' : 'are'} ${change} under ${count === 1 ? 'their' : 'their own'} three-month pace, while the rest of the team holds.`,
    executionStage: ({ stage, current, baseline }) => `Likely execution at one stage: the ${stage} is ${current} against ${baseline} over the three months before, while the other stages hold.`,
    market: ({ fell, of, change }) => `Likely the market: ${fell} of ${of} people are under their own three-month pace at once (median ${change}).`,
    unclear: 'No single cause stands out yet: the target is within reach of recent months, and no one person or stage moved apart from the rest.',
    checklistTitle: 'Next steps:',
    checklist: {
      design: [
        ({ name, suggested, command }) =>
          suggested ? `Re-set the target from recent actuals: about ${suggested} is the best month stretched by a tenth${command ? ` (\`${command}\`)` : ''}.` : `Check that ${name} is measured the same way by everyone (\`/kpi definitions\`).`,
        ({ name }) => `Check in \`/kpi tree\` that ${name} sits under the KGI, and tie it there (\`/kpi tree set … under …\`) or drop it.`,
        ({ name }) => `Look at ${name} together with its conversion: activity alone can hide the quality of the work.`,
      ],
      execution: [
        ({ person, self, name }) =>
          self
            ? 'Go through each phase of your own funnel one by one (`/kpi status`): calls, meeting rate, win rate.'
            : person
              ? `Go through each phase’s KPI for ${person} one by one (\`/kpi status ${person}\`): calls, meeting rate, win rate.`
              : `Go through each phase’s KPI behind ${name} one by one: calls, meeting rate, win rate.`,
        ({ advice }) => (advice ? `For that stage: ${advice}` : 'Read the activity notes of the last weeks together: what changed in the approach?'),
        ({ person, self }) =>
          self
            ? 'Bring one concrete change to try to your next 1on1, and agree the plan with your manager there.'
            : person
              ? `Share concrete feedback and an improvement plan in the 1on1 (\`/kpi 1on1 ${person}\`, then \`/kpi 1on1 plan ${person} …\`).`
              : 'Agree an improvement plan in the next review and record it with `/kpi decision …`.',
      ],
      market: [
        () => 'Check what changed in the market: season, budgets, the customers’ own situation.',
        () => 'Look at the competition: who won the deals that did not close, and why.',
        () => 'Re-assess the product’s strengths and weaknesses with the team’s latest conversations.',
        () => 'Review the strategy and the target customers, and record what you decide with `/kpi decision …`.',
      ],
      unclear: [
        ({ name }) => `Ask the people behind the ${name} what they are seeing in their conversations.`,
        ({ name }) => `Check the ${name} log: is everything in it, and logged on the day it happened?`,
        () => 'Look again in a week: one more week of logs often shows the cause.',
      ],
    },
    diagnoseBasis: ({ from, to }) => `Each reading is set against its own average from ${from} to ${to}.`,
    diagnoseFooter: 'Only you see this diagnosis.',
  },
};
