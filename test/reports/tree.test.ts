import { describe, expect, it } from 'vitest';
import { treeProblemText } from '../../src/reports/tree.js';
import { BUILT_INS } from '../harness/metrics.js';

describe('a tree that cannot be drawn', () => {
  it('says a metric appears twice, not that it would sit under itself', () => {
    expect(treeProblemText({ code: 'duplicateMetric', metric: 'calls' }, 'en', BUILT_INS)).toBe('calls appears twice in the tree; set it again with `/kpi tree set` to keep one.');
    expect(treeProblemText({ code: 'duplicateMetric', metric: 'calls' }, 'ja', BUILT_INS)).toContain('架電がツリーに2回出てきます');
    expect(treeProblemText({ code: 'cycle', metrics: ['calls', 'meetings'] }, 'en', BUILT_INS)).toContain('would end up under itself');
  });
});
