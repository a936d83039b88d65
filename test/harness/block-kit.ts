/**
 * Block Kit's limits, checked on every payload the bot builds: blocks per surface, text lengths,
 * fields per section, a `text` fallback on messages. Used by the fake Slack on every call it
 * records and by the harness on every command answer, so every end-to-end test applies it.
 */

export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

interface Loose {
  [key: string]: unknown;
}

function textOf(value: unknown): string {
  return typeof value === 'object' && value !== null && typeof (value as Loose).text === 'string' ? ((value as Loose).text as string) : '';
}

/** Every problem with a payload, as readable lines; empty when it is within the limits. */
export function blockKitProblems(payload: { text?: unknown; blocks?: unknown }, surface: Surface): string[] {
  const problems: string[] = [];
  if (surface === 'message') {
    if (typeof payload.text !== 'string' || payload.text.trim() === '') problems.push('a message needs a non-empty text fallback');
    else if (payload.text.length > 40_000) problems.push(`text fallback of ${payload.text.length} characters (max 40,000)`);
  }
  const blocks = (payload.blocks ?? []) as Loose[];
  if (!Array.isArray(blocks)) return [...problems, 'blocks is not an array'];
  if (blocks.length > MAX_BLOCKS[surface]) problems.push(`${blocks.length} blocks in a ${surface} (max ${MAX_BLOCKS[surface]})`);
  blocks.forEach((b, i) => {
    const where = `block ${i} (${String(b.type)})`;
    if (b.block_id !== undefined && String(b.block_id).length > 255) problems.push(`${where}: block_id over 255 characters`);
    switch (b.type) {
      case 'header':
        if (textOf(b.text).length > 150) problems.push(`${where}: header text over 150 characters`);
        if ((b.text as Loose | undefined)?.type !== 'plain_text') problems.push(`${where}: header text must be plain_text`);
        break;
      case 'section': {
        const text = textOf(b.text);
        const fields = (b.fields ?? []) as Loose[];
        if (!text && fields.length === 0) problems.push(`${where}: a section needs text or fields`);
        if (text.length > 3000) problems.push(`${where}: section text of ${text.length} characters (max 3,000)`);
        if (fields.length > 10) problems.push(`${where}: ${fields.length} fields (max 10)`);
        fields.forEach((f, j) => {
          if (textOf({ text: (f as Loose).text }).length > 2000) problems.push(`${where}: field ${j} over 2,000 characters`);
        });
        break;
      }
      case 'context': {
        const elements = (b.elements ?? []) as Loose[];
        if (elements.length === 0 || elements.length > 10) problems.push(`${where}: ${elements.length} context elements (1 to 10)`);
        elements.forEach((e, j) => {
          if (textOf(e).length > 3000) problems.push(`${where}: element ${j} over 3,000 characters`);
        });
        break;
      }
      case 'actions': {
        const elements = (b.elements ?? []) as Loose[];
        if (elements.length === 0 || elements.length > 25) problems.push(`${where}: ${elements.length} actions (1 to 25)`);
        elements.forEach((e, j) => {
          if (textOf(e.text).length > 75) problems.push(`${where}: button ${j} text over 75 characters`);
          if (e.action_id !== undefined && String(e.action_id).length > 255) problems.push(`${where}: action_id over 255 characters`);
        });
        break;
      }
      case 'input': {
        if (surface === 'message') problems.push(`${where}: input blocks belong in modals`);
        if (textOf(b.label).length > 2000) problems.push(`${where}: label over 2,000 characters`);
        const element = b.element as Loose | undefined;
        const options = (element?.options ?? []) as unknown[];
        if (options.length > 100) problems.push(`${where}: ${options.length} options (max 100)`);
        break;
      }
      case 'image': {
        const file = b.slack_file as Loose | undefined;
        const sources = [typeof b.image_url === 'string', file !== undefined].filter(Boolean).length;
        if (sources !== 1) problems.push(`${where}: an image needs exactly one of image_url and slack_file`);
        if (file !== undefined && typeof file.id !== 'string' && typeof file.url !== 'string') problems.push(`${where}: slack_file needs an id or a url`);
        if (typeof b.alt_text !== 'string' || b.alt_text.length === 0 || b.alt_text.length > 2000) problems.push(`${where}: alt_text of 1 to 2,000 characters`);
        if (b.title !== undefined && textOf(b.title).length > 2000) problems.push(`${where}: title over 2,000 characters`);
        break;
      }
      case 'data_visualization':
        if (surface !== 'message') problems.push(`${where}: chart blocks belong in messages`);
        problems.push(...dataVisualizationProblems(b).map((p) => `${where}: ${p}`));
        break;
      case 'divider':
        break;
      default:
        break;
    }
  });
  return problems;
}

const chars = (s: unknown) => (typeof s === 'string' ? [...s].length : -1);

/**
 * Slack's data visualization block as its reference states it: a title of 1 to 50 characters; a
 * pie of 1 to 6 positive segments, or a bar, area or line chart of 1 to 6 uniquely named series
 * (names up to 20 characters), each with one point per category of its axis (1 to 20 unique
 * categories of up to 20 characters, axis titles up to 50).
 */
function dataVisualizationProblems(b: Loose): string[] {
  const out: string[] = [];
  const title = chars(b.title);
  if (title < 1 || title > 50) out.push(`chart title of ${title} characters (1 to 50)`);
  const chart = b.chart as Loose | undefined;
  if (!chart || typeof chart !== 'object') return [...out, 'no chart'];
  if (chart.type === 'pie') {
    const segments = (chart.segments ?? []) as Loose[];
    if (segments.length < 1 || segments.length > 6) out.push(`${segments.length} pie segments (1 to 6)`);
    segments.forEach((s, i) => {
      if (chars(s.label) < 1 || chars(s.label) > 20) out.push(`segment ${i} label of 1 to 20 characters`);
      if (typeof s.value !== 'number' || !(s.value > 0)) out.push(`segment ${i} value must be over 0`);
    });
    return out;
  }
  if (chart.type !== 'bar' && chart.type !== 'line' && chart.type !== 'area') return [...out, `chart type ${String(chart.type)}`];
  const axis = chart.axis_config as Loose | undefined;
  const categories = (axis?.categories ?? []) as unknown[];
  if (categories.length < 1 || categories.length > 20) out.push(`${categories.length} categories (1 to 20)`);
  if (new Set(categories).size !== categories.length) out.push('categories are not unique');
  categories.forEach((c, i) => {
    if (chars(c) < 1 || chars(c) > 20) out.push(`category ${i} of 1 to 20 characters`);
  });
  for (const key of ['x_label', 'y_label']) if (axis?.[key] !== undefined && (chars(axis[key]) < 1 || chars(axis[key]) > 50)) out.push(`${key} of 1 to 50 characters`);
  const series = (chart.series ?? []) as Loose[];
  if (series.length < 1 || series.length > 6) out.push(`${series.length} series (1 to 6)`);
  if (new Set(series.map((s) => s.name)).size !== series.length) out.push('series names are not unique');
  series.forEach((s, i) => {
    if (chars(s.name) < 1 || chars(s.name) > 20) out.push(`series ${i} name of 1 to 20 characters`);
    const data = (s.data ?? []) as Loose[];
    const labels = data.map((d) => d.label);
    if (data.length !== categories.length || labels.some((l) => !categories.includes(l)) || new Set(labels).size !== labels.length) out.push(`series ${i} needs one point per category`);
    data.forEach((d, j) => {
      if (typeof d.value !== 'number' || !Number.isFinite(d.value)) out.push(`series ${i} point ${j} value is not a number`);
    });
  });
  return out;
}

/** A view (modal or App Home): its title and blocks within limits. */
export function viewProblems(view: Loose, surface: 'modal' | 'home'): string[] {
  const problems = blockKitProblems({ blocks: view.blocks }, surface);
  if (surface === 'modal') {
    if (textOf(view.title).length === 0 || textOf(view.title).length > 24) problems.push(`modal title of ${textOf(view.title).length} characters (1 to 24)`);
    if (view.submit && textOf(view.submit).length > 24) problems.push('modal submit text over 24 characters');
    if (view.close && textOf(view.close).length > 24) problems.push('modal close text over 24 characters');
  }
  if (view.private_metadata !== undefined && String(view.private_metadata).length > 3000) problems.push('private_metadata over 3,000 characters');
  return problems;
}

/** Throws with every problem when a payload breaks Block Kit's limits. */
export function assertWithinLimits(payload: { text?: unknown; blocks?: unknown }, surface: Surface): void {
  const problems = surface === 'message' ? blockKitProblems(payload, surface) : viewProblems(payload as Loose, surface);
  if (problems.length > 0) throw new Error(`Block Kit limits broken (${surface}):\n- ${problems.join('\n- ')}`);
}
