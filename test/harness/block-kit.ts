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
      case 'divider':
        break;
      default:
        break;
    }
  });
  return problems;
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
