/**
 * Suggested changes to blocks rather than text: a paragraph break (Enter in
 * Suggesting mode), taking a break out (Backspace at a paragraph's start,
 * Delete at its end) and a block's type (a paragraph made a heading, a
 * heading another level or a paragraph). A block attribute,
 * `blockSuggestion`, on paragraphs and headings records it: whose and when,
 * whether the break before the block is suggested (`split`) or suggested to
 * go (`join`), and the type the block had before (`before`). In Yjs it is an
 * attribute of the block's element, so it syncs, persists and travels through
 * the stock protocol like the text marks (decision 0010). Rejecting a split
 * and accepting a join join the block to the one before it; rejecting a type
 * change puts the recorded type back. DOM-free.
 */
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { z } from 'zod';
import { asSuggestionAttrs, type SuggestionAttrs } from './suggestionMarks.ts';
import { colorForUser } from './userColor.ts';

export const BLOCK_SUGGESTION = 'blockSuggestion';

/** The blocks whose break or type can be suggested. */
export const suggestableBlocks: readonly string[] = ['paragraph', 'heading'];

const blockTypeSchema = z.object({
  type: z.string(),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

/** A block's type and attributes (without its suggestion). */
export type BlockType = z.infer<typeof blockTypeSchema>;

export interface BlockSuggestionAttrs extends SuggestionAttrs {
  /** The break before this block is suggested: rejecting it joins the block to the one before. */
  split?: boolean;
  /** The break before this block is suggested to go: accepting it joins the block to the one before. */
  join?: boolean;
  /** The block's type before a suggested change. */
  before?: BlockType;
}

/** The attributes if `value` holds a block suggestion's (it comes from the shared document). */
export function asBlockSuggestion(value: unknown): BlockSuggestionAttrs | null {
  const attrs = asSuggestionAttrs(value);
  if (!attrs) return null;
  const { split, join, before } = value as { split?: unknown; join?: unknown; before?: unknown };
  if (split !== undefined && typeof split !== 'boolean') return null;
  if (join !== undefined && typeof join !== 'boolean') return null;
  if (before !== undefined && !blockTypeSchema.safeParse(before).success) return null;
  // A break both suggested and suggested to go is no suggestion: taking one's own back removes it.
  if (split && join) return null;
  if (!split && !join && before === undefined) return null;
  return attrs as BlockSuggestionAttrs;
}

/** A block's suggestion, if it has a valid one. */
export function blockSuggestionOf(node: PmNode): BlockSuggestionAttrs | null {
  return asBlockSuggestion(node.attrs[BLOCK_SUGGESTION]);
}

/** The block's type as a suggestion records it: name and attributes, its suggestion left out. */
export function blockTypeOf(node: PmNode): BlockType {
  const attrs = Object.fromEntries(
    Object.entries(node.attrs).filter(([key]) => key !== BLOCK_SUGGESTION),
  );
  return Object.keys(attrs).length > 0 ? { type: node.type.name, attrs } : { type: node.type.name };
}

/** Whether a block has the type `recorded` describes (attributes compared as the schema fills them). */
export function hasBlockType(node: PmNode, recorded: BlockType): boolean {
  const type = node.type.schema.nodes[recorded.type];
  if (type !== node.type) return false;
  try {
    const filled = type.create({ ...recorded.attrs, [BLOCK_SUGGESTION]: null }).attrs;
    return Object.keys(filled).every(
      (key) => key === BLOCK_SUGGESTION || filled[key] === node.attrs[key],
    );
  } catch {
    return false;
  }
}

function tooltip(attrs: BlockSuggestionAttrs): string {
  if (attrs.join) return `${attrs.authorName} suggested joining this block to the one before`;
  if (attrs.split && attrs.before) return `${attrs.authorName} suggested a new block of this type`;
  return attrs.split
    ? `${attrs.authorName} suggested a paragraph break here`
    : `${attrs.authorName} suggested this block’s type`;
}

/**
 * The `blockSuggestion` attribute on paragraphs and headings. Not copied when
 * a block is split: the new block's break is a suggestion of its own.
 */
export const BlockSuggestions = Extension.create({
  name: 'blockSuggestions',
  addGlobalAttributes() {
    return [
      {
        types: [...suggestableBlocks],
        attributes: {
          [BLOCK_SUGGESTION]: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => {
              try {
                return asBlockSuggestion(
                  JSON.parse(element.getAttribute('data-block-suggestion') ?? 'null'),
                );
              } catch {
                return null;
              }
            },
            renderHTML: (attributes) => {
              const attrs = asBlockSuggestion(attributes[BLOCK_SUGGESTION]);
              if (!attrs) return {};
              const kinds = [
                attrs.split && 'split',
                attrs.join && 'join',
                attrs.before && 'type',
              ].filter(Boolean);
              return {
                'data-block-suggestion': JSON.stringify(attrs),
                class: ['suggestion-block', ...kinds.map((k) => `suggestion-block--${k}`)].join(
                  ' ',
                ),
                style: `--suggestion-color: ${colorForUser(attrs.authorId)}`,
                title: tooltip(attrs),
              };
            },
          },
        },
      },
    ];
  },
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A document's JSON as it is hashed, stored and served: without the empty
 * `blockSuggestion` attribute, so documents read the same as before the
 * attribute existed (their content hashes too). Published documents never
 * hold a suggestion (they are read as if all were rejected).
 */
export function documentJson(doc: unknown): unknown {
  const json = (isNode(doc) ? doc.toJSON() : doc) as Json;
  return withoutEmptySuggestion(json);
}

const isNode = (value: unknown): value is PmNode =>
  typeof value === 'object' && value !== null && typeof (value as PmNode).toJSON === 'function';

function withoutEmptySuggestion(json: Json): Json {
  if (Array.isArray(json)) return json.map(withoutEmptySuggestion);
  if (typeof json !== 'object' || json === null) return json;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === 'attrs' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const attrs = Object.fromEntries(
        Object.entries(value).filter(([name, v]) => !(name === BLOCK_SUGGESTION && v === null)),
      );
      if (Object.keys(attrs).length > 0) out.attrs = attrs;
      continue;
    }
    out[key] = withoutEmptySuggestion(value);
  }
  return out;
}
