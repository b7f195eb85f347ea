/**
 * Synthetic inventories for the benchmark: `records` rows over three sources (bron-a.csv with
 * commas, bron-b.csv with semicolons in Windows-1252, bron-c.xlsx), with a known share of
 * steunpunten listed in two or three sources, written differently, and the truth beside them in
 * `truth.csv` (gen/truth.ts), which the pipeline never reads. Seeded: the same size and seed give
 * the same files.
 *
 *   npx tsx test/bench/generate.ts --records 10000 --out /tmp/lsp-bench [--seed lsp-bench]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLocations, SOURCE_IDS, type SourceId } from './gen/locations.ts';
import { loadGeography } from './gen/places.ts';
import { createRandom, shuffled } from './gen/random.ts';
import { JUNK_TRUTH_ID, junkRow, renderListing, SOURCES } from './gen/sources.ts';
import { withRealShapes } from './gen/real-shapes.ts';
import { FIRST_DATA_ROW, writeTruth, type TruthLine } from './gen/truth.ts';
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

  const rows = new Map<SourceId, { cells: string[]; truthId: string }[]>(SOURCE_IDS.map((id) => [id, []]));
  const rendering = random.fork('rendering');
  const shapes = random.fork('real-shapes');
  for (const location of locations) {
    for (const id of location.sources) {
      const cells = renderListing(location, id, geography, rendering);
      rows.get(id)!.push({ cells: id === 'a' ? withRealShapes(cells, shapes) : cells, truthId: location.truthId });
    }
  }
  for (let index = 0; index < junk; index += 1) {
    const id = SOURCE_IDS[index % SOURCE_IDS.length]!;
    rows.get(id)!.push({ cells: junkRow(id, index + 1), truthId: JUNK_TRUTH_ID });
  }

  await mkdir(options.directory, { recursive: true });
  const sources: GeneratedSource[] = [];
  const truth: TruthLine[] = [];
  for (const id of SOURCE_IDS) {
    const spec = SOURCES[id];
    const path = join(options.directory, spec.file);
    const sourceRows = shuffled(rows.get(id)!, random.fork(`order/${id}`));
    await writeSourceFile(path, spec, sourceRows.map((row) => row.cells));
    sourceRows.forEach((row, index) => truth.push({ source: spec.source, row: FIRST_DATA_ROW + index, truthId: row.truthId }));
    sources.push({ source: spec.source, path, rows: sourceRows.length });
  }
  await writeTruth(options.directory, truth);
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
