import type { CoreCatalog } from '../catalog.js';

export const core: CoreCatalog = {
  today: 'today',
  yesterday: 'yesterday',
  nothingStored: 'Nothing was stored.',
  nothingChanged: 'Nothing was changed.',
  internalError: 'Something went wrong on our side and nothing was stored. Please try again in a minute.',
  storeUnavailable:
    'The KPI database is not available right now, so nothing was stored. Please try again in a few minutes; your admin has been told in the bot log.',
  storeDamaged:
    'Part of the KPI database is damaged, so I could not do this and nothing was changed. Your admin has been told in the bot log; `kpi-bot check` shows them what is wrong.',
  stillWorking: 'Working on it — the answer follows in a moment.',
  itemSeparator: ' · ',
  separators: { names: ', ', details: ' · ', changes: '; ', dateRange: ' – ', dayRange: '–', sentences: ' ' },
  withDate: ({ label, date }) => `${label} (${date})`,

  logStored: ({ items, when }) => `Logged for ${when}: ${items}`,
  dayTotal: ({ items, when, isToday }) => (isToday ? `Today so far: ${items}` : `Total for ${when}: ${items}`),
  logCheers: [
    () => 'Every one of these moves the pipeline forward.',
    () => 'Thanks for logging right away; it keeps the team picture sharp.',
    () => 'Steady activity adds up. Keep it going.',
    () => 'Nice work. Numbers logged today make tomorrow’s plan clearer.',
    () => 'Good rhythm: logging as you go is half of improving.',
  ],
  backdatedCheers: [
    () => 'Thanks for filling this in; a complete record keeps the pace and the plan honest.',
    () => 'Good catch. With the gap filled, this month’s numbers tell the whole story.',
    () => 'Every day on the record counts, late or not. Thanks for adding it.',
  ],
  noteSaved: ({ note }) => `Note saved: “${note}”`,
  newApproachCheers: [
    () => 'Trying something new is how rates improve; the numbers will show how it works.',
    () => 'Good call writing down what you tried. Next week’s review can show what it changed.',
    () => 'Experimenting like this is what moves a conversion rate. Keep noting what you try.',
  ],
  undoHint: 'Typed a wrong number? `/kpi edit <metric> <number>` corrects it, and `/kpi undo` takes this log back.',
  alreadyLogged: 'This request was already stored; nothing was added twice.',

  undone: ({ items, when, time }) => `Took back your log from ${time} for ${when}: ${items}`,
  undoneDayTotal: ({ items, when }) => `${when} now stands at: ${items}`,
  undoneDayEmpty: ({ when }) => `Nothing is logged for ${when} now.`,
  edited: ({ items, when, time }) => `Corrected your log from ${time} for ${when}: ${items}`,
  editedItem: ({ from, to }) => `${from} → ${to}`,
  editUnchanged: ({ items }) => `Already logged as ${items}; nothing changed there.`,
  editFooter: 'The numbers it replaced stay in the audit history. `/kpi undo` takes back a whole log.',
  nothingToUndo: 'There is no log of yours to take back. `/kpi log calls 10` records one.',

  overviewTitle: ({ when }) => `Your numbers for ${when}`,
  overviewEmpty: [
    () => 'Nothing logged yet today. A first entry gets the day going: `/kpi log calls 10`.',
    () => 'A fresh day. Log your first numbers whenever you are ready: `/kpi log calls 10`.',
    () => 'No entries yet today. Even a small first log starts the streak: `/kpi log emails 5`.',
  ],
  overviewHint: 'Log more with `/kpi log <metric> <number>`; `/kpi help` shows every command.',

  helpTitle: 'KPI bot: commands',
  helpIntro: 'Log your activity in seconds and see where you stand. Type `/kpi help <command>` for details.',
  helpMore: 'Names and numbers work in English and Japanese: `架電 45件`, `1,234`, `1.5k`, `3万`.',
  helpMetricsTitle: 'Metrics you can log',
  helpNumbers:
    'Numbers: `45`, `45件`, `1,234`, `1.5k`, `3万`, `1億2000万`, `¥30,000`. Dates: `yesterday`, `昨日`, `一昨日`, `2026-11-20`, `11/20` (up to 31 days back).',
  helpExamples: 'Examples',
  helpUnknownTopic: ({ word }) => `There is no command “${word}”. Here are all of them.`,
  help: {
    log: {
      usage: '/kpi log <metric> <number> [<metric> <number>…] [yesterday|YYYY-MM-DD|M/D] [-- note]',
      summary: 'log activity for today or a recent day',
      details: [
        'Several pairs go in one log; they are stored together or not at all.',
        'A note after `--` is kept with the log (say what you tried; reviews celebrate new approaches).',
        'Hand a meeting to field sales with `→ @person`, and credit a win to the inside rep who set it with `← @person`: inside reps then see the wins their meetings became.',
      ],
      examples: ['/kpi log calls 45 meetings 3', '/kpi log 架電 45 商談 3', '/kpi log wins 1 revenue 1,200,000 yesterday', '/kpi log calls 30 -- tried the new opener', '/kpi log meetings 1 → @chika'],
    },
    edit: {
      usage: '/kpi edit <metric> <number> [<metric> <number>…] [yesterday|YYYY-MM-DD|M/D]',
      summary: 'correct a number in your latest log of that metric',
      details: [
        'Corrects your latest log of each metric you name, from the last 31 days, or your latest log of the day you give. The log’s other numbers stay as they are.',
        'Every number is corrected or none is. The number it replaced stays in the audit history, as with undo.',
      ],
      examples: ['/kpi edit calls 40', '/kpi edit 架電 40 商談 2', '/kpi edit meetings 3 yesterday'],
    },
    undo: {
      usage: '/kpi undo',
      summary: 'take back your last log (all of its numbers)',
      details: ['Run it again to take back the log before. Undone logs stay in the audit history.'],
      examples: ['/kpi undo'],
    },
    help: {
      usage: '/kpi help [command]',
      summary: 'this help, or the details of one command',
      details: [],
      examples: ['/kpi help log'],
    },
    overview: {
      usage: '/kpi',
      summary: 'your numbers today, this week and this month',
      details: [],
      examples: ['/kpi'],
    },
    status: {
      usage: '/kpi status [@person] [day|week|month|quarter]',
      summary: 'where you stand on each KPI: attainment, pace, forecast, what each workday still needs',
      details: [
        'Rates are shown beside the counts they come from, with their formulas (`/kpi help rates`). Snapshots such as the pipeline show their latest value and its date.',
        'Managers can ask for their members, admins for anyone.',
      ],
      examples: ['/kpi status', '/kpi status week', '/kpi status @aki month'],
    },
    target: {
      usage: '/kpi target <metric> <n>/<day|week|month|quarter> [@person…|members|team]',
      summary: 'set a target (managers and admins); without arguments, opens a form',
      details: [
        '`members` (the default) sets it for each member of your team; `team` sets it on the team’s total.',
        'A day target is per workday. A change applies from today; past periods keep their target. `off` removes one.',
        'Rates take a percentage: `/kpi target win_rate 20%/month`. A share of a base per period (churn) may be set for a year: `/kpi target churn_rate 5%/year`; a month is then judged on its compounded share.',
      ],
      examples: ['/kpi target calls 50/day', '/kpi target meetings 30/month @aki', '/kpi target revenue 10,000,000/month team'],
    },
    targets: {
      usage: '/kpi targets [@person]',
      summary: 'the targets in force',
      details: [],
      examples: ['/kpi targets', '/kpi targets @aki'],
    },
    template: {
      usage: '/kpi template <sdr|bdr|field|cs|manager> @person… [all]',
      summary: 'apply a role’s main KPIs (1–3) with the seeds’ example targets (managers and admins)',
      details: [
        'Field sales, for example: meetings 30/month, win rate 20%, average deal ¥500,000. `all` adds the secondary ones too (visits 10/week, key-person contact rate 80%).',
      ],
      examples: ['/kpi template field @aki @ben', '/kpi template sdr @chika', '/kpi template cs @dan all'],
    },
    team: {
      usage: '/kpi team · /kpi team create <name> [#channel] [as manager] · /kpi team add @person… [as manager] · /kpi team remove @person…',
      summary: 'show your team, create one (admins), add or remove people (its managers and admins)',
      details: [
        'A person belongs to one team. The channel gets the team’s digests (default: where you typed).',
        'Creating a team does not make you a member: add `as manager` to manage it yourself. Only members get its DMs, are counted in its digest and are named as its managers.',
        'To step down from a team you manage: `/kpi team remove @you`, or `/kpi team add @you` to stay as a rep.',
      ],
      examples: ['/kpi team create Tokyo Inside Sales #sales-tokyo', '/kpi team create Osaka Field as manager', '/kpi team add @aki @ben', '/kpi team add @mika as manager'],
    },
    settings: {
      usage: '/kpi settings [<key> <value>]',
      summary: 'your team’s settings; without arguments, opens a form (its managers and admins)',
      details: [
        'Keys: `timezone <IANA>` · `language <ja|en>` · `daily <HH:MM|off>` · `weekly <weekday> <HH:MM|off>` · `workdays <mon-fri|…>` · `holidays <jp|none>` · `catchup <hours>` · `morning-dm <on|off>` · `1on1-lead <hours|default>` · `funnel <metric> <metric>…` · `reminder <HH:MM|on|off>` · `pace-alerts <on|off>` · `month-review <on|off>` · `kickoff <on|off>` · `closures [remove] <from-to>|clear`.',
        '`closures 12/29-1/3` adds a company closure (年末年始): no digest, DM or reminder on those days, and nobody’s pace counts them. Removing one spares the days already past.',
        '`reminder 17:30` DMs people who have logged nothing by then on a workday (off by default; each person can opt out with `/kpi reminder off`). `pace-alerts on` tells managers privately when a KPI is heading under 70% of its monthly target.',
        '`month-review` and `kickoff` (on by default): on each month’s first workday, at the weekly time, the channel gets the review of the month before (results, the tree, what worked, the decisions) and the month’s kickoff (its targets and the plan per workday).',
      ],
      examples: ['/kpi settings daily 08:30', '/kpi settings closures 12/29-1/3', '/kpi settings reminder 17:30', '/kpi settings pace-alerts on', '/kpi settings timezone America/New_York'],
    },
    tree: {
      usage: '/kpi tree · /kpi tree set <metric> <n>/<period> [under <metric>] · /kpi tree clear · /kpi tree example [use]',
      summary: 'the KGI → KPI tree with attainment on every node; managers define it node by node',
      details: [
        'The first node without `under` is the KGI. Without a tree of your own, one is derived from the team’s targets along the funnel.',
        '`/kpi tree example` shows seed 000’s tree (MRR ¥10,000,000) with your numbers; `use` adopts it.',
      ],
      examples: ['/kpi tree', '/kpi tree set revenue 10,000,000/month', '/kpi tree set wins 50/month under revenue', '/kpi tree example'],
    },
    '1on1': {
      usage: '/kpi 1on1 @person · /kpi 1on1 schedule [@person <weekday> <HH:MM> [every 1|2 weeks]] · /kpi 1on1 unschedule @person · /kpi 1on1 plan @person <plan>',
      summary: '1on1 prep for one of your reps by DM, now or before each scheduled 1on1 (their manager and admins)',
      details: [
        'The prep: attainment and trend, what went well, the stage to work on, quality vs quantity, traps, three questions, a proposed action plan and last time’s plan, with how its actions that name a number (10 new leads a day, calls 50 a day) went against what was logged since.',
        'The saved plan also shows in the rep’s morning DM and on their App Home for six weeks.',
        'It arrives 2 hours before the meeting (at the morning digest time for a morning 1on1), or `1on1-lead` hours before (`/kpi settings`).',
      ],
      examples: ['/kpi 1on1 @aki', '/kpi 1on1 schedule @aki fri 15:00', '/kpi 1on1 schedule @ben tue 10:00 every 2 weeks', '/kpi 1on1 plan @aki 10 new leads a day; role-play on Fridays'],
    },
    export: {
      usage: '/kpi export [YYYY-MM]',
      summary: 'your history (your team’s, for managers) as a CSV file by DM',
      details: ['Without a month, all of it. Undone logs are left out. The same format as `kpi-bot export`.'],
      examples: ['/kpi export', '/kpi export 2026-11'],
    },
    'morning-dm': {
      usage: '/kpi morning-dm <on|off>',
      summary: 'your own plan for the day by DM each workday morning, on or off',
      details: ['The team’s setting (`/kpi settings morning-dm`) applies to everyone; this is your own choice on top.'],
      examples: ['/kpi morning-dm off'],
    },
    off: {
      usage: '/kpi off [<day>|<from>-<to>] · /kpi off cancel <day>|<from>-<to>',
      summary: 'your days off: pace, remaining workdays and streak leave them out; no DM or reminder comes on them',
      details: [
        'Without a day, lists your days off ahead (and your team’s closures). Ranges up to 62 days, from 31 days back to a year ahead; `12/29-1/3` crosses the new year.',
        'A Slack status of 🌴 Vacationing (or 休暇中) counts as a day off too, read with your profile each morning.',
      ],
      examples: ['/kpi off 12/24-12/26', '/kpi off 2027-01-04', '/kpi off', '/kpi off cancel 12/26'],
    },
    client: {
      usage:
        '/kpi client · /kpi client add <client> [#channel] [weekly|monthly] [en|ja] · /kpi client <client> add|remove @person… [default] · /kpi client <client> default · /kpi client <client> target|settings|tree|definitions … · /kpi client <client> report [weekly|monthly]',
      summary: 'an agency’s client engagements: who works on each, the targets agreed with the client, and a report to the client’s channel',
      details: [
        'An engagement counts the logs that name it (`/kpi log calls 40 @acme`), and every log of someone who works on it alone or has it as their default. Reps keep their own team.',
        'Its report goes to the client’s channel (a Slack Connect channel works) in the client’s language, weekly or monthly, with team totals only: phases with their formulas and agreed definitions, attainment and forecast, the step to work on with the next action, the last review’s decisions and the next review’s agenda.',
        'The managers of the team that started it run it, and admins. `report` alone shows the report as the client would get it now.',
      ],
      examples: ['/kpi client add Acme #acme-shared weekly ja', '/kpi client acme add @aki @ben', '/kpi client acme target meetings 40/month', '/kpi client acme report'],
    },
    decision: {
      usage: '/kpi decision [@client] <what was decided> · /kpi decision [@client]',
      summary: 'record what a review meeting decided; the next report shows it',
      details: ['Without a client it is your team’s decision. Without text it lists the recent ones.'],
      examples: ['/kpi decision @acme Put the webinar leads at the top of the call list', '/kpi decision @acme'],
    },
    definitions: {
      usage: '/kpi definitions [@client]',
      summary: 'every KPI of your team (or of a client engagement) with its unit, how it is measured, its formula and the definition agreed for it',
      details: ['Write down what a metric counts with `/kpi metric edit <name> definition <text>`; reports show it.'],
      examples: ['/kpi definitions', '/kpi definitions @acme'],
    },
    reminder: {
      usage: '/kpi reminder <on|off>',
      summary: 'your evening reminder on a workday with nothing logged, on or off',
      details: ['It comes only when your team has one set (`/kpi settings reminder 17:30`), only by DM, at most once a workday.'],
      examples: ['/kpi reminder off'],
    },
    metric: {
      usage: '/kpi metric · /kpi metric add <name> [count|currency] [snapshot] [aliases a,b] · /kpi metric rate <name> = <metric> / <metric> [at start] · /kpi metric edit <name> … · /kpi metric retire|restore <name>',
      summary: 'the workspace’s metrics and their formulas; managers add their own, revise and retire them',
      details: [
        'A count is added up over a period; a snapshot (customers, pipeline) keeps its latest value until the next; a rate is worked out from two metrics and never logged.',
        'Every name means one metric. Retiring keeps the history; `/kpi metric add` alone opens a form.',
      ],
      examples: ['/kpi metric add 有効商談 count aliases valid-meetings', '/kpi metric rate 有効商談率 = 有効商談 / 商談', '/kpi metric add open-deals snapshot', '/kpi metric'],
    },
    plan: {
      usage: '/kpi plan <amount>/<period> [deal <amount>] [win <rate>] [meeting <rate>] [apply]',
      summary: 'reverse planning: the wins, meetings and calls a revenue goal takes, in total and per workday; `apply` makes it the team’s targets and tree',
      details: [
        'Uses your team’s last 90 days (or template defaults when there is too little history): the win rate and deal size of field sales, the meeting rate of inside sales. Override any rate to try a scenario.',
        'With `apply` (`適用`) the plan comes with a button: a click by the team’s manager or an admin sets revenue, wins, meetings and calls on the team’s total from that day, and makes the KPI tree revenue → wins → meetings → calls. A second click changes nothing.',
      ],
      examples: ['/kpi plan 7,000,000/month', '/kpi plan 7,000,000/month deal 140000 win 50% meeting 20%', '/kpi plan 10,000,000/month apply'],
    },
    diagnose: {
      usage: '/kpi diagnose [@person|team|me]',
      summary: 'why a KPI is under its pace: the KPI’s design, execution (one person or one stage) or the market, with next steps (only you see it)',
      details: [
        'Design: the target is more than 1.5× the best of the last three months, or the KPI is in neither the tree nor the funnel. Execution: one person’s numbers fell while the team held, or one stage’s conversion fell while the others held. Market: most people fell at once.',
        'A rep diagnoses their own KPIs; a team’s managers the team (the default for them) and its members; admins anyone. In a month’s first three workdays it reads the month before, whole.',
      ],
      examples: ['/kpi diagnose', '/kpi diagnose team', '/kpi diagnose @aki'],
    },
  },

  problems: {
    unknownCommand: ({ word, suggestions }) =>
      `I don’t know the command “${word}”.${suggestions ? ` Did you mean ${suggestions}?` : ''} \`/kpi help\` lists every command.`,
    emptyLog: 'Tell me what to log: a metric and a number.',
    missingValue: ({ metric }) => `${metric} needs a number after it.`,
    notANumber: ({ metric, word }) => `“${word}” is not a number I can read for ${metric}.`,
    numberWithoutMetric: ({ word }) => `“${word}” has no metric with it. Put the metric name next to the number.`,
    negative: ({ word }) => `Numbers can’t be negative (“${word}”). To correct a log, use \`/kpi edit <metric> <number>\`.`,
    notWhole: ({ metric, value }) => `${metric} are counted in whole numbers (got ${value}).`,
    percentOnCount: ({ metric, word }) => `${metric} takes a count, not a percentage (“${word}”).`,
    tooLarge: ({ amount, max }) => `${amount} in one day looks like a typo; the most a day can hold is ${max}.`,
    dayTotalTooLarge: ({ total, max, metric }) =>
      `That would bring ${metric} to ${total} for the day, more than the ${max} a day can hold. Check the number and try again.`,
    unknownMetric: ({ word, suggestions }) =>
      `I don’t know the metric “${word}”.${suggestions ? ` Did you mean ${suggestions}?` : ' `/kpi help log` lists the metrics.'}`,
    derivedMetric: ({ metric, numerator, denominator }) =>
      `${metric} is worked out from ${numerator} and ${denominator}, so log those instead.`,
    badDate: ({ word }) => `“${word}” is not a date I can read.`,
    twoDates: ({ word }) => `One date per log, please (a second one was “${word}”).`,
    twoClients: ({ word }) => `One client per log, please (a second one was “${word}”).`,
    unknownClient: ({ word, choices }) => `There is no client “${word}” in this workspace.${choices ? ` You work for ${choices}.` : ''}`,
    whichClient: ({ choices, example }) =>
      `You work for ${choices}: say which client this log is for, such as ${example}, or make one your default with \`/kpi client <name> default\`.`,
    notInClient: ({ client }) => `You are not on the ${client} engagement yet. Its manager can add you with \`/kpi client ${client} add @you\`.`,
    nothingToEdit: ({ metric, when, max }) =>
      `You have no log of ${metric} ${when ? `for ${when}` : `in the last ${max} days`} to correct. To add one, use \`/kpi log\`.`,
    snapshotTwice: ({ metric, first, second }) => `This log gives ${metric} twice (${first} and ${second}). It is a level at one point in time, so log the one that is true now.`,
    futureDate: ({ day }) => `${day} is still ahead; logs are for today or earlier.`,
    tooOld: ({ day, max }) =>
      `${day} is more than ${max} days back, the furthest a log can go. For older history an admin can import a CSV (\`kpi-bot import\`).`,
    noteTooLong: ({ max }) => `The note is longer than ${max} characters; please shorten it.`,
    textTooLong: ({ max }) => `That command is longer than ${max} characters; please shorten it.`,
    unexpectedWord: ({ command, word }) => `\`/kpi ${command}\` takes nothing after it (got “${word}”).`,
    missingMetric: 'Name a metric, such as calls or meetings.',
    unknownMetricIn: ({ word, suggestions }) => `I don’t know the metric “${word}”.${suggestions ? ` Did you mean ${suggestions}?` : ''}`,
    badTargetValue: ({ word }) => `“${word}” is not an amount I can use here (a number; a rate as a percentage such as 20%).`,
    badPeriod: ({ word }) => (word ? `“${word}” is not a period: use day, week, month or quarter.` : 'Say the period: day, week, month or quarter, as in 50/day.'),
    missingPeople: 'Mention the people it is for, such as @aki.',
    unknownRole: ({ word }) => `“${word}” is not a role template. Use sdr, bdr, field, cs or manager.`,
    missingTeamName: 'Give the team a name.',
    unknownSettingKey: ({ word, keys }) => `“${word}” is not a setting. The settings are: ${keys}.`,
    unknownWord: ({ word }) => `I did not understand “${word}” here.`,
    badRate: ({ word }) => `“${word}” is not a value I can use (a rate as a percentage such as 20%, a deal size as an amount).`,
    retiredMetric: ({ metric }) => `${metric} was retired in this workspace: its history is kept, but it takes no new logs or targets. A manager can bring it back with \`/kpi metric restore\`.`,
    handoffNotAPerson: ({ word }) => `After → or ← comes the person, as a mention (“${word}” is not one): \`/kpi log meetings 1 → @chika\`.`,
    badFormula: ({ word }) => `“${word}” is not a formula I can read: write the metric on top, a slash, and the one below, as in \`meetings / calls\` (add several on top with +).`,
  },
  rightForm: ({ usage, example }) => `Form: \`${usage}\`  e.g. \`${example}\``,
};
