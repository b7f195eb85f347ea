/**
 * Change per province between two monitor years as diverging bars around zero: increases and
 * decreases in distinct colours, each bar labelled with its change and the two counts. The caller
 * only draws this when there is a previous year.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatChangeNl, formatCountNl } from '../../pipeline/format-nl.ts';
import { CHANGE_COLOURS, NEUTRAL } from './palette.ts';
import { renderVegaLite } from './render-vega.ts';
import type { ProvinceChangeInput } from './types.ts';

export const PROVINCE_CHANGE_SIZE = { width: 720, height: 520 } as const;

const INCREASE = 'Toename';
const DECREASE = 'Afname';

export function provinceChangeTitle(previousYear: number, year: number): string {
  return `Verandering in het aantal steunpunten per provincie, ${previousYear}–${year}`;
}

export async function provinceChangeSvg(input: ProvinceChangeInput): Promise<string> {
  const rows = input.provinces.map((entry) => {
    const change = entry.current - entry.previous;
    return {
      province: entry.province,
      change,
      direction: change > 0 ? INCREASE : change < 0 ? DECREASE : null,
      text: `${formatChangeNl(change)} (${formatCountNl(entry.previous)} → ${formatCountNl(entry.current)})`,
    };
  });
  const largest = Math.max(1, ...rows.map((row) => Math.abs(row.change)));
  // Symmetric around zero, with room beyond the longest bar for its label, in whole steps.
  const step = tickStep(largest * 1.6);
  const reach = Math.ceil((largest * 1.6) / step) * step;
  const ticks = Array.from({ length: (2 * reach) / step + 1 }, (_, index) => -reach + index * step);
  const directions = [INCREASE, DECREASE].filter((direction) => rows.some((row) => row.direction === direction));

  const y = {
    field: 'province',
    type: 'nominal',
    sort: input.provinces.map((entry) => entry.province),
    title: null,
    axis: { ticks: false, domain: false, labelPadding: 8 },
  } as const;
  // Labels sit beyond the end of their bar: right of increases, left of decreases.
  const label = (sign: 'positive' | 'negative') => ({
    transform: [{ filter: sign === 'positive' ? 'datum.change >= 0' : 'datum.change < 0' }],
    mark: { type: 'text', align: sign === 'positive' ? 'left' : 'right', baseline: 'middle', dx: sign === 'positive' ? 6 : -6 } as const,
    encoding: { y, text: { field: 'text', type: 'nominal' } } as const,
  });

  const spec: TopLevelSpec = {
    ...PROVINCE_CHANGE_SIZE,
    title: {
      text: provinceChangeTitle(input.previousYear, input.year),
      subtitle: `Verschil ${input.year} ten opzichte van ${input.previousYear}; tussen haakjes het aantal in beide jaren`,
    },
    data: { values: rows },
    encoding: {
      x: {
        field: 'change',
        type: 'quantitative',
        title: `Verschil in aantal steunpunten (${input.year} min ${input.previousYear})`,
        scale: { domain: [-reach, reach], nice: false },
        axis: { grid: true, values: ticks },
      },
    },
    layer: [
      {
        transform: [{ filter: 'datum.direction !== null' }],
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          y,
          color: {
            field: 'direction',
            type: 'nominal',
            title: null,
            scale: { domain: [INCREASE, DECREASE], range: [CHANGE_COLOURS.increase, CHANGE_COLOURS.decrease] },
            legend:
              directions.length === 0
                ? null
                : { orient: 'bottom', direction: 'horizontal', symbolType: 'square', symbolSize: 150, values: directions },
          },
        },
      },
      // The zero line spans the full height because it has no y encoding.
      { mark: { type: 'rule', color: NEUTRAL.text, strokeWidth: 1 }, encoding: { x: { datum: 0 } } },
      label('positive'),
      label('negative'),
    ],
  };
  return renderVegaLite(spec, provinceChangeTitle(input.previousYear, input.year));
}

/** 1, 2, 5, 10, 20, 50, … so that the half axis up to `reach` has at most five steps. */
function tickStep(reach: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [1, 2, 5].map((factor) => factor * magnitude)) if (reach / step <= 5) return step;
  }
}
