import { createHash } from 'node:crypto';
import { contentHashInput } from '@baton/shared/publish.ts';
import { describe, expect, it } from 'vitest';
import { contentHash, draftStateOf } from './draftState.ts';

const doc = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Café, naïve — “quoted” 🎉' }] }],
};
const version = (contentHash: string, withdrawn = false) => ({
  contentHash,
  withdrawn: withdrawn ? { at: '2026-01-01T00:00:00.000Z', by: { id: 'u', name: 'U' } } : null,
});

describe('draft state in the editor', () => {
  it('PUB-9 hashes like the server (SHA-256 of the shared input, UTF-8, hex)', () => {
    const server = createHash('sha256').update(contentHashInput('Part één', doc)).digest('hex');
    expect(contentHash('Part één', doc)).toBe(server);
  });

  it('PUB-9 compares with the newest version that is not withdrawn', () => {
    const hash = contentHash('T', doc);
    expect(draftStateOf(hash, [])).toBe('never-published');
    expect(draftStateOf(hash, [version(hash, true)])).toBe('never-published');
    expect(draftStateOf(hash, [version(hash)])).toBe('published');
    expect(draftStateOf(hash, [version('other', true), version(hash)])).toBe('published');
    expect(draftStateOf(hash, [version(hash, true), version('other')])).toBe('unpublished-changes');
  });
});
