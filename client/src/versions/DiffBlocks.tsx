import { useState } from 'react';
import type { DiffBlock } from '@baton/shared/publish.ts';
import { plural } from '../lib/format.ts';

/** Runs of unchanged blocks longer than this fold away, keeping one block of context each side. */
const foldLongerThan = 3;

type Item =
  | { kind: 'block'; block: DiffBlock; key: number }
  | { kind: 'fold'; blocks: DiffBlock[]; key: number };

/** The blocks in order, with the middle of long unchanged runs folded. */
function foldUnchanged(blocks: readonly DiffBlock[]): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < blocks.length) {
    if (blocks[i]!.kind !== 'same') {
      items.push({ kind: 'block', block: blocks[i]!, key: i });
      i++;
      continue;
    }
    let end = i;
    while (end < blocks.length && blocks[end]!.kind === 'same') end++;
    const run = blocks.slice(i, end);
    if (run.length <= foldLongerThan) {
      run.forEach((block, n) => items.push({ kind: 'block', block, key: i + n }));
    } else {
      const head = i > 0 ? 1 : 0;
      const tail = end < blocks.length ? 1 : 0;
      run.slice(0, head).forEach((block, n) => items.push({ kind: 'block', block, key: i + n }));
      items.push({ kind: 'fold', blocks: run.slice(head, run.length - tail), key: i + head });
      run
        .slice(run.length - tail)
        .forEach((block, n) => items.push({ kind: 'block', block, key: end - tail + n }));
    }
    i = end;
  }
  return items;
}

const labels: Record<Exclude<DiffBlock['kind'], 'moved'> | 'moved-from' | 'moved-to', string> = {
  same: 'Unchanged',
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  'moved-from': 'Moved from here',
  'moved-to': 'Moved here',
};

function labelOf(block: DiffBlock): string {
  return block.kind === 'moved' ? labels[`moved-${block.direction}`] : labels[block.kind];
}

function Text({ text, blockType }: { text: string; blockType: string }) {
  if (text.trim()) return <>{text}</>;
  return (
    <span className="diff-block__empty">
      {blockType === 'horizontalRule' ? '(a divider)' : '(empty line)'}
    </span>
  );
}

function Block({ block }: { block: DiffBlock }) {
  const modifier =
    block.kind === 'moved' ? `moved diff-block--moved-${block.direction}` : block.kind;
  let body;
  if (block.kind === 'changed') {
    body = block.words.map((word, i) =>
      word.added ? (
        <ins key={i}>{word.value}</ins>
      ) : word.removed ? (
        <del key={i}>{word.value}</del>
      ) : (
        <span key={i}>{word.value}</span>
      ),
    );
  } else if (block.kind === 'added') {
    body = (
      <ins>
        <Text text={block.text} blockType={block.blockType} />
      </ins>
    );
  } else if (block.kind === 'removed') {
    body = (
      <del>
        <Text text={block.text} blockType={block.blockType} />
      </del>
    );
  } else {
    body = <Text text={block.text} blockType={block.blockType} />;
  }
  return (
    <div className={`diff-block diff-block--${modifier}`} data-block-type={block.blockType}>
      {block.kind !== 'same' && <span className="diff-block__label">{labelOf(block)}</span>}
      <p className="diff-block__text">{body}</p>
    </div>
  );
}

/** A diff for people: added, removed, changed (word by word) and moved blocks in order. */
export function DiffBlocks({ blocks }: { blocks: readonly DiffBlock[] }) {
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(new Set());
  return (
    <div className="diff">
      {foldUnchanged(blocks).map((item) => {
        if (item.kind === 'block') return <Block key={item.key} block={item.block} />;
        if (unfolded.has(item.key))
          return item.blocks.map((block, n) => <Block key={item.key + n} block={block} />);
        return (
          <button
            key={item.key}
            type="button"
            className="diff-fold"
            onClick={() => setUnfolded((s) => new Set(s).add(item.key))}
          >
            Show {plural(item.blocks.length, 'unchanged paragraph')}
          </button>
        );
      })}
    </div>
  );
}
