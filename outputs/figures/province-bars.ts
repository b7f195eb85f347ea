/**
 * Horizontal bars of the weighted number of steunpunten per province, with a marker for the
 * desired number at each participation percentage (one shape and colour per percentage).
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatCountNl } from '../../pipeline/format-nl.ts';
import { NEUTRAL, TARGET_COLOURS } from './palette.ts';
import { renderVegaLite } from './render-vega.ts';
import type { ProvinceBarsInput } from './types.ts';

export const PROVINCE_BARS_SIZE = { width: 720, height: 520 } as const;

const DEFAULT_PARTICIPATION = [15, 30, 45] as const;
const MARKER_SHAPES = ['circle', 'diamond', 'triangle-up'] as const;
const WEIGHTED_LABEL = 'Gewogen aantal in beeld';

interface Row {
  province: string;
  series: string;
  value: number;
  marker: boolean;
}

export function provinceBarsTitle(year: number): string {
  return `Gewogen aantal steunpunten en gewenst aantal per provincie, ${year}`;
}

export async function provinceBarsSvg(input: ProvinceBarsInput): Promise<string> {
  const participation = input.participation ?? DEFAULT_PARTICIPATION;
  if (participation.length > MARKER_SHAPES.length) {
    throw new Error(`at most ${MARKER_SHAPES.length} participation percentages, got ${participation.length}`);
  }
  const markerLabels = participation.map((pct) => `Gewenst bij ${formatCountNl(pct)}% deelname`);
  const rows: Row[] = input.provinces.flatMap((entry) => [
    { province: entry.province, series: WEIGHTED_LABEL, value: entry.weighted, marker: false },
    ...participation.map((pct, index) => {
      const desired = entry.desired[pct];
      if (desired === undefined) throw new Error(`${entry.province} has no desired number at ${pct}%`);
      return { province: entry.province, series: markerLabels[index] ?? '', value: desired, marker: true };
    }),
  ]);

  const series = { field: 'series', type: 'nominal', title: null } as const;
  const colour = {
    ...series,
    scale: { domain: [WEIGHTED_LABEL, ...markerLabels], range: [TARGET_COLOURS.weighted, ...TARGET_COLOURS.markers] },
    legend: { orient: 'bottom', direction: 'horizontal', columns: 2, symbolSize: 120, columnPadding: 24, rowPadding: 6 },
  } as const;
  const spec: TopLevelSpec = {
    ...PROVINCE_BARS_SIZE,
    title: provinceBarsTitle(input.year),
    data: { values: rows },
    encoding: {
      y: {
        field: 'province',
        type: 'nominal',
        sort: input.provinces.map((entry) => entry.province),
        title: null,
        axis: { ticks: false, domain: false, labelPadding: 8 },
      },
      x: { field: 'value', type: 'quantitative', title: 'Aantal steunpunten', axis: { grid: true } },
    },
    layer: [
      {
        transform: [{ filter: { field: 'marker', equal: false } }],
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: { color: colour },
      },
      {
        transform: [{ filter: { field: 'marker', equal: true } }],
        // A white ring keeps a marker visible where it sits on its bar.
        mark: { type: 'point', filled: true, size: 90, opacity: 1, stroke: NEUTRAL.background, strokeWidth: 1 },
        encoding: {
          color: colour,
          shape: { ...series, scale: { domain: [WEIGHTED_LABEL, ...markerLabels], range: ['square', ...MARKER_SHAPES] } },
        },
      },
    ],
  };
  return renderVegaLite(spec, provinceBarsTitle(input.year));
}
