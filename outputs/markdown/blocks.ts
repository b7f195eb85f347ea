/** Markdown the report's sections share: tables whose cells are escaped, so that text from sources cannot break the layout, and figure links. */
import type { Figure } from '../report-input.ts';

export interface MarkdownColumn<Row> {
  header: string;
  value: (row: Row) => string;
  align?: 'left' | 'right';
}

export function markdownTable<Row>(columns: readonly MarkdownColumn<Row>[], rows: readonly Row[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map((column) => escapeCell(column.header))),
    line(columns.map((column) => (column.align === 'right' ? '---:' : '---'))),
    ...rows.map((row) => line(columns.map((column) => escapeCell(column.value(row))))),
  ].join('\n');
}

/** Most texts (every steunpunt's name, organisation and place in the appendix) hold nothing to escape: one test, not four replacements. */
export function escapeCell(text: string): string {
  if (!CELL_SPECIAL.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`[\]<>])/g, '\\$1');
}

const CELL_SPECIAL = /[\\|\r\n*_`[\]<>]/;

/**
 * A Markdown image link to a figure of the report, or nothing when the figure was not made. The
 * figure's title is its alternative text (the SVG shows it already); the caption, if any, goes in
 * the link's title and says what the figure does not: where its numbers are, how to read it.
 */
export function figureLink(figures: readonly Figure[], file: string, caption?: string): string {
  const figure = figures.find((candidate) => candidate.file === file);
  if (!figure) return '';
  if (caption !== undefined && /["()\n]/.test(caption)) throw new Error(`a figure caption cannot hold quotes, brackets or line breaks: ${caption}`);
  return caption === undefined ? `![${figure.title}](${figure.file})` : `![${figure.title}](${figure.file} "${caption}")`;
}
