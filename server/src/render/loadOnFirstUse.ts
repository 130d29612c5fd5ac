/**
 * Markdown (markdown-it, prosemirror-markdown) and file import, loaded the
 * first time a request needs them rather than at start: an instance at rest
 * never holds them (docs/performance.md, resting RSS). In the production
 * bundle each is a chunk of its own (server/scripts/build.mjs).
 */
let markdown: Promise<typeof import('./markdown.ts')> | undefined;
let importing: Promise<typeof import('./importDocument.ts')> | undefined;

export const loadMarkdown = () => (markdown ??= import('./markdown.ts'));
export const loadImport = () => (importing ??= import('./importDocument.ts'));
