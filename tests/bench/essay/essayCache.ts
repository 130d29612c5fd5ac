/** Builds the essay once per size and seed and keeps it under tests/bench/results/. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildEssay } from './buildEssay.ts';

export interface CachedEssay {
  path: string;
  bytes: number;
  words: number;
  paragraphs: number;
  edits: number;
}

export function essayFile(resultsDir: string, words: number, seed = 7): CachedEssay {
  mkdirSync(resultsDir, { recursive: true });
  const base = path.join(resultsDir, `essay-${words}w-seed${seed}`);
  const file = `${base}.bin`;
  const metaFile = `${base}.json`;
  if (existsSync(file) && existsSync(metaFile)) {
    return JSON.parse(readFileSync(metaFile, 'utf8')) as CachedEssay;
  }
  const essay = buildEssay(words, seed);
  writeFileSync(file, essay.update);
  const meta: CachedEssay = {
    path: file,
    bytes: essay.update.byteLength,
    words: essay.words,
    paragraphs: essay.paragraphs,
    edits: essay.edits,
  };
  writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  return meta;
}
