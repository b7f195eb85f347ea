/** Per-row messages shown to a person: the first ones and how many more, never thousands of lines. */
export const MAX_LINES_SHOWN = 20;

export function cappedLines(lines: readonly string[], max = MAX_LINES_SHOWN): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), `… en nog ${lines.length - max}`];
}
