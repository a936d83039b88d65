import type { PeopleCatalog } from '../people-catalog.js';

export const people: PeopleCatalog = {
  people: {
    daysOffAdded: ({ range, workdays }) =>
      `休みを登録しました: ${range}(営業日${workdays}日)。ペース・残り営業日・連続記録の計算から外し、その日は朝のDMもリマインダーも届きません。`,
    daysOffAlready: ({ range }) => `${range}はすでに休みとして登録されています。`,
    daysOffUndo: ({ command }) => `予定が変わったら \`${command}\` で取り消せます。`,
    daysOffCancelled: ({ range, count }) => `${range}の休み${count}日を取り消しました。その日はまた営業日として数えます。`,
    daysOffNothingToCancel: ({ range }) => `${range}に取り消せる休みはありません。`,
    daysOffTitle: 'あなたの休み',
    daysOffNone: '予定されている休みはありません。`/kpi off 12/24-12/26` で登録できます。',
    daysOffFromSlack: '(Slackのステータスから)',
    daysOffClosures: ({ team, ranges }) => `*${team}* の休業日: ${ranges}`,
    daysOffHint: '登録は `/kpi off 12/24-12/26`、取り消しは `/kpi off cancel 12/24-12/26`。Slackのステータスが「🌴 休暇中」の日も休みとして扱います。',
    rangeProblems: {
      badRange: ({ word }) => `「${word}」は日付や期間として読み取れません。12/24、12/24-12/26、2026-12-24〜2026-12-26 のように入力してください。`,
      tooLong: ({ days, max }) => `${days}日間になります。一度に登録できるのは${max}日までです。二つに分けてください。`,
      tooFarBack: ({ day, max }) => `${day}は${max}日より前です。`,
      tooFarAhead: ({ day, max }) => `${day}は${max}日より先です。`,
    },
    tooManyClosures: ({ max }) => `休業日の期間が${max}件を超えます。隣り合う期間は一つにまとめてください。`,
    closureName: '休業日',
    none: 'なし',

    reminderSet: ({ on, teamTime }) =>
      on
        ? teamTime
          ? `夕方のリマインダーをオンにしました。営業日の${teamTime}までに記録がないときだけ、短いDMでお知らせします。`
          : '夕方のリマインダーをオンにしました。ただし今はチームの設定がオフです(マネージャーが `/kpi settings reminder 17:30` でオンにできます)。'
        : '夕方のリマインダーをオフにしました。`/kpi reminder on` でまたオンにできます。',
    reminder: [
      ({ day, streak }) => `今日(${day})の記録はまだのようです。${streak > 1 ? `ひと言記録すれば、${streak}営業日続いている連続記録がつながります。` : 'ひと言記録しておくと、今日の様子がしっかり残ります。'}`,
      ({ day, streak }) => `お疲れさまです。今日(${day})の数字がまだ入っていません。記録は10秒で終わります${streak > 1 ? `し、${streak}営業日の連続記録もつながります。` : '。明日のプランもより確かになります。'}`,
      ({ day, streak }) => `${day}の記録がまだ入っていません。小さな数字でも今日の積み重ねです${streak > 1 ? `。記録すると連続記録が${streak + 1}営業日になります。` : '。'}`,
    ],
    reminderHow: '`/kpi log 架電 20 商談 1` のように入力するか、下のボタンから記録できます。',
    reminderButton: '記録する',
    reminderFooter: '記録のない営業日にだけ、あなただけに届きます。`/kpi reminder off` で止められます。',

    alertTitle: ({ who, metric }) => `ペース確認: ${who}・${metric}`,
    alertTeam: ({ team }) => `チーム ${team}`,
    alertSoFar: [
      ({ metric, month, actual, target, attainment, elapsed, total }) => `${month}の${metric}はここまで${actual}、目標${target}の${attainment}です(${total}営業日のうち${elapsed}日が経過)。`,
      ({ metric, month, actual, target, attainment, elapsed, total }) => `${month}の${metric}は現在${actual}で、目標${target}に対して${attainment}です(${total}営業日中${elapsed}日経過)。`,
    ],
    alertDistance: [
      ({ forecast, end, perDay, remaining }) => `今のペースだと${end}の着地は${forecast}前後です。残り${remaining}営業日で1日あたり${perDay}積めば目標に届きます。`,
      ({ forecast, end, perDay, remaining }) => `このペースでは${end}時点で${forecast}ほどの見込みです。残り${remaining}営業日、1日${perDay}ずつで目標に届きます。`,
    ],
    alertNextMember: ({ person }) => `数字より対話が効きます。\`/kpi 1on1 ${person}\` で、よかった点から始める1on1の準備ができます。`,
    alertNextTeam: '上の一手を次の朝会で共有してみましょう。`/kpi tree` でチームの各KPIの状況を確認できます。',
    alertFooter: 'チームのマネージャーであるあなたにだけ、KPIと月ごとに一度だけ届きます。`/kpi settings pace-alerts off` で止められます。',

    prepToManagers: ({ team, managers, by }) => `*${team}* の各マネージャー(${managers})に送っています。設定したのは ${by} です。`,
    scheduledToManagers: ({ team, managers }) => `準備は *${team}* の各マネージャー(${managers})にDMで届きます(あなた宛てではありません)。`,
    listToManagers: ({ team }) => `*${team}* の各マネージャー`,
    noManagerForPrep: ({ team }) => `*${team}* にはまだマネージャーがいないため、準備の送り先がありません。\`/kpi team add @名前 as manager\` で追加してから設定してください。`,
  },
};
