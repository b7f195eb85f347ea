import type { Figure } from '../../report-input.ts';

/** A Markdown image link to a figure of the report, or nothing when the figure was not made. */
export function figureLink(figures: readonly Figure[], file: string): string {
  const figure = figures.find((candidate) => candidate.file === file);
  return figure ? `![${figure.title}](${figure.file})` : '';
}
