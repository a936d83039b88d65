import { describe, expect, it } from 'vitest';
import { treeProblemText } from '../../src/reports/tree.js';

describe('a tree that cannot be drawn', () => {
  it('says a metric appears twice, not that it would sit under itself', () => {
    expect(treeProblemText({ code: 'duplicateMetric', metric: 'calls' }, 'en')).toBe('calls appears twice in the tree; set it again with `/kpi tree set` to keep one.');
    expect(treeProblemText({ code: 'duplicateMetric', metric: 'calls' }, 'ja')).toContain('架電がツリーに2回出てきます');
    expect(treeProblemText({ code: 'cycle', metrics: ['calls', 'meetings'] }, 'en')).toContain('would end up under itself');
  });
});
