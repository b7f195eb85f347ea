/**
 * Candidate pairs by blocking, in DuckDB: every record gets a few block keys (its municipality
 * with its organisation, with each informative name word, its full postcode, its IZA-region
 * with its organisation), and only records that share a key are compared. Blocks larger than
 * MAX_BLOCK (a word every location in a city has) are skipped, so the work grows with the
 * number of records, not with its square.
 */
import { z } from 'zod';
import type { MonitorDatabase } from '../db/database.ts';
import type { MatchRecord } from './compare.ts';

export const MAX_BLOCK = 100;
const MIN_BLOCK_TOKEN = 4;

export function blockKeys(record: MatchRecord): string[] {
  const area = record.gmCode ?? `regio:${record.izaRegion ?? ''}`;
  const region = `regio:${record.izaRegion ?? ''}`;
  const keys = new Set<string>();
  if (record.keys.organisationKey !== '') {
    keys.add(`${area}|o:${record.keys.organisationKey}`);
    keys.add(`${region}|o:${record.keys.organisationKey}`);
  }
  // Organisation words have their own block above; only the name's words block here.
  for (const token of record.keys.fullTokens) {
    if (token.length >= MIN_BLOCK_TOKEN) keys.add(`${area}|t:${token}`);
  }
  if (record.keys.compactKey !== '') keys.add(`${region}|c:${record.keys.compactKey}`);
  if (record.postcode !== null && record.postcode.length === 7) keys.add(`p:${record.postcode}`);
  return [...keys];
}

/**
 * Pairs of ids that share a block. With `between`, only pairs across the two groups (e.g. this
 * year's locations against earlier years') are returned.
 */
export async function candidatePairs(
  database: MonitorDatabase,
  records: readonly MatchRecord[],
  between?: (record: MatchRecord) => 'a' | 'b',
): Promise<[string, string][]> {
  await database.run('CREATE OR REPLACE TEMP TABLE match_block (item VARCHAR NOT NULL, side VARCHAR NOT NULL, block VARCHAR NOT NULL)');
  await database.insert(
    'match_block',
    records.flatMap((record) => blockKeys(record).map((block) => [record.id, between?.(record) ?? 'a', block])),
  );
  const rows = await database.query(
    z.object({ a: z.string(), b: z.string() }),
    `WITH usable AS (SELECT block FROM match_block GROUP BY block HAVING count(*) <= $1)
     SELECT DISTINCT x.item AS a, y.item AS b
       FROM match_block x JOIN match_block y ON x.block = y.block
      WHERE x.block IN (SELECT block FROM usable)
        AND ${between ? "x.side = 'a' AND y.side = 'b'" : 'x.item < y.item'}
      ORDER BY a, b`,
    [MAX_BLOCK],
  );
  await database.run('DROP TABLE match_block');
  return rows.map((row) => [row.a, row.b]);
}
