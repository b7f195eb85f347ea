import { describe, expect, it } from 'vitest';
import { checkBreaks, classIndex, classLabels, quantileBreaks } from '../../../outputs/figures/map-classes.ts';

describe('map classes', () => {
  it('puts a value equal to a break in the class above it', () => {
    const breaks = [5, 10, 20];
    expect([0, 4.99, 5, 10, 19.9, 20, 100].map((value) => classIndex(value, breaks))).toEqual([0, 0, 1, 2, 2, 3, 3]);
  });

  it('labels classes in Dutch, with decimals as asked', () => {
    expect(classLabels([5, 10, 20])).toEqual(['tot 5', '5 tot 10', '10 tot 20', '20 of meer']);
    expect(classLabels([2.5, 7.5], 1)).toEqual(['tot 2,5', '2,5 tot 7,5', '7,5 of meer']);
    expect(classLabels([1000, 2000])).toEqual(['tot 1.000', '1.000 tot 2.000', '2.000 of meer']);
  });

  it('computes rounded quantile breaks for five classes', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 0.3);
    expect(quantileBreaks(values)).toEqual([20, 40, 60, 80]);
  });

  it('keeps five classes when many values are equal (all municipalities with their own steunpunt)', () => {
    const values = [...Array.from({ length: 140 }, () => 0), ...Array.from({ length: 200 }, (_, index) => 1 + index / 10)];
    const breaks = quantileBreaks(values);
    expect(breaks).toHaveLength(4);
    expect(breaks[0]).toBe(1);
    checkBreaks(breaks);
  });

  it('gives no breaks for no values, and fewer classes when values are few', () => {
    expect(quantileBreaks([])).toEqual([]);
    expect(quantileBreaks([3, 3, 3])).toEqual([]);
    expect(classLabels([])).toEqual(['alle waarden']);
  });

  it('refuses breaks that are not strictly ascending, or too many', () => {
    expect(() => checkBreaks([5, 5])).toThrow(/ascending/);
    expect(() => checkBreaks([1, 2, 3, 4, 5, 6, 7])).toThrow(/at most/);
  });
});
