import type { DigestCatalog } from '../digest-catalog.js';

export const digest: DigestCatalog = {
  digest: {
    dailyTitle: ({ team, day }) => `☀️ ${team} · ${day}`,
    leadActive: [
      ({ items, day, people, members }) => `${day}: the team logged ${items}, with ${people} of ${members} people putting numbers in. Thank you all.`,
      ({ items, day, people, members }) => `Good work on ${day}: ${items} across the team (${people} of ${members} logged).`,
      ({ items, day, people, members }) => `Here is what ${day} added: ${items}. ${people} of ${members} people logged their activity.`,
    ],
    leadQuiet: [
      ({ day }) => `Nothing was logged for ${day}, so today starts with a clean page.`,
      ({ day }) => `${day} is empty in the log; a first entry today gets the month moving again.`,
    ],
    kpiYesterday: ({ figure }) => `Yesterday ${figure}`,
    kpiPeriod: ({ period, figure, attainment }) => `${period} ${figure}${attainment ? ` (${attainment})` : ''}`,
    kpiForecast: ({ amount }) => `heading for ${amount}`,
    kpiReached: 'goal reached ✓',
    celebrationsTitle: '🎉 Worth celebrating',
    teamGoal: [
      ({ metric, amount, period }) => `The team reached its ${metric} goal for ${period}: ${amount}!`,
      ({ metric, amount, period }) => `${period}’s ${metric} goal is in: ${amount}. Great teamwork.`,
    ],
    personalGoal: [
      ({ person, metric }) => `${person} reached their ${metric} goal for the month. 🎯`,
      ({ person, metric }) => `${metric} goal done for ${person} this month. 🎯`,
    ],
    streak: [
      ({ person, days }) => `${person} has logged ${days} workdays in a row. 🔥`,
      ({ person, days }) => `${days} workdays straight with a log for ${person}. 🔥`,
    ],
    personalBest: [
      ({ person, amount, previous }) => `${person} set a personal best: ${amount} in a day (the best before was ${previous}). 🏅`,
      ({ person, amount, previous }) => `New personal record for ${person}: ${amount} in one day, up from ${previous}. 🏅`,
    ],
    mostImproved: [
      ({ person, metric, rise }) => `${person} lifted their ${metric} by ${rise} over the last five workdays. 📈`,
      ({ person, metric, rise }) => `Most improved: ${person}, ${metric} up ${rise} on the week before. 📈`,
    ],
    newApproach: [
      ({ person, note }) => `${person} tried something new: “${note}”. Experiments like this are how the team gets better. 💡`,
      ({ person, note }) => `Credit to ${person} for testing a new approach: “${note}”. 💡`,
    ],
    focusTitle: '🎯 Today’s focus',
    focusGap: [
      ({ metric, amount, target, perPerson }) =>
        `Today’s focus is ${metric}: ${amount} as a team${perPerson ? ` (about ${perPerson} each)` : ''} keeps the month on pace for ${target}.`,
      ({ amount, target, remaining, perPerson }) =>
        `The team is ${remaining} away from this month’s goal of ${target}; ${amount} today${perPerson ? ` (about ${perPerson} each)` : ''} keeps it on pace.`,
      ({ metric, amount, target, perPerson }) =>
        `Let’s push ${metric} today: ${amount} as a team${perPerson ? `, about ${perPerson} each,` : ''} keeps this month’s ${target} within reach.`,
      ({ metric, amount, target, perPerson }) =>
        `Where the team can help most today: ${metric}, with ${amount} together${perPerson ? ` (about ${perPerson} each)` : ''} keeping the month on pace for ${target}.`,
      ({ amount, target, remaining, perPerson }) =>
        `Today’s share of this month’s ${target}: ${amount} as a team${perPerson ? ` (about ${perPerson} each)` : ''}, with ${remaining} to go.`,
    ],
    focusOnPace: [
      () => 'Every team KPI is on pace for the month.',
      () => 'The team is on pace on every KPI this month.',
      () => 'All of this month’s team KPIs are where they should be today.',
      () => 'Every KPI the team shares is on track for the month.',
    ],
    dailyFooter: 'Log with `/kpi log` · your own plan for today is in your DMs · `/kpi status` for the detail',
    moreCelebrations: ({ count }) => `…and ${count} more good things in the log.`,
  },
  dm: {
    title: ({ day }) => `Your plan for ${day}`,
    leadActive: [
      ({ items }) => `Yesterday you logged ${items}. Nice work.`,
      ({ items }) => `Good day yesterday: ${items}.`,
      ({ items }) => `Thanks for logging yesterday’s ${items}; every entry sharpens the plan.`,
    ],
    leadQuiet: [
      () => 'No entries yesterday, so today is a fresh start.',
      () => 'Yesterday’s log is empty; one entry today gets the streak going.',
    ],
    monthTitle: ({ month }) => `Where ${month} stands`,
    ask: [
      ({ amount, target }) => `Today, ${amount} keeps you on pace for ${target} this month.`,
      ({ amount, target }) => `Today’s number: ${amount}. That keeps ${target} for the month on track.`,
      ({ amount, target }) => `Aim for ${amount} today to stay on pace for this month’s ${target}.`,
      ({ amount, target }) => `Your step for today: ${amount}, on the way to ${target} this month.`,
    ],
    askFar: [
      ({ target, amount, pace, landing }) =>
        `Reaching ${target} this month would take ${amount} a workday from here, well above your recent pace of about ${pace} a workday; at that pace the month lands near ${landing}.`,
      ({ target, amount, pace, landing }) =>
        `This month’s ${target} now asks ${amount} a workday, far above your usual ${pace}; your recent pace points to about ${landing} by the end of the month.`,
    ],
    askStep: [
      ({ step }) => `A realistic aim for today is ${step}, one step above your usual; if the month’s target no longer fits, agree a stepping stone with your manager.`,
      ({ step }) => `Aim for ${step} today, a little above your recent pace: steady steps move the month more than one big day.`,
    ],
    askDone: [
      () => 'Your monthly targets are met. Anything you add today is a head start.',
      () => 'Targets for the month are in. Today is a good day to try something new.',
    ],
    noTargets: 'No targets yet; your manager can set them with `/kpi template`. Logging still builds your history.',
    stageGap: [
      ({ stage, current, reference }) => `Your ${stage} is ${current}; the team’s is ${reference}.`,
      ({ stage, current, reference }) => `One to work on: ${stage} at ${current}, against ${reference} across the team.`,
    ],
    button: 'Log activity',
    optOut: 'Morning DMs can be turned off with `/kpi morning-dm off`.',
  },
  weekly: {
    lastWeek: 'Last week',
    title: ({ team, start, end }) => `📊 Weekly review · ${team} · ${start} – ${end}`,
    lead: [
      ({ items }) => `Last week the team put in ${items}. Thank you for the effort.`,
      ({ items }) => `Here is last week in numbers: ${items}. Good work, everyone.`,
    ],
    leadQuiet: [() => 'Last week was quiet in the log; this week is a fresh start.', () => 'Few numbers came in last week. A new week, a clean page.'],
    change: ({ change }) => `${change} on the week before`,
    changeFlat: 'Level with the week before',
    changeNew: 'None the week before',
    funnelTitle: 'Funnel',
    funnelStep: ({ from, to, rate, group }) => `${from} → ${to} (${rate}${group ? `, ${group}` : ''})`,
    rateTooFew: ({ rate }) => `${rate}: too few tries last week to read`,
    formulas: ({ formulas }) => `How the rates are counted: ${formulas}`,
    bottleneck: [
      ({ stage, current, baseline }) => `Last week’s ${stage} was ${current} (${baseline} over the four weeks before); it is the stage to coach this week.`,
      ({ stage, current, baseline }) => `Where the funnel narrowed most: ${stage}, ${current} last week after ${baseline} over the four weeks before.`,
    ],
    noBottleneck: [() => 'Every funnel stage held up against the previous four weeks.', () => 'No stage of the funnel slipped against its four-week level.'],
    quality: [
      () => 'Activity went up while conversion eased: quality is the lever now.',
      () => 'More activity, lower conversion: time to look at the quality of each conversation.',
    ],
    volume: [
      () => 'Conversion is strong on less activity: volume is the lever now.',
      () => 'The conversations convert well; more of them is the next step.',
    ],
    quiet: [
      ({ metrics }) => `Nobody has logged ${metrics} for two weeks.`,
      ({ metrics }) => `${metrics}: no entries in the last two weeks.`,
    ],
    focusTitle: '🎯 This week’s focus',
    focus: [
      ({ metric, amount, target }) => `This week’s focus is ${metric}: ${amount} as a team keeps the month on pace for ${target}.`,
      ({ metric, amount, target }) => `Let’s put ${metric} first this week: ${amount} together keeps this month’s ${target} within reach.`,
    ],
    focusStage: [({ stage }) => `This week, the ${stage}.`, ({ stage }) => `The ${stage} is this week’s one thing.`],
    goalsReached: [
      ({ metrics }) => `Goals reached last week: ${metrics}. 🎉`,
      ({ metrics }) => `Last week the team reached its goals for ${metrics}. 🎉`,
    ],
    footer: 'Details with `/kpi status` and `/kpi tree` · set targets with `/kpi target`',
  },
  alerts: {
    broken: ({ team, what, channel, reason }) => `The ${what} of *${team}* could not be posted to ${channel}: ${reason}.`,
    what: { daily: 'daily digest', weekly: 'weekly review', client: 'client report', monthly: 'month-end review', kickoff: 'month kickoff' },
    reasons: {
      channel_not_found: 'the channel no longer exists, or the bot cannot see it',
      not_in_channel: 'the bot is not in the channel; invite it there with `/invite @KPI Review`',
      is_archived: 'the channel is archived',
      no_channel: 'the team has no channel yet',
      other: 'Slack refused it',
    },
    fix: 'To use another channel: `/kpi settings channel #channel`. Other teams are not affected; this notice comes once.',
  },
  quietInput: ({ metric, kpis }) => `${metric} (what ${kpis} is worked out from)`,
  roleGroups: { inside: 'inside sales', field: 'field sales', cs: 'customer success', manager: 'managers' },
  advice: {
    metric: {
      calls: [
        () => 'Try a focused call block before lunch with the list prepared the evening before.',
        () => 'Block one hour for calls at the time your prospects pick up most, phone only.',
        () => 'Prepare the call list the day before so the first dial happens in the first ten minutes.',
      ],
      connects: [
        () => 'Try calling at different times: early morning and late afternoon often connect better.',
        () => 'Look at which hours connected last week and stack tomorrow’s calls there.',
        () => 'Call back the people who picked up before at the same time of day; they tend to answer again.',
      ],
      emails: [
        () => 'Personalise the first line of each email to the prospect’s company; it lifts replies.',
        () => 'Send a short follow-up to every open lead today, with one clear question.',
        () => 'Keep each email to three sentences and one question; short emails get answered.',
      ],
      meetings: [
        () => 'Follow up warm leads the same day and offer two concrete time slots.',
        () => 'Close each good call by proposing a meeting time instead of asking for one.',
        () => 'Ask every prospect who showed interest this week for a short follow-up meeting.',
      ],
      visits: [
        () => 'Group visits by area so one trip covers two or three accounts.',
        () => 'Book next week’s visits today while this week’s conversations are fresh.',
        () => 'Add one visit to an account you have not seen for a while to each trip.',
      ],
      wins: [
        () => 'Review the open proposals with your manager and agree the next step for each.',
        () => 'Ask each late-stage prospect what would make them decide this month.',
        () => 'Agree the next step and its date at the end of every late-stage meeting.',
      ],
      revenue: [
        () => 'Look at existing accounts for an upsell alongside new deals.',
        () => 'Prioritise the largest open deals and line up the decision maker for each.',
        () => 'Check which open deals could close this month and what each one still needs.',
      ],
      leads: [
        () => 'Add ten new leads from your best-converting channel today.',
        () => 'Ask this week’s happiest customers for one introduction each.',
        () => 'Follow up the leads from your best event or page within the day they come in.',
      ],
      upsells: [
        () => 'Pick three accounts using the product most and prepare an upgrade proposal.',
        () => 'Ask in each check-in which need the current plan does not cover yet.',
        () => 'Look for customers whose usage grew this quarter and show them the next plan.',
      ],
      cross_sells: [
        () => 'Match one complementary product to each of your top five accounts.',
        () => 'Share a short customer story of the other product in your next check-ins.',
        () => 'Ask one customer a day which other team could use what they already like.',
      ],
      renewals: [
        () => 'Contact every account renewing in the next 60 days this week.',
        () => 'Send renewing accounts a short summary of the value they got this year.',
        () => 'Book a short review with each renewing customer before the date comes up.',
      ],
      target_accounts: [
        () => 'Research ten new target accounts and note one opening angle for each.',
        () => 'Refresh the target list with the segment that converted best last month.',
        () => 'Pick five target accounts a day and find the right person at each before calling.',
      ],
      key_person_contacts: [
        () => 'Ask your champion who signs off, and request a short intro.',
        () => 'Prepare one question for the decision maker before each meeting.',
        () => 'Invite the decision maker to the next meeting with one point that matters to them.',
      ],
      ride_alongs: [
        () => 'Schedule one ride-along with a new member this week.',
        () => 'Pair a newer rep with a strong closer on one meeting this week.',
        () => 'Choose one meeting this week where a newer member can watch the close, and debrief after.',
      ],
      general: [
        () => 'Pick one small step for it today and log what you try.',
        () => 'Set a short time block for it today and note what worked.',
        () => 'Choose one habit that moves it, try it for a week, and compare the numbers.',
      ],
    },
    stage: {
      connect: [
        () => 'Try new call times and check the numbers on the list; a clean list connects more.',
        () => 'Compare the hours that connected last week and move the call blocks there.',
      ],
      meeting: [
        () => 'Role-play the opening and the meeting ask once this week; a tighter talk script converts more connects.',
        () => 'End every good conversation with a concrete meeting proposal and two time slots.',
      ],
      win: [
        () => 'Review proposals together before sending, and confirm the decision maker and timeline in each meeting.',
        () => 'Ride along on two late-stage meetings and agree one change to the closing conversation.',
      ],
      other: [
        () => 'Look at three recent cases of this step together and agree one thing to do differently at it.',
        () => 'Write down what the cases that passed this step had in common, and try it on the next ones.',
      ],
    },
    quality: [
      () => 'Review two call recordings as a team and sharpen the questions that qualify a prospect.',
      () => 'Slow down on the list: fewer, better-researched calls can convert more.',
    ],
    volume: [
      () => 'Protect a daily activity block so the strong conversion gets more chances.',
      () => 'Add one more call block a day; the conversion is there to make it pay.',
    ],
    quiet: [
      ({ metrics }) => `Revive ${metrics} with a ten-second log at the end of each day, or drop the KPI so the team can focus on what it reviews.`,
      ({ metrics }) => `Decide together: keep ${metrics} and log it daily, or remove it from the targets to keep the focus sharp.`,
    ],
    momentum: [
      () => 'Keep the rhythm, and note what works so the whole team can use it.',
      () => 'Stay with what is working and share one tip in the channel today.',
      () => 'Pick one thing that went well yesterday and do it once more today.',
      () => 'Use the head start to try one new idea today, and log how it goes.',
    ],
  },
};
