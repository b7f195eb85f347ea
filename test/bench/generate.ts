/**
 * Synthetic inventories for the benchmark: `records` rows over three sources (bron-a.csv with
 * commas, bron-b.csv with semicolons in Windows-1252, bron-c.xlsx), with a known share of
 * steunpunten listed in two or three sources, written differently, and the truth in an extra
 * `truth_id` column the matcher never reads. Seeded: the same size and seed give the same files.
 *
 *   npx tsx test/bench/generate.ts --records 10000 --out /tmp/lsp-bench [--seed lsp-bench]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLocations, SOURCE_IDS, type SourceId } from './gen/locations.ts';
import { loadGeography } from './gen/places.ts';
import { createRandom, shuffled } from './gen/random.ts';
import { junkRow, renderListing, SOURCES } from './gen/sources.ts';
import { phraseWords } from './gen/vocabulary.ts';
import { writeSourceFile } from './gen/write-files.ts';

/** Rows that belong to no steunpunt and must be rejected (bad postcode, unknown place). */
export const JUNK_SHARE = 0.002;
export const DEFAULT_SEED = 'lsp-bench';

export interface GeneratedSource {
  source: string;
  path: string;
  rows: number;
}

export interface GeneratedInventory {
  records: number;
  seed: string;
  locations: number;
  /** Locations listed by 1, 2 and 3 sources. */
  listedBy: [number, number, number];
  junkRows: number;
  /** Pairs of rows that are the same steunpunt. */
  truePairs: number;
  sources: GeneratedSource[];
}

export async function generateInventories(options: { records: number; directory: string; seed?: string }): Promise<GeneratedInventory> {
  const seed = options.seed ?? DEFAULT_SEED;
  const random = createRandom(`${seed}/${options.records}`);
  const geography = loadGeography();
  const junk = Math.round(options.records * JUNK_SHARE);
  const locations = generateLocations(options.records - junk, geography, phraseWords(), random.fork('locations'));

  const rows = new Map<SourceId, string[][]>(SOURCE_IDS.map((id) => [id, []]));
  const rendering = random.fork('rendering');
  for (const location of locations) {
    for (const id of location.sources) rows.get(id)!.push(renderListing(location, id, geography, rendering));
  }
  for (let index = 0; index < junk; index += 1) {
    const id = SOURCE_IDS[index % SOURCE_IDS.length]!;
    rows.get(id)!.push(junkRow(id, index + 1));
  }

  await mkdir(options.directory, { recursive: true });
  const sources: GeneratedSource[] = [];
  for (const id of SOURCE_IDS) {
    const spec = SOURCES[id];
    const path = join(options.directory, spec.file);
    const sourceRows = shuffled(rows.get(id)!, random.fork(`order/${id}`));
    await writeSourceFile(path, spec, sourceRows);
    sources.push({ source: spec.source, path, rows: sourceRows.length });
  }
  const listed = (count: number) => locations.filter((location) => location.sources.length === count).length;
  const listedBy: [number, number, number] = [listed(1), listed(2), listed(3)];
  const truePairs = listedBy[1] + 3 * listedBy[2];
  const inventory = { records: options.records, seed, locations: locations.length, listedBy, junkRows: junk, truePairs, sources };
  await writeFile(join(options.directory, 'inventory.json'), `${JSON.stringify(inventory, null, 2)}\n`);
  return inventory;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { records: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } } });
  const records = Number(values.records ?? '1000');
  if (!Number.isInteger(records) || records < 10) throw new Error('--records must be a whole number of at least 10');
  const inventory = await generateInventories({ records, directory: values.out ?? 'test/bench/results/data', seed: values.seed ?? DEFAULT_SEED });
  console.log(JSON.stringify(inventory, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
