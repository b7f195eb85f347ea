/**
 * The size mix of the steunpunten in view: one labelled bar per size class. When no size is
 * known (as in 2024, where the report gives none) the chart says so instead of looking broken.
 */
import type { TopLevelSpec } from 'vega-lite';
import { countNl, formatCountNl, formatNumberNl } from '../../pipeline/format-nl.ts';
import { SIZE_COLOURS } from './palette.ts';
import { renderVegaLite } from './render-vega.ts';
import type { SizeClass, SizeMixInput } from './types.ts';

export const SIZE_MIX_SIZE = { width: 640, height: 300 } as const;

const CLASSES: readonly { size: SizeClass; label: string }[] = [
  { size: 'klein', label: 'Klein' },
  { size: 'middelgroot', label: 'Middelgroot' },
  { size: 'groot', label: 'Groot' },
  { size: 'onbekend', label: 'Onbekend' },
];

export function sizeMixTitle(year: number): string {
  return `Grootte van de steunpunten in beeld, ${year}`;
}

export function sizeMixSubtitle(counts: SizeMixInput['counts']): string[] {
  const total = CLASSES.reduce((sum, { size }) => sum + (counts[size] ?? 0), 0);
  if (total === 0) return ['Geen steunpunten in beeld.'];
  const unknown = counts.onbekend ?? 0;
  const lines = [`${countNl(total, 'steunpunt', 'steunpunten')} in beeld`];
  if (unknown === total) lines.push('Van geen enkel steunpunt is de grootte bekend.');
  return lines;
}

export async function sizeMixSvg(input: SizeMixInput): Promise<string> {
  const total = CLASSES.reduce((sum, { size }) => sum + (input.counts[size] ?? 0), 0);
  const rows = CLASSES.map(({ size, label }) => {
    const count = input.counts[size] ?? 0;
    const text = total === 0 ? formatCountNl(count) : `${formatCountNl(count)} (${formatNumberNl((100 * count) / total)}%)`;
    return { label, size, count, text };
  });
  const largest = Math.max(...rows.map((row) => row.count));
  // Room right of the longest bar for its label; a domain of [0, 0] would collapse the scale.
  const domainMax = largest === 0 ? 1 : largest * 1.3;

  const spec: TopLevelSpec = {
    ...SIZE_MIX_SIZE,
    title: { text: sizeMixTitle(input.year), subtitle: sizeMixSubtitle(input.counts) },
    data: { values: rows },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: CLASSES.map((entry) => entry.label),
        title: null,
        axis: { ticks: false, domain: false, labelPadding: 8 },
      },
      x: { field: 'count', type: 'quantitative', scale: { domain: [0, domainMax], nice: false }, axis: null },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.65 } },
        encoding: {
          color: {
            field: 'size',
            type: 'nominal',
            scale: { domain: CLASSES.map((entry) => entry.size), range: CLASSES.map((entry) => SIZE_COLOURS[entry.size]) },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6 },
        encoding: { text: { field: 'text', type: 'nominal' } },
      },
    ],
  };
  return renderVegaLite(spec, sizeMixTitle(input.year));
}
