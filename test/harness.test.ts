import { describe, expect, it } from 'vitest';
import { assertWithinLimits, blockKitProblems } from './harness/block-kit.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('the shared Block Kit limits check', () => {
  it('passes a message within the limits', () => {
    expect(blockKitProblems({ text: 'hi', blocks: [section('hi')] }, 'message')).toEqual([]);
  });
  it('catches a missing text fallback, too many blocks, long texts and too many fields', () => {
    expect(blockKitProblems({ blocks: [section('x')] }, 'message')).toContain('a message needs a non-empty text fallback');
    expect(blockKitProblems({ text: 't', blocks: Array.from({ length: 51 }, () => section('x')) }, 'message')[0]).toContain('51 blocks');
    expect(blockKitProblems({ text: 't', blocks: [section('x'.repeat(3001))] }, 'message')[0]).toContain('3,000');
    expect(blockKitProblems({ text: 't', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] }, 'message')[0]).toContain('150');
    const fields = Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' }));
    expect(blockKitProblems({ text: 't', blocks: [{ type: 'section', fields }] }, 'message')[0]).toContain('11 fields');
  });
  it('allows 100 blocks in a view but not 101, and checks modal titles', () => {
    const blocks = Array.from({ length: 100 }, () => section('x'));
    expect(() => assertWithinLimits({ blocks, type: 'home' } as never, 'home')).not.toThrow();
    expect(() => assertWithinLimits({ blocks: [...blocks, section('x')] } as never, 'home')).toThrow(/101 blocks/u);
    expect(() => assertWithinLimits({ title: { type: 'plain_text', text: 'A title much too long for a modal' }, blocks: [] } as never, 'modal')).toThrow(/title/u);
  });
});
