/**
 * Why deduplication went wrong where it did: for each missed pair, whether the two rows ever
 * became a candidate pair (blocking) and, if so, which rule of compare.ts judged them; for each
 * false merge, the rule that joined them. Uses the pipeline's own blockKeys and comparePair on
 * the records as buildLocations sees them, so the answer is the matcher's, not a re-implementation.
 */
import { z } from 'zod';
import type { MonitorDatabase } from '../../../pipeline/db/database.ts';
import { blockKeys, MAX_BLOCK } from '../../../pipeline/dedupe/candidates.ts';
import { comparePair, type MatchRecord } from '../../../pipeline/dedupe/compare.ts';
import { readYearRecords } from '../../../pipeline/dedupe/read-records.ts';
import { recordLevel, toMatchRecord, type RecordRow } from '../../../pipeline/dedupe/records.ts';
import type { MemberRow } from './quality.ts';

export interface ErrorClass {
  cause: string;
  pairs: number;
  examples: string[];
}

export interface Diagnosis {
  missed: ErrorClass[];
  falseMerges: ErrorClass[];
  /** Records per block key: how many blocks were larger than MAX_BLOCK (only sorted neighbours compared). */
  blocks: { total: number; oversized: number; recordsInOversized: number; largest: number };
}

const EXAMPLES = 4;
const PairRow = z.object({ item_a: z.string(), item_b: z.string(), rule: z.string(), outcome: z.string() });

export async function diagnose(
  database: MonitorDatabase,
  year: number,
  errors: { missed: readonly [MemberRow, MemberRow][]; falseMerges: readonly [MemberRow, MemberRow][] },
): Promise<Diagnosis> {
  const rows = await readYearRecords(database, year);
  const rowById = new Map(rows.map((row) => [`${row.source}:${row.row_number}`, row]));
  const recordById = new Map(
    rows.map((row) => {
      const id = `${row.source}:${row.row_number}`;
      return [id, toMatchRecord(id, row.source, row, recordLevel(row))] as const;
    }),
  );
  const keysById = new Map([...recordById].map(([id, record]) => [id, blockKeys(record)]));
  const blockSize = new Map<string, number>();
  for (const keys of keysById.values()) for (const key of keys) blockSize.set(key, (blockSize.get(key) ?? 0) + 1);
  const recorded = await database.query(PairRow, `SELECT item_a, item_b, rule, outcome FROM match_pair WHERE year = $1`, [year]);
  const ruleOf = new Map(recorded.map((pair) => [unordered(pair.item_a, pair.item_b), `${pair.rule} (${pair.outcome})`]));

  const describe = (a: MemberRow, b: MemberRow) => `${show(rowById.get(a.item))}  ~  ${show(rowById.get(b.item))}`;
  const missedCause = (a: MemberRow, b: MemberRow) => {
    const left = recordById.get(a.item)!;
    const right = recordById.get(b.item)!;
    const shared = keysById.get(a.item)!.filter((key) => keysById.get(b.item)!.includes(key));
    if (shared.length === 0) return 'no candidate: no shared block key';
    if (shared.every((key) => (blockSize.get(key) ?? 0) > MAX_BLOCK)) return `no candidate: only shared blocks > ${MAX_BLOCK} (not sorted neighbours)`;
    return candidateCause(left, right, ruleOf.get(unordered(a.item, b.item)));
  };
  // By kind first (across municipalities, or within one), then by the rule that merged them.
  const mergeCause = (a: MemberRow, b: MemberRow) => {
    const [left, right] = [rowById.get(a.item), rowById.get(b.item)];
    const kind = left?.gm_code !== undefined && left.gm_code === right?.gm_code ? 'same municipality' : 'across municipalities';
    const rule = ruleOf.get(unordered(a.item, b.item));
    return `${kind}, ${rule === undefined ? 'merged through other rows of the location' : `merged directly: ${rule}`}`;
  };

  const oversized = [...blockSize.values()].filter((size) => size > MAX_BLOCK);
  return {
    missed: classify(errors.missed, missedCause, describe),
    falseMerges: classify(errors.falseMerges, mergeCause, describe),
    blocks: {
      total: blockSize.size,
      oversized: oversized.length,
      recordsInOversized: oversized.reduce((sum, size) => sum + size, 0),
      largest: [...blockSize.values()].reduce((largest, size) => Math.max(largest, size), 0),
    },
  };
}

function candidateCause(left: MatchRecord, right: MatchRecord, recordedRule: string | undefined): string {
  const decision = comparePair(left, right);
  if (decision.outcome !== 'zelfde') return `candidate, judged '${decision.outcome}': ${decision.rule}`;
  if (recordedRule !== undefined && !recordedRule.endsWith('(zelfde)')) return `candidate, judged 'zelfde', then: ${recordedRule}`;
  return "candidate, judged 'zelfde', not joined (a pair across the two groups conflicts)";
}

function classify(
  pairs: readonly [MemberRow, MemberRow][],
  cause: (a: MemberRow, b: MemberRow) => string,
  describe: (a: MemberRow, b: MemberRow) => string,
): ErrorClass[] {
  const classes = new Map<string, ErrorClass>();
  for (const [a, b] of pairs) {
    const key = cause(a, b);
    const entry = classes.get(key) ?? { cause: key, pairs: 0, examples: [] };
    entry.pairs += 1;
    if (entry.examples.length < EXAMPLES) entry.examples.push(describe(a, b));
    classes.set(key, entry);
  }
  return [...classes.values()].sort((x, y) => y.pairs - x.pairs);
}

function show(row: RecordRow | undefined): string {
  if (row === undefined) return '?';
  const organisation = row.organisation === undefined ? '' : ` [${row.organisation}]`;
  return `${row.source}: "${row.name}"${organisation}, ${row.place ?? '–'} (${row.municipality ?? row.iza_region ?? '?'}${row.postcode === undefined ? '' : `, ${row.postcode}`})`;
}

function unordered(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
