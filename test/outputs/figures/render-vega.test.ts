import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renderVegaLite } from '../../../outputs/figures/render-vega.ts';

const values = [
  { kind: 'a', count: 3 },
  { kind: 'b', count: 5 },
];

describe('renderVegaLite', () => {
  it('gives the same ids to clip paths however many charts were rendered before', async () => {
    const spec: TopLevelSpec = {
      width: 300,
      height: 200,
      data: { values },
      mark: { type: 'bar', clip: true },
      encoding: { x: { field: 'kind', type: 'nominal' }, y: { field: 'count', type: 'quantitative', scale: { domain: [0, 4] } } },
    };
    const first = await renderVegaLite(spec, 'Proef');
    const second = await renderVegaLite(spec, 'Proef');
    expect(first).toContain('clip-path="url(#fig1)"');
    expect(second).toBe(first);
  });

  it('fails instead of silently dropping part of a spec', async () => {
    const spec: TopLevelSpec = {
      data: { values },
      mark: 'bar',
      encoding: { y: { field: 'kind', type: 'nominal' }, x: { field: 'count', type: 'quantitative' }, shape: { field: 'kind', type: 'nominal' } },
    };
    await expect(renderVegaLite(spec, 'Proef')).rejects.toThrow(/vega warning/);
  });
});
