import type { CycleCatalog } from '../cycle-catalog.js';

export const cycle: CycleCatalog = {
  cycle: {
    kgiGap: ({ target, forecast, distance, perDay }) => `KGI: 着地見込み ${forecast} → 目標 ${target}、ゴールまであと ${distance}${perDay ? `(残りの営業日で1日あたり約${perDay})` : ''}`,
    kgiSoFar: ({ target, actual, distance, perDay }) => `KGI: ここまで ${actual} → 目標 ${target}、ゴールまであと ${distance}${perDay ? `(残りの営業日で1日あたり約${perDay})` : ''}`,
    kgiOnCourse: ({ target, forecast }) => `KGI: 着地見込み ${forecast}、目標 ${target} に届くペースです`,
    kgiReached: ({ target, actual }) => `KGI: ここまで ${actual}、目標 ${target} を達成しました ✓`,

    reviewTitle: ({ team, month }) => `🗓️ 月次レビュー・${team}・${month}`,
    reviewLead: [
      ({ items, month }) => `${month}はチーム全体で${items}を積み上げました。みなさん、おつかれさまでした。`,
      ({ items, month }) => `${month}のチームの成果: ${items}。一つひとつの記録の積み重ねです。`,
      ({ items, month }) => `${month}をチーム合計で振り返ると、${items}でした。`,
    ],
    reviewLeadQuiet: ({ month }) => `${month}は記録が少なめでした。目標から振り返ります。`,
    reviewReached: [({ metrics, month }) => `${metrics}は${month}の目標を達成しました 🎉`, ({ metrics, month }) => `${month}の目標達成: ${metrics} 🎉`],
    resultsTitle: ({ month }) => `*${month}の目標に対する結果*`,
    resultLine: ({ name, figure, attainment, previous }) => `• ${name}: ${figure}${attainment ? `(${attainment})` : ''}${previous ? `、前月 ${previous}` : ''}`,
    resultReached: '、達成 ✓',
    resultDistance: ({ amount }) => `、ゴールまであと${amount}でした`,
    noTeamTargets: ({ month }) => `${month}はチームの目標が設定されていませんでした。マネージャーは \`/kpi plan <金額>/月 適用\` か \`/kpi target\` で設定できます。`,
    treeTitle: '*KGI → KPIツリー*',
    workedTitle: '*うまくいったこと*',
    workedKpi: [
      ({ kpi, before, after, rise, previous }) => `${kpi}が1営業日あたり${before}から${after}に伸びました(${previous}比+${rise})。何が効いたのかを共有して、続けていきましょう。`,
      ({ kpi, before, after, rise, previous }) => `いちばん伸びたのは${kpi}です: ${previous}の1営業日あたり${before}から${after}へ(+${rise})。`,
    ],
    workedStage: [
      ({ stage, before, after, previous }) => `${stage}が${previous}の${before}から${after}に上がりました。このステップへの取り組みが実を結んでいます。`,
      ({ stage, before, after, previous, month }) => `${stage}がいちばん改善しました: ${previous} ${before} → ${month} ${after}。`,
    ],
    workedSteady: [({ previous }) => `ペースも転換率も${previous}と同じ水準を保ちました。安定した積み重ねが次の土台です。`],
    nextTitle: ({ month }) => `*${month}に向けて*`,
    nextFocus: [
      ({ kpi, distance, month, next }) => `${month}は${kpi}がゴールまであと${distance}でした。${next}は${kpi}を伸ばしていきましょう。`,
      ({ kpi, distance, month, next }) => `${next}の重点は${kpi}です。${month}はゴールまで${distance}のところまで来ました。`,
    ],
    nextAllReached: [
      ({ month, next }) => `${month}はチームの目標をすべて達成しました。${next}もこのリズムでいきましょう。`,
      ({ month, next }) => `${month}は全目標を達成。${next}もこの調子で積み上げていきましょう。`,
    ],
    onePractice: ({ advice }) => `次の一手: ${advice}`,
    decisionsTitle: ({ month }) => `*${month}の決定事項*`,
    noDecisions: ({ month, command }) => `${month}に記録された決定事項はありません。次のレビューで決めたことは \`${command}\` で記録できます。`,
    reviewFooter: 'チーム合計のみを表示しています。マネージャーは `/kpi settings month-review off` でこのレビューを止められます。',

    kickoffTitle: ({ team, month }) => `🚀 キックオフ・${team}・${month}`,
    kickoffLead: [
      ({ month, last, items }) => `今日から${month}です。${last}に積み上げた${items}が土台です。ありがとうございました。`,
      ({ month, last, items }) => `${month}が始まりました。${last}の${items}を土台に進めましょう。`,
    ],
    kickoffLeadFirst: [({ month }) => `今日から${month}です。今月の計画を共有します。`, ({ month }) => `${month}のスタートです。今月の計画はこちらです。`],
    kickoffKgi: ({ kgi, last, target, distance, lastMonth }) => `KGI: ${kgi} ${lastMonth}の実績 ${last} → 今月の目標 ${target}、埋めるギャップは${distance}です。`,
    kickoffKgiWithin: ({ kgi, last, target, lastMonth }) => `KGI: ${kgi} 今月の目標 ${target}(${lastMonth}の実績 ${last})。同じペースで届きます。`,
    kickoffTargetsTitle: ({ month, workdays }) => `*${month}の目標と営業日ごとの計画*(${workdays}営業日)`,
    kickoffLine: ({ name, target, perDay }) => `• ${name}: ${target}${perDay ? ` → チームで1営業日あたり${perDay}` : ''}`,
    kickoffNoTargets: ({ month }) => `${month}のチーム目標はまだありません。マネージャーは \`/kpi plan <金額>/月 適用\` か \`/kpi target\` で設定できます。`,
    kickoffStart: [
      () => '良いスタートのために: 今日の朝礼で、最初の1週間に各自が積む量を決めましょう。',
      () => '良いスタートのために: 最初の週のフォローと架電の時間を、今日のうちにカレンダーに入れましょう。',
      () => '良いスタートのために: チームでまず見るKPIを1つ決めて、毎日記録しましょう。',
    ],
    kickoffFooter: 'チーム合計のみを表示しています。マネージャーは `/kpi settings kickoff off` でキックオフの投稿を止められます。',

    applyTitle: '*この計画を適用しますか?*',
    applyAsk: ({ team, since, items, tree }) => `*${team}* のチーム目標を${since}から次のとおり設定します: ${items}。KPIツリーは ${tree} になります(今のツリーと置き換わります)。`,
    applyButton: '計画を適用する',
    applyHint: '適用できるのはチームのマネージャーと管理者です。2回押しても変わりません。',
    applyModalTitle: '逆算プラン',
    applied: ({ team, since, items, tree }) => `✅ *${team}* のチーム目標に適用しました(${since}から): ${items}。KPIツリーは ${tree} になりました。\`/kpi tree\` で達成率とあわせて確認できます。`,
    appliedAlready: ({ day, by }) => `この計画は${day}に${by}さんが適用済みです。何も変更していません。`,
    applyExpired: ({ period }) => `この計画は${period}のもので、期間が終わっているため何も変更していません。今の期間の分は \`/kpi plan <金額>/月 適用\` でもう一度作成してください。`,
    applyMissing: 'このワークスペースにはない計画のため、何も変更していません。',
    applyNoMetrics: 'このワークスペースでは売上・受注・商談・架電がすべて廃止されているため、適用するものがありません。',

    planTitle: ({ day }) => `🧭 あなたのアクションプラン(${day}に合意)`,

    keptTitle: '合意したアクションの実行状況',
    keptLine: ({ agreed, logged, days, share }) => `合意: ${agreed}。記録: ${days}営業日で${logged}(${share})。`,
    keptNone: ({ agreed, days }) => `合意: ${agreed}。その後${days}営業日、記録はまだありません。`,
    keptReached: [({ metric }) => `${metric}は合意どおり実行できています。プランが目指した習慣です。`, ({ metric }) => `${metric}のアクションは合意以上に実行できています。まずここを認めましょう。`],
    keptDistance: ({ more }) => `あと${more}で合意した量に届きます。`,
    keptAdvice: [
      () => '少なかった日に何が妨げになったかを聞き、その時間を朝いちばんに確保してみましょう。',
      () => 'アクションを毎日始めやすくする小さな工夫を一つ決めてみましょう。',
    ],
    keptNoneAdvice: [() => '実行したが記録していないのか、週の予定に合わせてアクションを見直すべきかを話してみましょう。'],
    keptTooSoon: 'プランの合意から日が浅く、まだ記録と照らし合わせられません。',
    keptNoKpi: 'プランのアクションに、記録している指標の数値がないため、記録と照らし合わせるものはありません。',
    perCadence: {
      workday: ({ name, quantity }) => `${name} 1営業日あたり${quantity}`,
      week: ({ name, quantity }) => `${name} 週${quantity}`,
      month: ({ name, quantity }) => `${name} 月${quantity}`,
    },

    diagnoseTitle: ({ subject, period }) => `🩺 KPI診断: ${subject}・${period}`,
    diagnoseHolds: [({ items }) => `順調なもの: ${items}。`, ({ items }) => `ペースどおり: ${items}。`],
    diagnoseEffort: [({ items }) => `ここまでの積み上げ: ${items}。`, ({ items }) => `ここまでの活動: ${items}。`],
    diagnoseFresh: 'この期間の記録はまだ少なめです。目標から読み解きます。',
    diagnoseAllOnPace: ({ period }) => `${period}のKPIはすべてペースどおりか達成済みです。診断するものはありません。この調子でいきましょう。`,
    diagnoseNoTargets: ({ subject }) => `${subject}にはまだ診断できる目標がありません。\`/kpi target\` か \`/kpi plan <金額>/月 適用\` で設定してください。`,
    diagnoseKpi: ({ name, figure, attainment }) => `*${name}*: ${figure}${attainment ? `(${attainment})` : ''}`,
    diagnoseDistance: ({ amount, ended }) => (ended ? `ゴールまであと${amount}でした。` : `あと${amount}でゴールです。`),
    designFar: ({ target, best }) => `KPIの設計の問題と考えられます: 目標${target}は、直近3か月の最高(${best})の1.5倍を超えています。`,
    designUnlinked: ({ name }) => `KPIの設計の問題と考えられます: ${name}はチームのKPIツリーにもファネルにもなく、KGIにつながっていません。`,
    executionPeople: ({ people, change, self }) =>
      self ? `実行面の課題と考えられます: チームは横ばいの中、あなたのペースが直近3か月より${change}下がっています。` : `実行面の課題と考えられます: チームの他のメンバーは横ばいの中、${people}のペースが直近3か月より${change}下がっています。`,
    executionStage: ({ stage, current, baseline }) => `一つのステップの実行面の課題と考えられます: 他のステップは横ばいの中、${stage}が${current}(直近3か月は${baseline})です。`,
    market: ({ fell, of, change }) => `市場環境の影響と考えられます: ${of}人中${fell}人のペースが同時に直近3か月を下回っています(中央値${change})。`,
    unclear: 'ひとつの原因はまだ見えていません。目標は直近の実績から届く範囲で、特定の人やステップだけが動いたわけでもありません。',
    checklistTitle: '次にやること:',
    checklist: {
      design: [
        ({ name, suggested, command }) =>
          suggested ? `市場データや過去実績から目標値を再設定しましょう: 最高の月の1.1倍の約${suggested}が目安です${command ? `(\`${command}\`)` : ''}。` : `${name}の計測ツールや定義を再確認しましょう(\`/kpi definitions\`)。`,
        ({ name }) => `KPIツリーを見直し、${name}がKGIの下につながっているか確認しましょう(\`/kpi tree\`、つなぐなら \`/kpi tree set … under …\`)。`,
        ({ name }) => `${name}は転換率とあわせて見て、質と量のバランスを再考しましょう。`,
      ],
      execution: [
        ({ person, self, name }) =>
          self
            ? '自分のファネルの各フェーズ(架電数・商談化率・受注率など)を一つずつ確認しましょう(`/kpi status`)。'
            : person
              ? `${person}さんの各フェーズのKPI(架電数・商談化率・受注率など)を個別に確認しましょう(\`/kpi status ${person}\`)。`
              : `${name}の手前にある各フェーズのKPI(架電数・商談化率・受注率など)を個別に確認しましょう。`,
        ({ advice }) => (advice ? `このステップには: ${advice}` : 'ここ数週間の活動メモを一緒に見て、やり方の変化を確かめましょう。'),
        ({ person, self }) =>
          self
            ? '試してみたい具体的な変化を一つ次の1on1に持っていき、マネージャーとプランを合意しましょう。'
            : person
              ? `1on1で具体的なフィードバックと改善計画を共有しましょう(\`/kpi 1on1 ${person}\`、合意したら \`/kpi 1on1 plan ${person} …\`)。`
              : '次のレビューで改善計画を決め、`/kpi decision …` で記録しましょう。',
      ],
      market: [
        () => '市場調査を行い、季節要因や予算、顧客の状況などビジネス環境の変化を把握しましょう。',
        () => '競合分析で、成約しなかった案件がどこに決まったのか、自社の立ち位置を確認しましょう。',
        () => '最近の商談の声から、製品・サービスの強みと弱みを再評価しましょう。',
        () => '営業戦略やターゲット顧客の見直しを検討し、決めたことは `/kpi decision …` で記録しましょう。',
      ],
      unclear: [
        ({ name }) => `${name}の現場で何が起きているか、担当しているメンバーに聞いてみましょう。`,
        ({ name }) => `${name}がすべて、その日のうちに記録されているか確認しましょう。`,
        () => '1週間後にもう一度見てみましょう。記録が1週間増えると原因が見えることがよくあります。',
      ],
    },
    diagnoseBasis: ({ from, to }) => `それぞれ、${from}〜${to}の平均と比べています。`,
    diagnoseFooter: 'この診断はあなたにだけ表示されています。',
  },
};
