/**
 * What blocking costs and what it finds, on generated inventories: candidate pairs and the share
 * of true pairs among them (an upper bound on recall) for the pipeline's candidatePairs, and for
 * its blockKeys with oversized blocks skipped and a few alternatives, plus which kind of block
 * key produces the pairs.
 * Uses the pipeline's own toMatchRecord and blockKeys; the alternatives only filter their keys.
 *
 * The files are imported into a throw-away database first (importInventory, as the pipeline does).
 *
 *   npx tsx test/bench/generate.ts --records 100000 --out /tmp/lsp-data
 *   npx tsx test/bench/blocking.ts --data /tmp/lsp-data [--year 2030]
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createContext } from '../../pipeline/context.ts';
import { withDatabase } from '../../pipeline/db/database.ts';
import { blockKeys, candidatePairs, MAX_BLOCK } from '../../pipeline/dedupe/candidates.ts';
import { hardConflict, type MatchRecord } from '../../pipeline/dedupe/compare.ts';
import { readYearRecords } from '../../pipeline/dedupe/read-records.ts';
import { recordLevel, toMatchRecord } from '../../pipeline/dedupe/records.ts';
import { importInventory } from '../../pipeline/intake/import-inventory.ts';
import { readTruth } from './gen/truth.ts';

interface Variant {
  name: string;
  maxBlock: number;
  /** A smaller limit for organisation keys (o:), when set. */
  maxOrganisationBlock?: number;
  keys: (record: MatchRecord) => string[];
  /** Drop pairs that hardConflict rules out anyway (different municipality, region or PC4). */
  sameArea?: boolean;
}

const { values } = parseArgs({ options: { data: { type: 'string' }, year: { type: 'string', default: '2030' } } });
if (!values.data) throw new Error('usage: blocking.ts --data DIR (a folder written by generate.ts)');
const [dataDir, year] = [values.data, Number(values.year)];
const Inventory = z.object({ sources: z.array(z.object({ source: z.string(), path: z.string() })) });

const scratch = await mkdtemp(join(tmpdir(), 'lsp-blocking-'));
const { records, truth } = await withDatabase(join(scratch, 'blocking.duckdb'), async (database) => {
  const context = createContext();
  const inventory = Inventory.parse(JSON.parse(await readFile(join(dataDir, 'inventory.json'), 'utf8')));
  for (const source of inventory.sources) await importInventory(database, context, { path: source.path, year, source: source.source });
  const rows = await readYearRecords(database, year);
  const truthOf = readTruth(dataDir);
  const records = rows.map((row) => toMatchRecord(`${row.source}:${row.row_number}`, row.source, row, recordLevel(row)));
  return { records, truth: records.map((record) => truthOf.get(record.id) ?? '-') };
}).finally(() => rm(scratch, { recursive: true, force: true }));

/** Each record keeps only the t: keys of its `count` rarest words (by how many records carry them). */
const rarestWords = (count: number) => {
  const frequency = new Map<string, number>();
  for (const record of records) for (const key of blockKeys(record)) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  return (record: MatchRecord) => {
    const keys = blockKeys(record);
    const words = keys.filter((key) => key.includes('|t:')).sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0));
    return [...keys.filter((key) => !key.includes('|t:')), ...words.slice(0, count)];
  };
};
const VARIANTS: readonly Variant[] = [
  { name: `blockKeys, blocks > ${MAX_BLOCK} skipped`, maxBlock: MAX_BLOCK, keys: blockKeys },
  { name: `blockKeys, blocks > ${MAX_BLOCK} skipped, pairs that hardConflict rules out dropped`, maxBlock: MAX_BLOCK, keys: blockKeys, sameArea: true },
  { name: 'MAX_BLOCK 250', maxBlock: 250, keys: blockKeys },
  { name: 'MAX_BLOCK 100', maxBlock: 100, keys: blockKeys },
  { name: 'MAX_BLOCK 50', maxBlock: 50, keys: blockKeys },
  { name: 'MAX_BLOCK 25', maxBlock: 25, keys: blockKeys },
  { name: "t: keys only for each record's 2 rarest words", maxBlock: MAX_BLOCK, keys: rarestWords(2) },
  { name: "t: keys only for each record's 2 rarest words, hardConflict in SQL", maxBlock: MAX_BLOCK, keys: rarestWords(2), sameArea: true },
  {
    name: "2 rarest words, o: blocks ≤ 25, hardConflict in SQL",
    maxBlock: MAX_BLOCK,
    maxOrganisationBlock: 25,
    keys: rarestWords(2),
    sameArea: true,
  },
];

const trueTotal = countTruePairs(truth);
console.log(`${records.length} records, ${trueTotal} true pairs\n`);
console.log('| variant | candidate pairs | true pairs among them | blocks used | pairs by key kind (before de-duplication) |');
console.log('|---|---|---|---|---|');
{
  // The pipeline itself: sorted neighbours in blocks above MAX_BLOCK, hard conflicts skipped.
  const position = new Map(records.map((record, index) => [record, index]));
  const pairs = candidatePairs(records, { skip: (a, b) => hardConflict(a, b) !== undefined });
  const covered = pairs.filter(([a, b]) => {
    const [x, y] = [truth[position.get(a)!]!, truth[position.get(b)!]!];
    return x !== '-' && x === y;
  }).length;
  console.log(`| pipeline (candidatePairs with the hard-conflict skip) | ${pairs.length} | ${covered} (${((100 * covered) / trueTotal).toFixed(2)}%) | – | – |`);
}
for (const variant of VARIANTS) {
  const result = candidates(records, variant);
  let covered = 0;
  for (const key of result.pairs) {
    const [a, b] = [Math.floor(key / records.length), key % records.length];
    if (truth[a] !== '-' && truth[a] === truth[b]) covered += 1;
  }
  const kinds = [...result.byKind].sort((x, y) => y[1] - x[1]).map(([kind, pairs]) => `${kind} ${pairs}`).join(', ');
  console.log(`| ${variant.name} | ${result.pairs.size} | ${covered} (${((100 * covered) / trueTotal).toFixed(2)}%) | ${result.blocksUsed} | ${kinds} |`);
}

function candidates(all: readonly MatchRecord[], variant: Variant): { pairs: Set<number>; byKind: Map<string, number>; blocksUsed: number } {
  const blocks = new Map<string, number[]>();
  all.forEach((record, index) => {
    for (const key of variant.keys(record)) {
      const members = blocks.get(key);
      if (members) members.push(index);
      else blocks.set(key, [index]);
    }
  });
  const pairs = new Set<number>();
  const byKind = new Map<string, number>();
  let blocksUsed = 0;
  for (const [key, members] of blocks) {
    const limit = key.includes('|o:') ? Math.min(variant.maxBlock, variant.maxOrganisationBlock ?? Infinity) : variant.maxBlock;
    if (members.length > limit || members.length < 2) continue;
    blocksUsed += 1;
    const kind = keyKind(key);
    byKind.set(kind, (byKind.get(kind) ?? 0) + (members.length * (members.length - 1)) / 2);
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        const [a, b] = [members[i]!, members[j]!];
        if (variant.sameArea && hardConflict(all[a]!, all[b]!) !== undefined) continue;
        pairs.add(Math.min(a, b) * all.length + Math.max(a, b));
      }
    }
  }
  return { pairs, byKind, blocksUsed };
}

/** "GM0363|t:herstelcafe" → "gemeente|t"; "regio:X|o:…" → "regio|o"; "p:1234 AB" → "p". */
function keyKind(key: string): string {
  const match = /^(regio:[^|]*|GM\d{4})\|(\w):/.exec(key);
  if (match === null) return key.split(':')[0] ?? key;
  return `${match[1]!.startsWith('regio') ? 'regio' : 'gemeente'}|${match[2]}`;
}

function countTruePairs(truthIds: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const id of truthIds) if (id !== '-') counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.values()].reduce((sum, count) => sum + (count * (count - 1)) / 2, 0);
}
