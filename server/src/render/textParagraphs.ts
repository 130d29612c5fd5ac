/**
 * Plain text: blank lines separate paragraphs (lines within one are joined);
 * a text without any blank line has one paragraph per line.
 */
export function textParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  const hasBlankLines = /\n[ \t]*\n/.test(normalized);
  const blocks = hasBlankLines ? normalized.split(/\n[ \t]*\n+/) : normalized.split('\n');
  return blocks.map((b) => b.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
}
