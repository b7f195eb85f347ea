/**
 * Classes of a choropleth: breaks (upper bounds of every class but the last), the class of a
 * value, and the Dutch legend label of every class ("tot 5", "5 tot 10", "20 of meer").
 */
import { formatNumberNl } from '../../pipeline/format-nl.ts';

export const DEFAULT_CLASS_COUNT = 5;
export const MAX_CLASS_COUNT = 7;

/**
 * Quantile breaks, each rounded to two significant digits and to `decimals` so the legend reads
 * 1, 5, 9, 14 rather than 1.31, 5.07. Each break is the quantile of the values not yet classed,
 * for the classes still to fill: a heap of equal values (every municipality with its own
 * steunpunt is 0 km away) then fills one class instead of swallowing several breaks.
 */
export function quantileBreaks(values: readonly number[], classCount = DEFAULT_CLASS_COUNT, decimals = 0): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const lowest = sorted[0];
  const highest = sorted[sorted.length - 1];
  if (lowest === undefined || highest === undefined) return [];
  let lower = lowest;
  const breaks: number[] = [];
  let rest = sorted;
  for (let classesLeft = classCount; classesLeft >= 2; classesLeft -= 1) {
    let candidate = roundForLegend(quantile(rest, 1 / classesLeft), decimals);
    if (candidate <= lower) {
      const floor = lower;
      const next = rest.find((value) => roundForLegend(value, decimals) > floor);
      if (next === undefined) break;
      candidate = roundForLegend(next, decimals);
    }
    if (candidate > highest) break;
    breaks.push(candidate);
    lower = candidate;
    rest = rest.filter((value) => value >= candidate);
  }
  return breaks;
}

export function checkBreaks(breaks: readonly number[]): void {
  if (breaks.length + 1 > MAX_CLASS_COUNT) throw new Error(`at most ${MAX_CLASS_COUNT} classes, got ${breaks.length + 1}`);
  breaks.forEach((value, index) => {
    const previous = breaks[index - 1];
    if (!Number.isFinite(value) || (previous !== undefined && value <= previous)) {
      throw new Error(`breaks must be finite and strictly ascending: ${breaks.join(', ')}`);
    }
  });
}

/** Index of the class holding `value`: a value equal to a break belongs to the class above it. */
export function classIndex(value: number, breaks: readonly number[]): number {
  const index = breaks.findIndex((upper) => value < upper);
  return index === -1 ? breaks.length : index;
}

export function classLabels(breaks: readonly number[], decimals = 0): string[] {
  const format = (value: number) => formatNumberNl(value, decimals);
  const first = breaks[0];
  const last = breaks[breaks.length - 1];
  if (first === undefined || last === undefined) return ['alle waarden'];
  return [
    `tot ${format(first)}`,
    ...breaks.slice(1).map((upper, index) => `${format(breaks[index] ?? upper)} tot ${format(upper)}`),
    `${format(last)} of meer`,
  ];
}

/** Linear interpolation between closest ranks (R type 7), on sorted values. */
function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = sorted[Math.floor(position)] ?? 0;
  const above = sorted[Math.ceil(position)] ?? below;
  return below + (above - below) * (position - Math.floor(position));
}

function roundForLegend(value: number, decimals: number): number {
  if (value === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  const significant = Math.round(value / magnitude) * magnitude;
  const factor = 10 ** decimals;
  return Math.round(significant * factor) / factor;
}
