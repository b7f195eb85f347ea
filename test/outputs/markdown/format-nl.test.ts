/** The number helpers the report and the CLI share, so both read "−0,4%" and "1 rij". */
import { describe, expect, it } from 'vitest';
import { countNl, formatChangePctNl } from '../../../pipeline/format-nl.ts';

describe('formatChangePctNl', () => {
  it('writes a change with a real minus sign, a Dutch comma and one decimal, as verschillen-per-regio.csv holds it', () => {
    expect(formatChangePctNl(((277 - 278) / 278) * 100)).toBe('−0,4%');
    expect(formatChangePctNl(((318 - 278) / 278) * 100)).toBe('+14,4%');
    expect(formatChangePctNl(2.4390243902439024)).toBe('+2,4%');
  });

  it('never reads "0%" or "−0%" for a small change that is not zero', () => {
    expect(formatChangePctNl(-0.04)).toBe('−0,04%');
    expect(formatChangePctNl(0.004)).toBe('+0,004%');
  });

  it('writes no change as 0% and an unknown change as a dash', () => {
    expect(formatChangePctNl(0)).toBe('0%');
    expect(formatChangePctNl(null)).toBe('–');
  });
});

describe('countNl', () => {
  it('puts the noun in the singular for exactly one', () => {
    expect(countNl(1, 'rij', 'rijen')).toBe('1 rij');
    expect(countNl(1, 'steunpunt', 'steunpunten')).toBe('1 steunpunt');
  });

  it('puts the noun in the plural otherwise, with Dutch thousands', () => {
    expect(countNl(0, 'rij', 'rijen')).toBe('0 rijen');
    expect(countNl(2, 'rij', 'rijen')).toBe('2 rijen');
    expect(countNl(1011, 'steunpunt', 'steunpunten')).toBe('1.011 steunpunten');
  });
});
