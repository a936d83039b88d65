import type { CoreCatalog } from '../catalog.js';

export const core: CoreCatalog = {
  today: '今日',
  yesterday: '昨日',
  nothingStored: '何も記録していません。',
  nothingChanged: '何も変更していません。',
  internalError: 'こちら側で問題が起きたため、何も記録していません。少し時間をおいてもう一度お試しください。',
  storeUnavailable:
    'いまKPIデータベースに接続できないため、何も記録していません。数分後にもう一度お試しください(管理者向けにログへ記録済みです)。',
  storeDamaged:
    'KPIデータベースの一部が破損しているため、この操作はできませんでした(何も変更していません)。管理者にはボットのログでお知らせしています。`kpi-bot check` で状態を確認できます。',
  stillWorking: '処理しています。まもなく結果をお送りします。',
  itemSeparator: '・',
  separators: { names: '・', details: '、', changes: '、', dateRange: '〜', dayRange: '〜', sentences: '' },
  withDate: ({ label, date }) => `${label}(${date})`,

  logStored: ({ items, when }) => `${when}の分として記録しました: ${items}`,
  dayTotal: ({ items, when, isToday }) => (isToday ? `今日の合計: ${items}` : `${when}の合計: ${items}`),
  logCheers: [
    () => '一つひとつの行動がパイプラインを前に進めています。',
    () => 'すぐに記録してくれてありがとうございます。チームの状況がよく見えます。',
    () => '積み重ねが成果につながります。この調子でいきましょう!',
    () => 'いいペースです。今日の記録が明日の計画をはっきりさせます。',
    () => 'こまめな記録、ありがとうございます。改善の第一歩です。',
  ],
  backdatedCheers: [
    () => '記録の追加、ありがとうございます。抜けのない記録が、ペースと計画を正確にします。',
    () => '埋めてくれてありがとうございます。これで今月の数字が全体を正しく表します。',
    () => '後からの記録も大切な一日分です。追加してくれてありがとうございます。',
  ],
  noteSaved: ({ note }) => `メモを保存しました:「${note}」`,
  newApproachCheers: [
    () => '新しいやり方を試すのは素晴らしいことです。効果は数字に表れてきます。',
    () => '試したことを書き残すのはいい習慣です。週次レビューで変化を確かめましょう。',
    () => 'こうしたチャレンジが転換率を動かします。次も試したことを残していきましょう!',
  ],
  undoHint: '数字を間違えたときは `/kpi edit <指標> <数>` で直せます。`/kpi undo` でこの記録ごと取り消すこともできます。',
  alreadyLogged: 'この記録はすでに保存済みです。二重には登録していません。',

  undone: ({ items, when, time }) => `${time}に記録した${when}の分を取り消しました: ${items}`,
  undoneDayTotal: ({ items, when }) => `${when}の合計は現在: ${items}`,
  undoneDayEmpty: ({ when }) => `${when}の記録はいまはありません。`,
  edited: ({ items, when, time }) => `${time}に記録した${when}の分を修正しました: ${items}`,
  editedItem: ({ from, to }) => `${from} → ${to}`,
  editUnchanged: ({ items }) => `${items}はすでにその数字で記録されています。変更はありません。`,
  editFooter: '修正前の数字も履歴に残ります。記録全体を取り消すときは `/kpi undo` を使います。',
  nothingToUndo: '取り消せる記録はありません。`/kpi log 架電 10` で記録できます。',

  overviewTitle: ({ when }) => `${when}のあなたの数字`,
  overviewEmpty: [
    () => '今日はまだ記録がありません。最初の一件から始めましょう: `/kpi log 架電 10`',
    () => '新しい一日です。準備ができたら記録してみましょう: `/kpi log 架電 10`',
    () => '今日の記録はこれからです。小さな一件でも連続記録のスタートになります: `/kpi log メール 5`',
  ],
  overviewHint: '`/kpi log <指標> <数>` で記録できます。コマンドの一覧は `/kpi help` で見られます。',

  helpTitle: 'KPIボット: コマンド一覧',
  helpIntro: '活動を数秒で記録して、いまの位置を確認できます。詳しくは `/kpi help <コマンド>` をどうぞ。',
  helpMore: '指標名と数字は日本語でも英語でも使えます: `架電 45件`、`1,234`、`1.5k`、`3万`。',
  helpMetricsTitle: '記録できる指標',
  helpNumbers:
    '数字: `45`、`45件`、`1,234`、`1.5k`、`3万`、`1億2000万`、`¥30,000`。日付: `昨日`、`一昨日`、`yesterday`、`2026-11-20`、`11/20`(31日前まで)。',
  helpExamples: '例',
  helpUnknownTopic: ({ word }) => `「${word}」というコマンドはありません。すべてのコマンドはこちらです。`,
  help: {
    log: {
      usage: '/kpi log <指標> <数> [<指標> <数>…] [昨日|YYYY-MM-DD|M/D] [-- メモ]',
      summary: '今日または最近の日の活動を記録',
      details: [
        '1回で複数の指標を記録できます。すべて保存されるか、何も保存されないかのどちらかです。',
        '`--` の後ろに書いたメモは記録と一緒に残ります(試したことを書いておくと、レビューで新しい取り組みとして紹介されます)。',
        '商談をフィールドセールスに引き継ぐときは `→ @メンバー`、受注をアポを取ったインサイドセールスに紐づけるときは `← @メンバー` と書くと、インサイドセールスに自分の商談の受注率が表示されます。',
      ],
      examples: ['/kpi log 架電 45 商談 3', '/kpi log calls 45 meetings 3', '/kpi log 受注 1 売上 120万 昨日', '/kpi log 架電 30 -- 新しいトークを試した', '/kpi log 商談 1 → @千葉'],
    },
    edit: {
      usage: '/kpi edit <指標> <数> [<指標> <数>…] [昨日|YYYY-MM-DD|M/D]',
      summary: 'その指標の直近の記録の数字を修正',
      details: [
        '指定した指標ごとに、直近31日以内の最新の記録(日付を指定したときはその日の最新の記録)を修正します。同じ記録のほかの数字はそのままです。',
        'すべて修正されるか、何も修正されないかのどちらかです。修正前の数字は、取り消しと同じく履歴に残ります。',
      ],
      examples: ['/kpi edit 架電 40', '/kpi edit 架電 40 商談 2', '/kpi edit 商談 3 昨日'],
    },
    undo: {
      usage: '/kpi undo',
      summary: '直前の記録を取り消す(その記録の数字すべて)',
      details: ['もう一度実行すると、その前の記録を取り消します。取り消した記録も履歴には残ります。'],
      examples: ['/kpi undo'],
    },
    help: {
      usage: '/kpi help [コマンド]',
      summary: 'このヘルプ、または一つのコマンドの詳細',
      details: [],
      examples: ['/kpi help log'],
    },
    overview: {
      usage: '/kpi',
      summary: '今日・今週・今月のあなたの数字',
      details: [],
      examples: ['/kpi'],
    },
    status: {
      usage: '/kpi status [@メンバー] [day|week|month|quarter]',
      summary: 'KPIごとの現在地: 達成率、ペース、着地見込み、残り営業日1日あたりに必要な数',
      details: [
        '率は元になった件数と計算式と並べて表示します(`/kpi help rates`)。パイプラインなどのスナップショットは最新の値と日付を表示します。',
        'マネージャーは自チームのメンバーの、管理者は全員の状況を見られます。',
      ],
      examples: ['/kpi status', '/kpi status 週', '/kpi status @aki 月'],
    },
    target: {
      usage: '/kpi target <指標> <数>/<日|週|月|四半期> [@メンバー…|members|team]',
      summary: '目標を設定(マネージャー・管理者)。引数なしでフォームが開きます',
      details: [
        '`members`(省略時)はチームの各メンバーに、`team` はチーム合計に設定します。',
        '日の目標は営業日1日あたりです。変更は今日から適用され、過去の期間は当時の目標のままです。`off` で目標を外せます。',
        '率はパーセントで指定します: `/kpi target 受注率 20%/月`。解約率のような期間ごとの割合は年で設定でき(`/kpi target 解約率 5%/年`)、月は複利換算した割合で判定します。',
      ],
      examples: ['/kpi target 架電 50/日', '/kpi target 商談 30/月 @aki', '/kpi target 売上 1000万/月 team'],
    },
    targets: {
      usage: '/kpi targets [@メンバー]',
      summary: '現在有効な目標の一覧',
      details: [],
      examples: ['/kpi targets', '/kpi targets @aki'],
    },
    template: {
      usage: '/kpi template <sdr|bdr|field|cs|manager> @メンバー… [all]',
      summary: '役割ごとの主要KPI(1〜3個)と記事の目標例をまとめて設定(マネージャー・管理者)',
      details: ['例: フィールドセールスは 商談 30件/月、受注率 20%、平均受注単価 50万円。`all` を付けると補助KPI(訪問 10件/週、キーマン接触率 80%)も設定します。'],
      examples: ['/kpi template field @aki @ben', '/kpi template sdr @chika', '/kpi template cs @dan all'],
    },
    team: {
      usage: '/kpi team · /kpi team create <名前> [#チャンネル] [マネージャーとして] · /kpi team add @メンバー… [as manager] · /kpi team remove @メンバー…',
      summary: 'チームの表示、作成(管理者)、メンバーの追加・削除(そのチームのマネージャー・管理者)',
      details: [
        '一人が所属できるチームは一つです。チャンネルにはチームのダイジェストが届きます(省略時は入力したチャンネル)。',
        'チームを作成しただけではメンバーになりません。自分で管理するときは `マネージャーとして`(または `as manager`)を付けてください。DMを受け取り、ダイジェストの人数に数えられ、マネージャーとして名前が出るのはメンバーだけです。',
        'マネージャーを降りるには `/kpi team remove @自分`、メンバーとして残るなら `/kpi team add @自分`。',
      ],
      examples: ['/kpi team create 東京インサイドセールス #sales-tokyo', '/kpi team create 大阪フィールド マネージャーとして', '/kpi team add @aki @ben', '/kpi team add @mika as manager'],
    },
    settings: {
      usage: '/kpi settings [<項目> <値>]',
      summary: 'チームの設定。引数なしでフォームが開きます(そのチームのマネージャー・管理者)',
      details: [
        '項目: `timezone <IANA名>` · `language <ja|en>` · `daily <HH:MM|off>` · `weekly <曜日> <HH:MM|off>` · `workdays <mon-fri|…>` · `holidays <jp|none>` · `catchup <時間>` · `morning-dm <on|off>` · `1on1-lead <時間|default>` · `funnel <指標> <指標>…` · `reminder <HH:MM|on|off>` · `pace-alerts <on|off>` · `month-review <on|off>` · `kickoff <on|off>` · `closures [削除] <開始-終了>|クリア`。',
        '`休業日 12/29-1/3`(`closures 12/29-1/3`)で年末年始などの休業日を追加します。その日はダイジェストもDMもリマインダーも送らず、誰のペースにも数えません。削除しても過ぎた日はそのまま残ります。',
        '`reminder 17:30` で、営業日のその時刻までに記録がない人にDMでお知らせします(初期設定はオフ。各自 `/kpi reminder off` で止められます)。`pace-alerts on` で、KPIが月の目標の70%を下回る見込みのときにマネージャーへ個別に知らせます。',
        '`month-review` と `kickoff`(初期設定はオン): 毎月の最初の営業日の週次の時刻に、前月の月次レビュー(結果・ツリー・うまくいったこと・決定事項)と、今月のキックオフ(目標と営業日ごとの計画)をチャンネルに投稿します。',
      ],
      examples: ['/kpi settings daily 08:30', '/kpi settings 休業日 12/29-1/3', '/kpi settings reminder 17:30', '/kpi settings pace-alerts on', '/kpi settings timezone Asia/Tokyo'],
    },
    tree: {
      usage: '/kpi tree · /kpi tree set <指標> <数>/<期間> [under <指標>] · /kpi tree clear · /kpi tree example [use]',
      summary: 'KGI → KPIツリーと各ノードの達成率。マネージャーがノードごとに定義できます',
      details: [
        '`under` なしで最初に設定したノードがKGIです。ツリーを定義していない場合は、チームの目標からファネルに沿って自動で組み立てます。',
        '`/kpi tree example` で記事の例(MRR 1,000万円)をチームの実績と一緒に表示し、`use` で採用できます。',
      ],
      examples: ['/kpi tree', '/kpi tree set 売上 1000万/月', '/kpi tree set 受注 50/月 under 売上', '/kpi tree example'],
    },
    '1on1': {
      usage: '/kpi 1on1 @メンバー · /kpi 1on1 schedule [@メンバー <曜日> <HH:MM> [every 1|2 weeks]] · /kpi 1on1 unschedule @メンバー · /kpi 1on1 plan @メンバー <プラン>',
      summary: 'メンバーの1on1準備メモをDMで(いますぐ、または設定した1on1の前に。担当マネージャー・管理者)',
      details: [
        '準備メモ: 達成率と推移、よかったこと、取り組むポイント、質と量のバランス、落とし穴、3つの質問、アクションプラン案、前回のプラン(「毎日新規リード10件」のように数のあるアクションは、その後の記録と照らし合わせます)。',
        '保存したプランは、メンバーの朝のDMとApp Homeにも6週間表示されます。',
        '1on1の2時間前(午前の1on1はデイリーダイジェストの時刻)、または `1on1-lead` で指定した時間前に届きます(`/kpi settings`)。',
      ],
      examples: ['/kpi 1on1 @aki', '/kpi 1on1 schedule @aki 金 15:00', '/kpi 1on1 schedule @ben 火 10:00 every 2 weeks', '/kpi 1on1 plan @aki 毎日新規リード10件、金曜にロールプレイ'],
    },
    export: {
      usage: '/kpi export [YYYY-MM]',
      summary: 'あなたの記録(マネージャーはチームの記録)をCSVファイルでDMに',
      details: ['月を省略するとすべての記録です。取り消した記録は含みません。`kpi-bot export` と同じ形式です。'],
      examples: ['/kpi export', '/kpi export 2026-11'],
    },
    'morning-dm': {
      usage: '/kpi morning-dm <on|off>',
      summary: '営業日の朝に届くあなた向けのプランDMのオン・オフ',
      details: ['チームの設定(`/kpi settings morning-dm`)は全員に適用されます。こちらはあなた個人の選択です。'],
      examples: ['/kpi morning-dm off'],
    },
    off: {
      usage: '/kpi off [<日付>|<開始>-<終了>] · /kpi off cancel <日付>|<開始>-<終了>',
      summary: 'あなたの休み。ペース・残り営業日・連続記録の計算から外し、その日はDMもリマインダーも届きません',
      details: [
        '日付なしなら、これからの休み(とチームの休業日)を表示します。期間は62日まで、31日前から1年先まで。`12/29-1/3` のように年をまたげます。',
        'Slackのステータスが「🌴 休暇中」の日も休みとして扱います(毎朝プロフィールと一緒に読み取ります)。',
      ],
      examples: ['/kpi off 12/24-12/26', '/kpi 休み 12月24日〜26日', '/kpi off', '/kpi off cancel 12/26'],
    },
    client: {
      usage:
        '/kpi client · /kpi client add <クライアント名> [#チャンネル] [weekly|monthly] [en|ja] · /kpi client <名前> add|remove @メンバー… [default] · /kpi client <名前> default · /kpi client <名前> target|settings|tree|definitions … · /kpi client <名前> report [weekly|monthly]',
      summary: '営業代行のクライアント案件: 担当者、クライアントと合意した目標、クライアントのチャンネルへのレポート',
      details: [
        '案件には、その案件を指定した記録(`/kpi log 架電 40 @acme`)と、担当がその案件だけの人・既定にしている人の記録が集計されます。担当者は自分のチームにも所属したままです。',
        'レポートはクライアントのチャンネル(Slackコネクトの共有チャンネルも可)に、クライアントの言語で週次または月次に届きます。チーム合計のみで、フェーズ別の転換率と計算式・合意した定義、達成率と着地見込み、取り組むステップと次のアクション、前回レビューの決定事項、次回レビューのアジェンダを載せます。',
        '案件を始めたチームのマネージャーと管理者が運用します。`report` だけを付けると、いまクライアントに届くレポートを確認できます。',
      ],
      examples: ['/kpi client add Acme #acme-shared weekly ja', '/kpi client acme add @秋山 @坂本', '/kpi client acme target 商談 40/月', '/kpi client acme report'],
    },
    decision: {
      usage: '/kpi decision [@クライアント] <決めたこと> · /kpi decision [@クライアント]',
      summary: 'レビュー会議で決めたことを記録(次回のレポートに載ります)',
      details: ['クライアントを指定しないときは、自分のチームの決定事項になります。本文を書かないと、最近の決定事項を表示します。'],
      examples: ['/kpi decision @acme ウェビナー経由のリードを架電リストの先頭にする', '/kpi decision @acme'],
    },
    definitions: {
      usage: '/kpi definitions [@クライアント]',
      summary: 'チーム(またはクライアント案件)のKPIごとの単位・測り方・計算式・合意した定義',
      details: ['指標が何を数えるかは `/kpi metric edit <名前> definition <説明>` で残せます。レポートにも表示されます。'],
      examples: ['/kpi definitions', '/kpi definitions @acme'],
    },
    reminder: {
      usage: '/kpi reminder <on|off>',
      summary: '記録のない営業日の夕方に届くリマインダーのオン・オフ',
      details: ['チームでリマインダーが設定されているとき(`/kpi settings reminder 17:30`)だけ、DMで、営業日ごとに一度まで届きます。'],
      examples: ['/kpi reminder off'],
    },
    metric: {
      usage: '/kpi metric · /kpi metric add <名前> [count|currency] [snapshot] [aliases a,b] · /kpi metric rate <名前> = <指標> / <指標> [at start] · /kpi metric edit <名前> … · /kpi metric retire|restore <名前>',
      summary: 'ワークスペースの指標と計算式。マネージャーが独自の指標を追加・見直し・廃止できます',
      details: [
        '件数は期間で合計し、スナップショット(担当顧客数、パイプライン)は次の記録まで最新の値を引き継ぎ、率は2つの指標から計算します(記録はしません)。',
        'ひとつの名前はひとつの指標だけを表します。廃止しても履歴は残ります。`/kpi metric add` だけでフォームが開きます。',
      ],
      examples: ['/kpi metric add 有効商談 count aliases valid-meetings', '/kpi metric rate 有効商談率 = 有効商談 / 商談', '/kpi metric add 見込み案件 snapshot', '/kpi metric'],
    },
    plan: {
      usage: '/kpi plan <金額>/<期間> [deal <単価>] [win <率>] [meeting <率>] [適用]',
      summary: '逆算: 売上目標に必要な受注・商談・架電の数(合計と営業日1日あたり)。`適用` でチームの目標とツリーにします',
      details: [
        'チームの直近90日の実績(履歴が少ないときはテンプレートの標準値)を使います。受注率と平均単価はフィールドセールス、商談化率はインサイドセールスの実績です。率を指定してシナリオを試せます。',
        '`適用`(`apply`)を付けると計画にボタンが付きます。チームのマネージャーか管理者が押すと、売上・受注・商談・架電をチーム合計の目標としてその日から設定し、KPIツリーを 売上 → 受注 → 商談 → 架電 にします。2回押しても変わりません。',
      ],
      examples: ['/kpi plan 700万/月', '/kpi plan 700万/月 deal 14万 win 50% meeting 20%', '/kpi plan 1000万/月 適用'],
    },
    diagnose: {
      usage: '/kpi diagnose [@メンバー|team|自分]',
      summary: 'KPIがペースを下回る原因を、KPIの設計・実行(一人または一つのステップ)・市場に切り分け、次にやることと一緒に表示します(あなたにだけ表示)',
      details: [
        '設計: 目標が直近3か月の最高の1.5倍を超えている、またはKPIがツリーにもファネルにもない。実行: チームは横ばいの中で一人の数字、または他のステップは横ばいの中で一つのステップの転換率が下がった。市場: ほとんどの人が同時に下がった。',
        'メンバーは自分のKPIを、マネージャーはチーム(引数なしの既定)とメンバーを、管理者は誰でも診断できます。月の最初の3営業日は前月全体を診断します。',
      ],
      examples: ['/kpi diagnose', '/kpi 診断 チーム', '/kpi diagnose @aki'],
    },
  },

  problems: {
    unknownCommand: ({ word, suggestions }) =>
      `「${word}」というコマンドは見つかりませんでした。${suggestions ? `もしかして ${suggestions} でしょうか? ` : ''}\`/kpi help\` でコマンドの一覧を確認できます。`,
    emptyLog: '記録する指標と数を入力してください。',
    missingValue: ({ metric }) => `${metric}の後ろに数を入力してください。`,
    notANumber: ({ metric, word }) => `「${word}」は${metric}の数として読み取れませんでした。`,
    numberWithoutMetric: ({ word }) => `「${word}」に対応する指標がありません。数字の前か後ろに指標名を書いてください。`,
    negative: ({ word }) => `マイナスの数(「${word}」)は記録できません。記録を訂正するときは \`/kpi edit <指標> <数>\` を使ってください。`,
    notWhole: ({ metric, value }) => `${metric}は整数で入力してください(入力: ${value})。`,
    percentOnCount: ({ metric, word }) => `${metric}には件数を入力してください(「${word}」はパーセントです)。`,
    tooLarge: ({ amount, max }) => `1日で${amount}は入力ミスのようです。1日の上限は${max}です。`,
    dayTotalTooLarge: ({ total, max, metric }) =>
      `この記録で、その日の${metric}が${total}になり、1日の上限(${max})を超えます。数字を確認してもう一度お試しください。`,
    unknownMetric: ({ word, suggestions }) =>
      `「${word}」という指標は見つかりませんでした。${suggestions ? `もしかして ${suggestions} でしょうか?` : '`/kpi help log` で指標の一覧を確認できます。'}`,
    derivedMetric: ({ metric, numerator, denominator }) =>
      `${metric}は${numerator}と${denominator}から自動で計算されます。そちらを記録してください。`,
    badDate: ({ word }) => `「${word}」は日付として読み取れませんでした。`,
    twoDates: ({ word }) => `日付は1回の記録につき一つだけ指定できます(2つ目:「${word}」)。`,
    twoClients: ({ word }) => `1回の記録で指定できるクライアントは一つです(2つ目:「${word}」)。`,
    unknownClient: ({ word, choices }) => `「${word}」というクライアントはこのワークスペースにありません。${choices ? `あなたの担当は${choices}です。` : ''}`,
    whichClient: ({ choices, example }) =>
      `あなたは${choices}を担当しています。どのクライアントの分か ${example} のように書いてください。\`/kpi client <名前> default\` で既定のクライアントを決めることもできます。`,
    notInClient: ({ client }) => `あなたはまだ${client}の担当ではありません。マネージャーが \`/kpi client ${client} add @あなた\` で追加できます。`,
    nothingToEdit: ({ metric, when, max }) =>
      `${when ? `${when}の` : `直近${max}日間に`}${metric}の記録がないため、修正できません。新しく記録するときは \`/kpi log\` を使ってください。`,
    snapshotTwice: ({ metric, first, second }) => `${metric}はある時点の値を記録する指標ですが、この記録には2つの値(${first}と${second})があります。いまの値を一つだけ記録してください。`,
    futureDate: ({ day }) => `${day}はまだ先の日付です。記録できるのは今日以前の分です。`,
    tooOld: ({ day, max }) =>
      `${day}は${max}日より前のため記録できません。それより前の履歴は、管理者がCSVで取り込めます(\`kpi-bot import\`)。`,
    noteTooLong: ({ max }) => `メモが${max}文字を超えています。短くしてください。`,
    textTooLong: ({ max }) => `コマンドが${max}文字を超えています。短くしてください。`,
    unexpectedWord: ({ command, word }) => `\`/kpi ${command}\` の後ろには何も付けません(入力:「${word}」)。`,
    missingMetric: '架電や商談などの指標名を入力してください。',
    unknownMetricIn: ({ word, suggestions }) => `「${word}」という指標は見つかりませんでした。${suggestions ? `もしかして ${suggestions} でしょうか?` : ''}`,
    badTargetValue: ({ word }) => `「${word}」はここで使える値ではありません(数、または率なら 20% のようなパーセント)。`,
    badPeriod: ({ word }) => (word ? `「${word}」は期間として読み取れません。日・週・月・四半期のいずれかを使ってください。` : '期間を指定してください(日・週・月・四半期。例: 50/日)。'),
    missingPeople: '対象のメンバーを @名前 でメンションしてください。',
    unknownRole: ({ word }) => `「${word}」というテンプレートはありません。sdr、bdr、field、cs、manager のいずれかを使ってください。`,
    missingTeamName: 'チーム名を入力してください。',
    unknownSettingKey: ({ word, keys }) => `「${word}」という設定項目はありません。設定できる項目: ${keys}`,
    unknownWord: ({ word }) => `「${word}」の部分が読み取れませんでした。`,
    badRate: ({ word }) => `「${word}」は使える値ではありません(率は 20% のようなパーセント、単価は金額で指定してください)。`,
    retiredMetric: ({ metric }) => `${metric}はこのワークスペースで廃止されています。履歴は残っていますが、新しい記録や目標は受け付けません。マネージャーが \`/kpi metric restore\` で戻せます。`,
    handoffNotAPerson: ({ word }) => `→ や ← の後ろには相手をメンションで書いてください(「${word}」はメンションではありません)。例: \`/kpi log 商談 1 → @千葉\``,
    badFormula: ({ word }) => `「${word}」は計算式として読み取れません。分子の指標、スラッシュ、分母の指標の順に書いてください。例: \`商談 / 架電\`(分子は + で足せます)。`,
  },
  rightForm: ({ usage, example }) => `書き方: \`${usage}\`  例: \`${example}\``,
};
