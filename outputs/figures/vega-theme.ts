/** The look shared by every vega-lite chart: font, sizes, greys, Dutch numbers, no interaction. */
import type { NumberLocale } from 'vega';
import type { Config } from 'vega-lite';
import { FONT_FAMILY, NEUTRAL } from './palette.ts';

/** Number locale for vega's d3-format, so axis labels read 1.000 and 2,5 (as pipeline/format-nl.ts writes numbers). */
const VEGA_NUMBER_LOCALE_NL: NumberLocale = {
  decimal: ',',
  thousands: '.',
  grouping: [3],
  currency: ['€ ', ''],
  minus: '−',
};

export const CHART_CONFIG: Config = {
  font: FONT_FAMILY,
  background: NEUTRAL.background,
  locale: { number: VEGA_NUMBER_LOCALE_NL },
  padding: 12,
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: 16,
    fontWeight: 'bold',
    color: NEUTRAL.text,
    subtitleFontSize: 12,
    subtitleColor: NEUTRAL.axis,
    subtitlePadding: 6,
    offset: 14,
  },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    labelColor: NEUTRAL.text,
    titleColor: NEUTRAL.text,
    domainColor: NEUTRAL.axis,
    tickColor: NEUTRAL.axis,
    gridColor: NEUTRAL.grid,
  },
  legend: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    labelColor: NEUTRAL.text,
    titleColor: NEUTRAL.text,
    labelLimit: 400,
  },
  text: { fontSize: 12, color: NEUTRAL.text },
};
