/**
 * The site's files from the bundled 2024 monitor: deterministic, self-contained (no network, no
 * fetch), every link resolving inside the site, a page per province and IZA-region with that
 * region's own steunpunten and figures, small, and every text escaped.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { formatNumberNl } from '../../../pipeline/format-nl.ts';
import { readReportInput, type ReportInput } from '../../../pipeline/read/read-report-input.ts';
import { siteFiles } from '../../../outputs/site/site-files.ts';
import { ownedBySite, slug, uniqueSlugs } from '../../../outputs/site/slug.ts';
import { scratchDir } from '../../helpers/cli.ts';
import { monitor2024Database } from '../../helpers/monitor-2024.ts';

describe('the site of the 2024 monitor', () => {
  let input: ReportInput;
  /** The site of `input`, rendered once (a render draws every region's map) and read by the tests below. */
  let site: ReturnType<typeof siteFiles>;

  beforeAll(async () => {
    const scratch = scratchDir('lsp-monitor-site-files-');
    // The suite's one run of 2024, its database copied.
    const database = await monitor2024Database(scratch);
    input = await withDatabase(database, (db) => readReportInput(db, 2024));
    site = siteFiles(input);
  }, 180_000);

  it('is the same bytes every time', () => {
    expect(siteFiles(input)).toEqual(site);
  });

  it('has a start page, a page per province and per IZA-region, its style and script', () => {
    const names = site.map((file) => file.name);
    expect(names.filter((name) => name.startsWith('site/provincie/'))).toHaveLength(12);
    expect(names.filter((name) => name.startsWith('site/iza-regio/'))).toHaveLength(input.data.regions.length);
    expect(names).toEqual(expect.arrayContaining(['site/index.html', 'site/site.css', 'site/site.js', 'site/provincie/utrecht.html', 'site/iza-regio/lekstroom.html']));
    expect(names.every(ownedBySite)).toBe(true);
  });

  it('needs no network: no address outside the site, no fetch, every link to a file of the site', () => {
    const names = new Set(site.map((file) => file.name));
    for (const file of site) {
      expect(file.content.replaceAll('http://www.w3.org/2000/svg', ''), file.name).not.toMatch(/https?:|\/\/[a-z]/i);
      expect(file.content, file.name).not.toMatch(/fetch\(|XMLHttpRequest|import\(/);
      const folder = file.name.split('/').slice(0, -1);
      for (const [, target] of file.content.matchAll(/(?:href|src)="([^"#]+)"/g)) {
        const parts = [...folder];
        for (const part of (target ?? '').split('/')) {
          if (part === '..') parts.pop();
          else parts.push(part);
        }
        expect(names.has(parts.join('/')), `${file.name} links to ${target}`).toBe(true);
      }
    }
  });

  it('stays small', () => {
    const bytes = site.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
    expect(bytes).toBeLessThan(5_000_000);
  });

  it('lists on each region page exactly the steunpunten it counts in view, with its figures', () => {
    const files = new Map(site.map((file) => [file.name, file.content]));
    const regions = [
      ...input.data.provinces.map((row) => ({ row, page: `site/provincie/${slug(row.area_name)}.html` })),
      ...input.data.regions.map((row) => ({ row, page: `site/iza-regio/${slug(row.area_name)}.html` })),
    ];
    for (const { row, page } of regions) {
      const html = files.get(page) ?? '';
      const listed = html.match(/<table data-sortable>[\s\S]*?<\/table>/)?.[0].match(/<tr><td>/g)?.length ?? 0;
      expect(listed, page).toBe(row.in_view);
      expect(html, page).toContain(`<dt>In beeld</dt><dd>${formatNumberNl(row.in_view)}</dd>`);
      expect(html, page).toContain('<dt>Gewenst bij 45%</dt>');
    }
  });

  it('puts every steunpunt in view with coordinates on the start map and in its search index', () => {
    const index = site.find((file) => file.name === 'site/index.html')?.content ?? '';
    const onMap = [...index.matchAll(/data-ids="([^"]+)"/g)].flatMap((match) => (match[1] ?? '').split(' '));
    const placed = input.data.locations.filter((location) => location.status === 'actief' && location.lat !== null && location.lon !== null);
    expect(onMap.sort()).toEqual(placed.map((location) => location.location_id).sort());
    const search = JSON.parse(index.match(/<script type="application\/json" id="zoekindex">([^<]*)<\/script>/)?.[1] ?? '[]') as { t: string }[];
    expect(search.filter((entry) => entry.t.toLowerCase().includes('enik'))).toHaveLength(8);
  });

  it('draws on each region page every steunpunt it lists that has coordinates', () => {
    const files = new Map(site.map((file) => [file.name, file.content]));
    const regions = [
      ...input.data.provinces.map((row) => ({ level: 'provincie', name: row.area_name, page: `site/provincie/${slug(row.area_name)}.html` })),
      ...input.data.regions.map((row) => ({ level: 'iza_regio', name: row.area_name, page: `site/iza-regio/${slug(row.area_name)}.html` })),
    ];
    const placed = input.data.locations.filter((location) => location.status === 'actief' && location.lat !== null && location.lon !== null);
    for (const { level, name, page } of regions) {
      const html = files.get(page) ?? '';
      const drawn = new Set([...html.matchAll(/data-ids="([^"]+)"/g)].flatMap((match) => (match[1] ?? '').split(' ')));
      // The IZA-region is the steunpunt's own; a province page may count one elsewhere (galan2024), so only its own are checked.
      const own = placed.filter((location) => (level === 'provincie' ? location.province === name : location.iza_region === name));
      expect(own.filter((location) => !drawn.has(location.location_id)).map((location) => location.name), page).toEqual([]);
    }
  });

  it('draws the borders of the division it is given, also after another was drawn in the same process', () => {
    const borders = (files: ReturnType<typeof siteFiles>) => /<path class="iza-borders" d="([^"]*)"/.exec(files.find((file) => file.name === 'site/index.html')?.content ?? '')?.[1];
    const [moved, ...others] = input.data.municipalities;
    const neighbour = others.find((row) => row.province === moved!.province && row.iza_region !== moved!.iza_region)!;
    const redrawn: ReportInput = { ...input, data: { ...input.data, municipalities: [{ ...moved!, iza_region: neighbour.iza_region }, ...others] } };
    expect(borders(siteFiles(redrawn))).not.toBe(borders(site));
    expect(siteFiles(input)).toEqual(site);
  });

  it("shows a region's change since the previous built year, and says when there is none", () => {
    const utrecht = (files: ReturnType<typeof siteFiles>) => files.find((file) => file.name === 'site/provincie/utrecht.html')?.content ?? '';
    expect(utrecht(site)).toContain('Er is geen eerder jaar gebouwd');
    const area = {
      level: 'provincie' as const, area: 'Utrecht', inViewBefore: 12, inViewAfter: 14, weightedBefore: 12, weightedAfter: 14, difference: 2,
      changePct: 16.67, recountedBefore: 12, methodEffect: 0, opened: 3, closed: 1, moved: 0,
    };
    const method = { year: 2023, name: 'galan2024', label: 'De Galan', provinceOfLocation: 'iza-regio' as const };
    const withPrevious: ReportInput = {
      ...input,
      previous: { data: input.data, diff: { from: 2023, to: 2024, methods: { before: method, after: { ...method, year: 2024 } }, locations: [], areas: [area] } },
    };
    const html = utrecht(siteFiles(withPrevious));
    expect(html).toContain('<h2>Verandering sinds 2023</h2>');
    expect(html).toContain('In beeld: 12 in 2023, 14 in 2024 (+2, +16,7%). Nieuw of weer in beeld: 3; niet meer in beeld: 1.');
  });

  it('escapes every text it shows', () => {
    const hostile = '<img src=x onerror=alert(1)> "Inloop" & </script>';
    const [first, ...rest] = input.data.locations;
    if (!first) throw new Error('no locations');
    const changed: ReportInput = { ...input, data: { ...input.data, locations: [{ ...first, name: hostile, organisation: hostile }, ...rest] } };
    for (const file of siteFiles(changed)) {
      expect(file.content, file.name).not.toContain('<img');
      expect(file.content, file.name).not.toContain('"Inloop"');
      expect(file.content.match(/<\/script>/g)?.length ?? 0, file.name).toBeLessThanOrEqual(2);
    }
  });
});

describe('page names of regions', () => {
  it('are lower case ASCII with hyphens', () => {
    expect(slug('Utrecht / Utrecht')).toBe('utrecht-utrecht');
    expect(slug('Fryslân')).toBe('fryslan');
    expect(slug('Groningen (provincie)')).toBe('groningen-provincie');
    expect(slug("Zuid-Holland Noord")).toBe('zuid-holland-noord');
  });

  it('refuse two regions that would share a page', () => {
    expect(() => uniqueSlugs(['Utrecht / West', 'Utrecht West'])).toThrow(/utrecht-west/);
  });
});
