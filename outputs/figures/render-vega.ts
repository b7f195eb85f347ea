/**
 * Renders a vega-lite spec to an SVG string without a DOM. The chart fills exactly the width
 * and height of the spec (autosize fit, padding included), so callers know the image size;
 * `label` (the Dutch title) names the image for screen readers.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FailOnWarning } from './fail-on-warning.ts';
import { labelSvg, normalizeSvgIds } from './svg.ts';
import { CHART_CONFIG } from './vega-theme.ts';

export async function renderVegaLite(spec: TopLevelSpec, label: string): Promise<string> {
  const withTheme: TopLevelSpec = {
    ...spec,
    autosize: { type: 'fit', contains: 'padding' },
    config: { ...CHART_CONFIG, ...spec.config },
  };
  const logger = new FailOnWarning();
  const view = new vega.View(vega.parse(compile(withTheme, { logger }).spec), { renderer: 'none', logger });
  try {
    return labelSvg(normalizeSvgIds(await view.toSVG()), label);
  } finally {
    view.finalize();
  }
}
