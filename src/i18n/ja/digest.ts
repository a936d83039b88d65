import type { DigestCatalog } from '../digest-catalog.js';

export const digest: DigestCatalog = {
  digest: {
    dailyTitle: ({ team, day }) => `☀️ ${team}・${day}`,
    leadActive: [
      ({ items, day, people, members }) => `${day}はチームで${items}を積み上げました。${members}人中${people}人が記録してくれました。ありがとうございます!`,
      ({ items, day, people, members }) => `${day}の成果: ${items}。${members}人中${people}人が記録しています。いい動きです。`,
      ({ items, day, people, members }) => `${day}も着実に前進しました。${items}(記録したメンバー ${people}/${members}人)。`,
    ],
    leadQuiet: [
      ({ day }) => `${day}の記録はありませんでした。今日から気持ちよくスタートしましょう。`,
      ({ day }) => `${day}は記録がまだありません。今日の最初の一件で今月を動かしましょう。`,
    ],
    kpiYesterday: ({ figure }) => `前日 ${figure}`,
    kpiPeriod: ({ period, figure, attainment }) => `${period} ${figure}${attainment ? `(${attainment})` : ''}`,
    kpiForecast: ({ amount }) => `着地見込み ${amount}`,
    kpiReached: '目標達成 ✓',
    celebrationsTitle: '🎉 称えたいこと',
    teamGoal: [
      ({ metric, amount, period }) => `チームで${period}の${metric}目標を達成しました: ${amount}!`,
      ({ metric, amount, period }) => `${period}の${metric}目標をクリア(${amount})。素晴らしいチームワークです!`,
    ],
    personalGoal: [
      ({ person, metric }) => `${person} さんが今月の${metric}目標を達成しました 🎯`,
      ({ person, metric }) => `${person} さん、今月の${metric}目標クリアです 🎯`,
    ],
    streak: [
      ({ person, days }) => `${person} さんは${days}営業日連続で記録しています 🔥`,
      ({ person, days }) => `${person} さん、連続記録${days}営業日です 🔥`,
    ],
    personalBest: [
      ({ person, amount, previous }) => `${person} さんが自己ベストを更新: 1日で${amount}(これまでは${previous})🏅`,
      ({ person, amount, previous }) => `${person} さんの新記録: 1日${amount}。これまでの${previous}を上回りました 🏅`,
    ],
    mostImproved: [
      ({ person, metric, rise }) => `${person} さんは直近5営業日で${metric}を${rise}伸ばしました 📈`,
      ({ person, metric, rise }) => `今週いちばん伸びたのは ${person} さん。${metric}が前週比+${rise}です 📈`,
    ],
    newApproach: [
      ({ person, note }) => `${person} さんが新しいやり方に挑戦しました:「${note}」。こうした工夫がチームを強くします 💡`,
      ({ person, note }) => `${person} さんのチャレンジ:「${note}」。試してみる姿勢が素晴らしいです 💡`,
    ],
    focusTitle: '🎯 今日のフォーカス',
    focusGap: [
      ({ metric, amount, target, remaining, perPerson }) =>
        `今月の${metric}目標(${target})まであと${remaining}です。今日はチームで${amount}${perPerson ? `(一人あたり約${perPerson})` : ''}が目安です。`,
      ({ metric, amount, target, perPerson }) =>
        `今日は${metric}に集中しましょう。チームで${amount}${perPerson ? `(一人あたり約${perPerson})` : ''}積み上げれば、今月の目標(${target})へのペースを保てます。`,
      ({ metric, amount, target, remaining, perPerson }) =>
        `${metric}は今月の目標(${target})まであと${remaining}。今日チームで${amount}${perPerson ? `(一人あたり約${perPerson})` : ''}進めれば、ペースどおりです。`,
      ({ metric, amount, target, perPerson }) =>
        `今日いちばん伸ばしたいのは${metric}です。チームで${amount}${perPerson ? `(一人あたり約${perPerson})` : ''}を目指せば、今月の目標(${target})に届くペースです。`,
      ({ metric, amount, target, remaining, perPerson }) =>
        `今月の${metric}は、目標(${target})まで残り${remaining}です。今日の一歩はチームで${amount}${perPerson ? `(一人あたり約${perPerson})` : ''}です。`,
    ],
    focusOnPace: [
      () => 'チームのKPIはすべて今月のペースに乗っています。',
      () => '今月はすべてのKPIがペースどおりです。',
      () => '今月のチームKPIは、今日の時点ですべて予定どおりに進んでいます。',
      () => 'チームで追っているKPIは、どれも今月のペースを保てています。',
    ],
    dailyFooter: '記録は `/kpi log` ・今日のあなたのプランはDMに届いています・詳しくは `/kpi status`',
    moreCelebrations: ({ count }) => `…ほかにも${count}件のいい出来事がありました。`,
  },
  dm: {
    title: ({ day }) => `${day}のあなたのプラン`,
    leadActive: [
      ({ items }) => `昨日は${items}を記録しました。お疲れさまでした!`,
      ({ items }) => `昨日の成果: ${items}。いい一日でしたね。`,
      ({ items }) => `昨日の${items}、記録ありがとうございます。一件一件が計画の精度を上げます。`,
    ],
    leadQuiet: [() => '昨日の記録はありませんでした。今日は新しいスタートです。', () => '昨日の記録はまだありません。今日の一件で連続記録を始めましょう。'],
    monthTitle: ({ month }) => `${month}の現在地`,
    ask: [
      ({ amount, target }) => `今日は${amount}で、今月の${target}に向けたペースを保てます。`,
      ({ amount, target }) => `今日の目安は${amount}。これで今月の${target}が見えてきます。`,
      ({ amount, target }) => `今日は${amount}を目指しましょう。今月の${target}に向けたペースどおりです。`,
      ({ amount, target }) => `今日の一歩は${amount}です。今月の${target}へ着実に近づけます。`,
    ],
    askFar: [
      ({ target, amount, pace, landing }) => `今月の${target}には、ここから1日${amount}が必要です。最近のペース(1日約${pace})だと、着地は約${landing}の見込みです。`,
      ({ target, amount, pace, landing }) => `今月の目標(${target})まで、残りの営業日で1日${amount}が必要です。最近の実績は1日約${pace}なので、このペースなら約${landing}で着地します。`,
    ],
    askStep: [
      ({ step }) => `今日は現実的に${step}を目指しましょう。いつもより一歩上の数字です。今月の目標が合わなくなっていれば、マネージャーと中間目標を相談しましょう。`,
      ({ step }) => `今日はいつもより少し上の${step}を目標にしましょう。大きな一日より、着実な一歩の積み重ねが月を動かします。`,
    ],
    askDone: [() => '今月の目標はすでに達成しています。今日の上積みは来月への貯金です。', () => '今月の目標はクリア済みです。新しいことを試すのにいい日です。'],
    noTargets: '目標はまだありません。マネージャーが `/kpi template` で設定できます。記録を続けると、あなたの実績が蓄積されます。',
    stageGap: [
      ({ stage, current, reference }) => `あなたの${stage}は${current}、チーム全体は${reference}です。`,
      ({ stage, current, reference }) => `伸ばしどころは${stage}です(あなた ${current}、チーム ${reference})。`,
    ],
    button: '活動を記録',
    optOut: '朝のDMは `/kpi morning-dm off` で止められます。',
  },
  weekly: {
    lastWeek: '先週',
    title: ({ team, start, end }) => `📊 週次レビュー・${team}・${start}〜${end}`,
    lead: [({ items }) => `先週はチームで${items}に取り組みました。お疲れさまでした!`, ({ items }) => `先週の積み上げ: ${items}。みなさんの努力の成果です。`],
    leadQuiet: [() => '先週は記録が少なめでした。今週は新しいスタートです。', () => '先週の記録はわずかでした。今週も一歩ずつ進めましょう。'],
    change: ({ change }) => `前週比 ${change}`,
    changeFlat: '前週と同水準',
    changeNew: '前週は記録なし',
    funnelTitle: 'ファネル',
    funnelStep: ({ from, to, rate, group }) => `${from} → ${to}(${rate}${group ? `・${group}` : ''})`,
    rateTooFew: ({ rate }) => `${rate}は先週の件数が少なく判断できません`,
    formulas: ({ formulas }) => `率の定義: ${formulas}`,
    bottleneck: [
      ({ stage, current, baseline }) => `先週の${stage}は${current}(直前4週間は${baseline})でした。今週のコーチングはこの段階に絞りましょう。`,
      ({ stage, current, baseline }) => `ファネルでいちばん細くなったのは${stage}です(直前4週間 ${baseline} → 先週 ${current})。`,
    ],
    noBottleneck: [() => 'ファネルのどの段階も、直前4週間の水準を保っています。', () => '直前4週間と比べて、ファネルに目立った詰まりはありません。'],
    quality: [() => '活動量は増え、転換率がやや下がりました。いまは質を高めるタイミングです。', () => '量は十分です。次は一件一件の会話の質に目を向けましょう。'],
    volume: [() => '少ない活動量でも転換率は高い状態です。いまは量を増やすタイミングです。', () => '会話はしっかり成果につながっています。次は件数を増やしましょう。'],
    quiet: [({ metrics }) => `${metrics}は2週間、誰も記録していません。`, ({ metrics }) => `${metrics}: 直近2週間の記録がありません。`],
    focusTitle: '🎯 今週のフォーカス',
    focus: [
      ({ metric, amount, target }) => `今週は${metric}に集中しましょう。チームで${amount}積み上げれば、今月の目標(${target})へのペースを保てます。`,
      ({ metric, amount, target }) => `今週のテーマは${metric}です。チームで${amount}進めれば、今月の目標(${target})に届くペースです。`,
    ],
    focusStage: [({ stage }) => `今週は${stage}に集中しましょう。`, ({ stage }) => `今週のテーマは${stage}です。`],
    goalsReached: [({ metrics }) => `先週達成した目標: ${metrics} 🎉`, ({ metrics }) => `先週はチームで${metrics}の目標を達成しました 🎉`],
    footer: '詳しくは `/kpi status` と `/kpi tree` ・目標の設定は `/kpi target`',
  },
  alerts: {
    broken: ({ team, what, channel, reason }) => `*${team}* の${what}を ${channel} に投稿できませんでした: ${reason}。`,
    what: { daily: 'デイリーダイジェスト', weekly: '週次レビュー' },
    reasons: {
      channel_not_found: 'チャンネルが存在しないか、ボットから見えません',
      not_in_channel: 'ボットがチャンネルに参加していません。`/invite @KPI Review` で招待してください',
      is_archived: 'チャンネルがアーカイブされています',
      no_channel: 'チームの投稿先チャンネルがまだありません',
      other: 'Slackに受け付けられませんでした',
    },
    fix: '別のチャンネルにするには `/kpi settings channel #チャンネル` を使ってください。ほかのチームには影響ありません。このお知らせは一度だけ届きます。',
  },
  quietInput: ({ metric, kpis }) => `${metric}(${kpis}の元になる数)`,
  roleGroups: { inside: 'インサイドセールス', field: 'フィールドセールス', cs: 'カスタマーサクセス', manager: 'マネージャー' },
  advice: {
    metric: {
      calls: [
        () => '前日の夕方にリストを用意して、昼前に集中して架電する時間をつくってみましょう。',
        () => 'つながりやすい時間帯に1時間、電話だけの時間を確保してみてはどうでしょう?',
        () => 'リストを前日に準備しておけば、始業10分で最初の一本がかけられます。',
      ],
      connects: [() => '早朝や夕方など、架電する時間帯を変えて試してみましょう。', () => '先週つながった時間帯を確認して、明日の架電をそこに集めてみましょう。'],
      emails: [() => '一通ごとに冒頭の一文を相手の会社に合わせると、返信率が上がります。', () => '今日はすべての未対応リードに、問いを一つだけ添えたフォローメールを送ってみましょう。'],
      meetings: [() => '温度感の高いリードには当日中にフォローし、具体的な候補日時を2つ提示しましょう。', () => 'よい会話の最後は、商談をお願いするのではなく日時を提案して締めくくりましょう。'],
      visits: [() => 'エリアごとに訪問をまとめると、一回の外出で2〜3社を回れます。', () => '今週の会話が新鮮なうちに、来週の訪問を今日のうちに入れてしまいましょう。'],
      wins: [() => '進行中の提案をマネージャーと一緒に見直し、それぞれの次の一手を決めましょう。', () => '終盤の見込み客に「今月決めるには何が必要か」を聞いてみましょう。'],
      revenue: [() => '新規に加えて、既存顧客へのアップセルの機会も探してみましょう。', () => '金額の大きい案件から優先し、それぞれ決裁者との接点をつくりましょう。'],
      leads: [() => '最も転換率の高いチャネルから、今日は新規リードを10件追加してみましょう。', () => '今週満足度の高かったお客さまに、ご紹介を一件ずつお願いしてみましょう。'],
      upsells: [() => '利用が活発な3社を選び、アップグレードの提案を準備しましょう。', () => '定期連絡のたびに、今のプランでまだ満たせていないニーズを聞いてみましょう。'],
      cross_sells: [() => '上位5社それぞれに合う関連製品を一つずつ考えてみましょう。', () => '次の定期連絡で、別製品の短い導入事例を紹介してみましょう。'],
      renewals: [() => '60日以内に更新を迎えるお客さまに、今週中に連絡しましょう。', () => '更新を控えたお客さまに、この一年の成果を短くまとめて送りましょう。'],
      target_accounts: [() => '新しいターゲット企業を10社調べ、それぞれの切り口を一つメモしましょう。', () => '先月いちばん成果の出たセグメントで、ターゲットリストを更新しましょう。'],
      key_person_contacts: [() => '社内の推進者に決裁者が誰かを確認し、短い紹介をお願いしましょう。', () => '商談の前に、決裁者に聞きたい質問を一つ用意しておきましょう。'],
      ride_alongs: [() => '今週、新しいメンバーとの同行を一件入れましょう。', () => '今週は経験の浅いメンバーと成約力の高いメンバーで、一件一緒に商談に入ってみましょう。'],
      general: [() => '今日できる小さな一歩を一つ決めて、試したことを記録しましょう。', () => '今日は短い時間でもこの指標に向き合い、うまくいったことをメモしましょう。'],
    },
    stage: {
      connect: [() => '架電の時間帯を変え、リストの番号も見直してみましょう。リストが整うほどつながります。', () => '先週つながった時間帯を比べ、架電の時間をそこへ移してみましょう。'],
      meeting: [() => '今週一度、冒頭トークと商談打診のロールプレイをしてみましょう。トークスクリプトが締まると、会話が商談につながりやすくなります。', () => 'よい会話はすべて、具体的な日時を2つ提案して締めくくりましょう。'],
      win: [() => '送る前に提案書を一緒に見直し、商談ごとに決裁者とスケジュールを確認しましょう。', () => '終盤の商談に2件同行し、クロージングの会話で変えることを一つ決めましょう。'],
      other: [() => 'この段階の最近の案件を3件一緒に振り返り、次に変えることを一つ決めましょう。', () => 'この段階を通過した案件に共通することを書き出し、次の案件で試してみましょう。'],
    },
    quality: [() => 'チームで通話録音を2本聞き、見込み度を見極める質問を磨いてみましょう。', () => 'リストを急がず、下調べした質の高い架電に絞ると転換率が上がることがあります。'],
    volume: [() => '毎日の活動時間をブロックして、高い転換率を活かす機会を増やしましょう。', () => '1日に架電の時間をもう一枠足してみましょう。転換率がその分の成果を生みます。'],
    quiet: [
      ({ metrics }) => `${metrics}は、一日の終わりに10秒で記録する習慣で復活させるか、チームが見ているKPIに集中するために外すかを決めましょう。`,
      ({ metrics }) => `${metrics}を毎日記録して続けるか、目標から外してフォーカスを保つか、チームで話し合ってみましょう。`,
    ],
    momentum: [
      () => 'このリズムを保ち、うまくいっていることをメモしてチームで共有しましょう。',
      () => 'うまくいっている取り組みを続け、今日はコツを一つチャンネルで共有してみましょう。',
      () => '昨日うまくいったことを一つ選び、今日もう一度やってみましょう。',
      () => 'この余裕を使って、今日は新しい工夫を一つ試し、結果を記録してみましょう。',
    ],
  },
};
