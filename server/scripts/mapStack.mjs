// Maps a stack trace from the production bundle (server/dist) back to the
// TypeScript sources and package files, using the source maps `pnpm build`
// writes beside the bundle. For a server that ran without
// --enable-source-maps (which costs ~40 MB of memory at rest): paste the
// logged stack into it.
//
// Usage: node server/scripts/mapStack.mjs < stack.txt
//        (or pass the text as arguments; lines without a dist position pass through)
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const maps = new Map();

/** The source map of a bundle file, or null when it has none. */
function mapOf(file) {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    maps.set(
      file,
      existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null,
    );
  }
  return maps.get(file);
}

// "at name (file:///…/dist/main.js:1:2345)" or "at file:///…/dist/chunks/x.js:1:2345"
const position = /((?:file:\/\/)?\/[^\s():]+\.js):(\d+):(\d+)/g;

function mapLine(line) {
  return line.replace(position, (whole, file, lineText, columnText) => {
    const filePath = file.startsWith('file://') ? fileURLToPath(file) : file;
    const map = mapOf(filePath);
    // Stack positions count from 1; source map entries from 0.
    const entry = map?.findEntry(Number(lineText) - 1, Number(columnText) - 1);
    if (!entry?.originalSource) return whole;
    const source = path.relative(
      process.cwd(),
      path.resolve(path.dirname(filePath), entry.originalSource),
    );
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

const input = process.argv.length > 2 ? process.argv.slice(2).join(' ') : readFileSync(0, 'utf8');
process.stdout.write(input.split('\n').map(mapLine).join('\n'));
