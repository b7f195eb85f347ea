/** Number locale for vega's d3-format, so axis labels read 1.000 and 2,5 (as outputs/format-nl.ts writes numbers). */
import type { NumberLocale } from 'vega';

export const VEGA_NUMBER_LOCALE_NL: NumberLocale = {
  decimal: ',',
  thousands: '.',
  grouping: [3],
  currency: ['€ ', ''],
  minus: '−',
};
