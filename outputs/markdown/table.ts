/** A Markdown table; cells are escaped so that text from sources cannot break the layout. */
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

export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`[\]<>])/g, '\\$1');
}
