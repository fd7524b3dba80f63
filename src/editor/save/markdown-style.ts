/**
 * An edited body as our files write Markdown. Keystatic's writer (mdast-util-to-markdown with its
 * defaults) differs where the rendered page does not: it pads table cells to line the columns
 * up, marks list items with `*`, turns a bare e-mail address or URL into a link to itself and
 * escapes the brackets of `[2026]`.
 * Put back, an edit's diff shows the editor's change, not the writer's habits. (Bodies nobody
 * edited are not rewritten at all: src/editor/fields/bodies.ts.)
 */

const TABLE_ROW = /^\|.*\|\s*$/;
const DELIMITER_CELL = /^(:?)-+(:?)$/;

/** A table row with its cells unpadded; the delimiter row as `| --- |` (alignment kept). */
function tidyRow(line: string): string {
  // Split on pipes that are not escaped (`\|` is a pipe inside a cell).
  const cells = line.trim().slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim());
  const isDelimiter = cells.every((cell) => DELIMITER_CELL.test(cell));
  const out = isDelimiter ? cells.map((cell) => cell.replace(DELIMITER_CELL, '$1---$2')) : cells;
  return `| ${out.join(' | ')} |`;
}

export function ourMarkdownStyle(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (TABLE_ROW.test(line) ? tidyRow(line) : line))
    .join('\n')
    .replace(/^(\s*)\* /gm, '$1- ')
    .replace(/\[([^\]\s]+)\]\((?:mailto:)?\1\)/g, '$1')
    // `[2026]` in a document number is text, not a link: no escape needed (the bodies have no link definitions).
    .replace(/\\\[([^\]\n]*)\](?![([:])/g, '[$1]');
}
