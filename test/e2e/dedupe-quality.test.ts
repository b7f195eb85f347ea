/**
 * Measured deduplication quality on the labelled evaluation set (test/fixtures/dedup/): two
 * differently written, overlapping lists of the 278 steunpunten of 2024, as CSV with Dutch
 * headers and XLSX with English headers, with outdated municipality names and places given as
 * municipality. Together they must give exactly the 278 locations of the report.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInventoryTable } from '../../sources/inventory/read-table.ts';
import { readCsv } from '../helpers/csv.ts';
import { twoLists2024 } from '../helpers/two-lists-2024.ts';

const fixtures = fileURLToPath(new URL('../fixtures/dedup/', import.meta.url));
const published = fileURLToPath(new URL('../../sources/reference/galan2024/', import.meta.url));

/** source:row -> true seed row */
async function truth(): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const [source, file] of [['lijst-a', 'lijst-a.csv'], ['lijst-b', 'lijst-b.xlsx']] as const) {
    const table = await readInventoryTable(join(fixtures, file));
    for (const row of table.rows) labels.set(`${source}:${row.row}`, row.extra['seed_rij']!);
  }
  return labels;
}

function pairs<T>(items: readonly T[]): [T, T][] {
  return items.flatMap((item, index) => items.slice(index + 1).map((other): [T, T] => [item, other]));
}

describe('deduplication of two overlapping lists of the 2024 steunpunten', () => {
  let out: string;
  let locations: Record<string, string>[];
  let labels: Map<string, string>;

  beforeAll(async () => {
    // Import lijst-a and lijst-b, build and report 2024 on a new database (shared with corrections.test.ts).
    const { results, report } = await twoLists2024();
    expect(results).toHaveLength(4);
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    out = report;
    locations = readCsv(join(out, 'locaties.csv'));
    labels = await truth();
  });

  it('finds the true pairs with F1 >= 0.98 and merges no two distinct locations', () => {
    const predicted = new Set(
      locations.flatMap((location) => pairs(location['bronnen']!.split('; ').sort()).map(([a, b]) => `${a}|${b}`)),
    );
    const records = [...labels.keys()].sort();
    const actual = new Set(pairs(records).filter(([a, b]) => labels.get(a) === labels.get(b)).map(([a, b]) => `${a}|${b}`));
    const truePositives = [...predicted].filter((pair) => actual.has(pair)).length;
    const falseMerges = [...predicted].filter((pair) => !actual.has(pair));
    const missed = [...actual].filter((pair) => !predicted.has(pair));
    const precision = truePositives / predicted.size;
    const recall = truePositives / actual.size;
    const f1 = (2 * precision * recall) / (precision + recall);
    console.info(`deduplicatie: precisie ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, F1 ${f1.toFixed(4)} (${actual.size} echte paren)`);
    expect(falseMerges).toEqual([]);
    expect(missed.length, `gemist: ${missed.slice(0, 10).join(', ')}`).toBeLessThanOrEqual(actual.size * 0.02);
    expect(f1).toBeGreaterThanOrEqual(0.98);
  });

  it('yields exactly 278 steunpunten in view, and per province the in-view column of table 2.4.1', () => {
    expect(locations.filter((location) => location['status'] === 'actief')).toHaveLength(278);
    const provinces = new Map(readCsv(join(out, 'provincies.csv')).map((row) => [row['provincie'], row['in_beeld']]));
    for (const row of readCsv(join(published, 'table_2_4_1_provinces.csv'))) {
      expect(provinces.get(row['province']), row['province']).toBe(row['in_view']);
    }
  });

  it('lists doubtful pairs for review instead of merging them silently', () => {
    const review = readCsv(join(out, 'te-beoordelen.csv'));
    expect(review.map((pair) => [pair['naam_a'], pair['naam_b']])).toEqual([
      ['STIP Noordwijk', 'STIP Noordwijkerhout'],
      ['Stadskamer Doetinchem (De Stadsvilla)', 'Stadskamer Doetinchem (Stadswerkplaats)'],
    ]);
    for (const pair of review) {
      expect(pair['locatie_a']).not.toBe(pair['locatie_b']);
      expect(pair['reden']).not.toBe('');
    }
  });
});
