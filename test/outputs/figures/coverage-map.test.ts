import { describe, expect, it } from 'vitest';
import { COVERAGE_MAP_SIZE, coverageMapSvg, ONE_DOT_PER_SPOT_ABOVE, prepareCoverageMap } from '../../../outputs/figures/coverage-map.ts';
import { municipalityTopology } from '../../../outputs/figures/municipality-topology.ts';
import { NEUTRAL, sequentialColours } from '../../../outputs/figures/palette.ts';
import type { CoverageMapInput } from '../../../outputs/figures/types.ts';
import { expectFigure } from './helpers/expect-figure.ts';
import { distanceMapInput } from './helpers/figure-data.ts';

const title = 'Afstand tot het dichtstbijzijnde steunpunt per gemeente, 2024';
const data = distanceMapInput();
const input: CoverageMapInput = {
  ...data,
  title,
  legendTitle: 'Afstand vanaf het midden van de gemeente, in km',
  // Two islands without data, to show the "geen gegevens" class.
  values: { ...data.values, GM0088: null, GM0096: null },
  notes: ['Steunpunten: De Galan Groep (2024), getekend in het midden van hun gemeente'],
};

describe('coverageMapSvg', () => {
  const svg = coverageMapSvg(input);

  it('renders the map with its title, legend and CBS caption', () => {
    expectFigure(svg, { name: 'coverage-map-distance-2024', ...COVERAGE_MAP_SIZE, title, minInk: 0.25 });
    expect(svg).toContain('>Bron: CBS/PDOK, gebiedsindelingen 2025</text>');
    expect(svg).toContain('>Steunpunten: De Galan Groep (2024), getekend in het midden van hun gemeente</text>');
    expect(svg).toContain('>Afstand vanaf het');
  });

  it('has one path per municipality, each with its GM code', () => {
    const codes = [...svg.matchAll(/<path data-gm="(GM\d{4})" d="M[^"]+"/g)].map((match) => match[1]);
    expect(codes).toHaveLength(342);
    expect(new Set(codes)).toEqual(new Set(municipalityTopology().codes));
    expect(svg).toContain('data-gm="GM0363"');
  });

  it('colours by class, with "geen gegevens" for missing values', () => {
    expect(svg).toMatch(new RegExp(`data-gm="GM0088" d="[^"]+" fill="${NEUTRAL.missing}"`));
    // Amsterdam has its own steunpunt: 0 km, the lightest class.
    expect(svg).toMatch(new RegExp(`data-gm="GM0363" d="[^"]+" fill="${sequentialColours(5)[0]}"`));
    const classes = [...svg.matchAll(/<rect class="legend-class[^"]*"[^>]*>/g)];
    expect(classes).toHaveLength(6);
    for (const label of ['geen gegevens', 'steunpunt', 'provinciegrens']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toMatch(/>tot \d+<\/text>/);
    expect(svg).toMatch(/>\d+ of meer<\/text>/);
  });

  it('draws every steunpunt as a dot and the province borders on top', () => {
    const dots = svg.match(/<circle cx=/g) ?? [];
    // One per point, plus the legend symbol.
    expect(dots).toHaveLength(data.points.length + 1);
    expect(svg.indexOf('class="province-borders"')).toBeGreaterThan(svg.lastIndexOf('data-gm='));
    expect(svg).toMatch(/class="province-borders" d="M[^"]{1000,}"/);
  });

  it('draws one dot per spot only above a real year\'s number of steunpunten', () => {
    const [first] = data.points;
    if (!first) throw new Error('no points');
    const dotsOf = (points: CoverageMapInput['points']) => (coverageMapSvg({ ...input, points }).match(/<circle cx=/g) ?? []).length - 1;
    // A real year's steunpunten sharing a spot are each drawn, as the published 2024 figure has them.
    expect(dotsOf([first, first, first])).toBe(3);
    const many = Array.from({ length: ONE_DOT_PER_SPOT_ABOVE + 1 }, (_, index) => data.points[index % data.points.length] ?? first);
    expect(dotsOf(many)).toBe(new Set(svg.match(/<circle cx="[^"]+" cy="[^"]+" r="2.4"\/>/g)).size);
    // Each spot where it was last drawn, in that order: what lies on top stays on top.
    const drawn = (map: string) => /<g class="steunpunten"[^>]*>\n([^]*?)\n<\/g>/.exec(map)?.[1]?.split('\n') ?? [];
    const everyDot = drawn(svg);
    expect(everyDot).toHaveLength(data.points.length);
    const lastOfEach = [...new Set(many.map((_, index) => everyDot[index % everyDot.length]).reverse())].reverse();
    expect(drawn(coverageMapSvg({ ...input, points: many }))).toStrictEqual(lastOfEach);
  });

  it('draws the province borders of the provinces it is given, whichever map was drawn or prepared before', () => {
    const bordersOf = (map: string) => /class="province-borders" d="([^"]*)"/.exec(map)?.[1];
    // Two provinces only: the north of the country against the rest.
    const twoProvinces = Object.fromEntries(Object.keys(input.provinceOf).map((code, index) => [code, index % 2 === 0 ? 'Noord' : 'Zuid']));
    prepareCoverageMap(twoProvinces);
    const other = coverageMapSvg({ ...input, provinceOf: twoProvinces });
    expect(bordersOf(other)).not.toBe(bordersOf(svg));
    expect(other.replace(/class="province-borders" d="[^"]*"/, '')).toBe(svg.replace(/class="province-borders" d="[^"]*"/, ''));
    expect(coverageMapSvg(input)).toBe(svg);
  });

  it('is byte-identical when drawn twice, small, and rounds coordinates to 0.1 px', () => {
    expect(coverageMapSvg(input)).toBe(svg);
    expect(Buffer.byteLength(svg)).toBeLessThan(400_000);
    expect(svg).not.toMatch(/\d\.\d{2}/);
  });

  it('uses supplied breaks, e.g. coverage in percent', () => {
    const coverage = Object.fromEntries(Object.keys(data.values).map((code, index) => [code, (index * 37) % 260]));
    const map = coverageMapSvg({
      ...input,
      title: 'Dekking bij 30% deelname per gemeente, 2024',
      legendTitle: 'Dekking in %',
      values: coverage,
      breaks: [25, 50, 75, 100, 150],
      notes: [],
    });
    expectFigure(map, { name: 'coverage-map-coverage-breaks', ...COVERAGE_MAP_SIZE, title: 'Dekking bij 30% deelname per gemeente, 2024', minInk: 0.25 });
    for (const label of ['tot 25', '25 tot 50', '100 tot 150', '150 of meer']) expect(map).toContain(`>${label}</text>`);
    expect([...map.matchAll(/<rect class="legend-class[^"]*"[^>]*>/g)]).toHaveLength(7);
  });

  it('wraps a long title onto a second line and refuses a third', () => {
    const long = 'Afstand over de weg tot het dichtstbijzijnde laagdrempelige steunpunt per gemeente, gemeten vanaf het midden van de gemeente, 2024';
    const map = coverageMapSvg({ ...input, title: long });
    expect(map.match(/font-size="16" font-weight="bold"/g)).toHaveLength(2);
    expect(map).toContain('>per gemeente, gemeten vanaf het midden van de gemeente, 2024</text>');
    expectFigure(map, { name: 'coverage-map-long-title', ...COVERAGE_MAP_SIZE, title: 'Afstand over de weg tot het dichtstbijzijnde laagdrempelige steunpunt', minInk: 0.25, fullTitle: long });
    expect(() => coverageMapSvg({ ...input, title: `${long} ${long}` })).toThrow(/more than 2 lines/);
  });

  it('shows only "geen gegevens" when there are no values', () => {
    const map = coverageMapSvg({ ...input, values: {} });
    expect([...map.matchAll(/<rect class="legend-class[^"]*"[^>]*>/g)]).toHaveLength(1);
    expect(map.match(new RegExp(`fill="${NEUTRAL.missing}"`, 'g'))).toHaveLength(343);
  });

  it('refuses values for GM codes that are not on the map, and municipalities without a province', () => {
    expect(() => coverageMapSvg({ ...input, values: { ...input.values, GM9999: 1 } })).toThrow(/GM9999/);
    const { GM0363: _amsterdam, ...withoutAmsterdam } = input.provinceOf;
    expect(() => coverageMapSvg({ ...input, provinceOf: withoutAmsterdam })).toThrow(/GM0363/);
  });
});
