import { context, header, section, type KnownBlock, type Message } from './blocks.js';
import { formatFigure, formatItems, formatQuantity, kpiLine, metricHeading, metricLabel } from './amounts.js';
import { gapWithSuggestion, paragraph, say, type Sentence, type Written } from './digest/sentences.js';
import type { DiagnosedKpi, DiagnosisModel } from './diagnosis.js';
import { periodName } from './status.js';
import { stageKind } from '../domain/funnel.js';
import { isPaced } from '../domain/progress.js';
import { formatDay, formatList, formatPercent, formatPoints, messages, parenthetical, pick, type Locale } from '../i18n/index.js';

const mention = (userId: string) => `<@${userId}>`;

/** A relative change as people say it: `−30%`. */
const signed = (change: number, locale: Locale) => `${change < 0 ? '−' : '+'}${formatPercent(Math.abs(change), locale)}`;

/** What the diagnosis says of one KPI: where it stands, the distance to the goal, the likely cause, and the seed's checklist for it. */
function kpiSentences(k: DiagnosedKpi, m: DiagnosisModel, locale: Locale, seed: string): { head: string; cause: Sentence[]; steps: string[] } {
  const c = messages(locale).cycle;
  const p = k.progress;
  const def = p.metric;
  const name = metricLabel(def, locale);
  const round = (n: number) => (isPaced(def) ? Math.round(n) : n);
  const q = (n: number) => formatQuantity(def, round(n), locale);
  const head = c.diagnoseKpi({ name: metricHeading(def, locale), figure: formatFigure(def, round(p.actual!), p.target, locale), attainment: p.attainment === null ? null : formatPercent(p.attainment, locale) });
  const open = p.target! - p.actual!;
  const distance = isPaced(def) ? q(Math.ceil(open)) : def.unit === 'percent' ? formatPoints(open, locale) : formatQuantity(def, open, locale);
  const d = k.diagnosis;
  const subjectPerson = m.subject.kind === 'person' ? m.subject.userId : null;
  let why: string;
  let steps: string[];
  switch (d.cause) {
    case 'design': {
      const suggested = d.why === 'farFromHistory' ? round(d.suggested) : null;
      const who = subjectPerson ? mention(subjectPerson) : 'team';
      const amount = suggested === null ? null : def.unit === 'percent' ? `${Math.round(suggested * 1000) / 10}%` : String(Math.ceil(suggested));
      const command = amount === null ? null : `/kpi target ${def.key} ${amount}/${p.period.kind} ${who}`;
      why = d.why === 'farFromHistory' ? c.designFar({ target: q(p.target!), best: q(d.best) }) : c.designUnlinked({ name });
      steps = c.checklist.design.map((f) => f({ name, suggested: suggested === null ? null : q(suggested), command }));
      break;
    }
    case 'execution': {
      const person = d.why === 'people' ? mention(d.people[0]!.userId) : null;
      const advice = d.why === 'stage' ? (m.stages.get(d.stage.key) ?? null) : null;
      if (d.why === 'people') {
        const change = d.people.length === 1 ? d.people[0]!.change : d.people.reduce((s, x) => s + x.change, 0) / d.people.length;
        why = c.executionPeople({ people: formatList(d.people.map((x) => mention(x.userId)), locale), change: formatPercent(Math.abs(change), locale), self: subjectPerson !== null, count: d.people.length });
      } else {
        const stage = m.stages.get(d.stage.key);
        const rate = stage?.rate ?? def;
        why = c.executionStage({ stage: metricLabel(rate, locale), current: formatQuantity(rate, d.stage.current!, locale), baseline: formatQuantity(rate, d.stage.baseline!, locale) });
      }
      const stageAdvice = advice ? pick(messages(locale).advice.stage[stageKind(advice)], seed, undefined) : null;
      steps = c.checklist.execution.map((f) => f({ name, person, self: subjectPerson !== null && (person === null || person === mention(subjectPerson)), advice: stageAdvice }));
      break;
    }
    case 'market':
      why = c.market({ fell: d.fell, of: d.of, change: signed(d.change, locale) });
      steps = c.checklist.market.map((f) => f({ name }));
      break;
    default:
      why = c.unclear;
      steps = c.checklist.unclear.map((f) => f({ name }));
  }
  return { head, cause: [...gapWithSuggestion(c.diagnoseDistance({ amount: distance, ended: m.ended }), steps[0]!), say('info', why)], steps };
}

/** `/kpi diagnose`: what holds first, then each KPI under pace with its likely cause and the seed's next steps. Only the caller sees it. */
export function renderDiagnosis(m: DiagnosisModel, subjectName: string, locale: Locale): Message & Written {
  const c = messages(locale).cycle;
  const span = `${formatDay(m.period.start, locale)}${messages(locale).separators.dateRange}${formatDay(m.asOf, locale)}`;
  const title = c.diagnoseTitle({ subject: subjectName, period: m.ended ? periodName(m.period, locale) : `${periodName(m.period, locale)}${parenthetical(span, locale)}` });
  if (!m.hasTargets) {
    const text = c.diagnoseNoTargets({ subject: subjectName });
    return { text: `${title}\n${text}`, blocks: [header(title), section(text)], sentences: [say('info', text)] };
  }
  const seed = `${m.asOf}:${subjectName}`;
  const lead: Sentence[] = m.holding.length
    ? [say('progress', pick(c.diagnoseHolds, seed, { items: m.holding.slice(0, 3).map((p) => kpiLine(p, locale)).join(messages(locale).itemSeparator) }))]
    : m.effort.length
      ? [say('progress', pick(c.diagnoseEffort, seed, { items: formatItems(m.effort, locale) }))]
      : [say('info', c.diagnoseFresh)];
  if (m.kpis.length === 0) {
    const done = c.diagnoseAllOnPace({ period: periodName(m.period, locale) });
    return { text: [title, paragraph(lead, locale), done].join('\n'), blocks: [header(title), section(`${paragraph(lead, locale)}\n${done}`), context(c.diagnoseFooter)], sentences: [...lead, say('info', done)] };
  }
  const blocks: KnownBlock[] = [header(title), section(paragraph(lead, locale))];
  const text = [title, paragraph(lead, locale)];
  const sentences = [...lead];
  for (const [i, k] of m.kpis.entries()) {
    const s = kpiSentences(k, m, locale, `${seed}:${i}`);
    const [gap, first, why] = s.cause;
    const body = [s.head, paragraph([gap!, why!], locale), c.checklistTitle, ...s.steps.map((x) => `• ${x}`)];
    blocks.push(section(body.join('\n')));
    text.push(...body);
    sentences.push(gap!, first!, why!);
  }
  const basis = c.diagnoseBasis({ from: formatDay(m.baseline.from, locale), to: formatDay(m.baseline.to, locale) });
  blocks.push(context(basis, c.diagnoseFooter));
  text.push(basis, c.diagnoseFooter);
  return { text: text.join('\n'), blocks, sentences };
}
