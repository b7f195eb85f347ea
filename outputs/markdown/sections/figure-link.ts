import type { Figure } from '../../report-input.ts';

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
