/**
 * The bundled MIND-atlas and NVZH snapshots (recorded from the 2024 inventory, with the truth of
 * which seed row each entry stands for) replayed into a year without a published inventory:
 * no two distinct steunpunten merged, every seed steunpunt present, and what the matcher cannot
 * decide listed for review rather than guessed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mindAtlas } from '../../sources/adapters/mind-atlas.ts';
import { nvzh } from '../../sources/adapters/nvzh.ts';
import { listSnapshots } from '../../sources/archive/read-snapshot.ts';
import { BUNDLED_SNAPSHOTS_ROOT } from '../../sources/snapshots/bundled.ts';
import { createContext } from '../../pipeline/context.ts';
import { withDatabase } from '../../pipeline/db/database.ts';
import { buildYear } from '../../pipeline/build/build-year.ts';
import { importSnapshot } from '../../pipeline/intake/replay-snapshots.ts';
import { scratchDir } from '../helpers/cli.ts';

const truthPath = fileURLToPath(new URL('../fixtures/sources/galan2024-truth.csv', import.meta.url));
const YEAR = 2030;

describe('replaying the bundled MIND-atlas and NVZH snapshots', () => {
  const members: { location_id: string; source: string; origin: string; status: string }[] = [];
  let review = 0;
  const rejected: { source: string; origin: string }[] = [];
  const truth = new Map(
    Papa.parse<Record<string, string>>(readFileSync(truthPath, 'utf8'), { header: true, skipEmptyLines: true }).data.map((row) => [
      `${row['source']}|${row['origin']}`,
      { rows: row['seed_rows']!.split(';'), organisation: row['org_level'] === 'true' },
    ]),
  );

  beforeAll(async () => {
    const context = createContext();
    await withDatabase(join(scratchDir(), 'monitor.duckdb'), async (database) => {
      for (const adapter of [mindAtlas, nvzh]) {
        const [info] = (await listSnapshots(BUNDLED_SNAPSHOTS_ROOT, adapter.id)).filter((snapshot) => snapshot.status === 'good');
        await importSnapshot(database, context, YEAR, { adapter, info: info!, from: 'meegeleverd' });
      }
      await buildYear(database, context, YEAR);
      members.push(...(await database.query(
        z.object({ location_id: z.string(), source: z.string(), origin: z.string(), status: z.string() }),
        `SELECT m.location_id, m.source, json_extract_string(r.extra, '$.herkomst') AS origin, l.status
           FROM location_member m
           JOIN inventory_record r ON r.year = m.year AND r.source = m.source AND r.row_number = m.row_number
           JOIN location l ON l.year = m.year AND l.location_id = m.location_id
          WHERE m.year = $1`,
        [YEAR],
      )));
      rejected.push(...(await database.query(
        z.object({ source: z.string(), origin: z.string() }),
        'SELECT source, file_name AS origin FROM reject WHERE year = $1',
        [YEAR],
      )));
      const [pairs] = await database.query(z.object({ n: z.number() }), `SELECT count(*)::INTEGER AS n FROM match_pair WHERE year = $1 AND outcome = 'te beoordelen'`, [YEAR]);
      review = pairs?.n ?? 0;
    });
  });

  it('never merges two distinct steunpunten', () => {
    const byLocation = new Map<string, { rows: string[]; organisation: boolean }[]>();
    for (const member of members) {
      const label = truth.get(`${member.source}|${member.origin}`);
      expect(label, `${member.source} ${member.origin}`).toBeDefined();
      byLocation.set(member.location_id, [...(byLocation.get(member.location_id) ?? []), label!]);
    }
    for (const [location, labels] of byLocation) {
      const locationLevel = labels.filter((label) => !label.organisation).map((label) => label.rows[0]);
      expect(new Set(locationLevel).size, location).toBeLessThanOrEqual(1);
    }
  });

  it('covers every steunpunt, keeps each one listed at location level apart, and lists doubtful pairs for review', () => {
    const covered = new Set([...members, ...rejected].flatMap((entry) => truth.get(`${entry.source}|${entry.origin}`)?.rows ?? []));
    expect(covered.size).toBe(278);
    expect(rejected.length).toBeLessThanOrEqual(8);
    const listedAsLocation = new Set(
      members.flatMap((member) => {
        const label = truth.get(`${member.source}|${member.origin}`)!;
        return label.organisation ? [] : [label.rows[0]!];
      }),
    );
    const withLocationEntries = new Set(
      members.filter((member) => !truth.get(`${member.source}|${member.origin}`)!.organisation).map((member) => member.location_id),
    );
    const duplicates = withLocationEntries.size - listedAsLocation.size;
    expect(duplicates).toBeGreaterThanOrEqual(0);
    expect(duplicates).toBeLessThanOrEqual(5);
    expect(review).toBeGreaterThanOrEqual(duplicates);
    console.info(
      `momentopnamen: ${listedAsLocation.size} steunpunten op locatieniveau genoemd, ${withLocationEntries.size} locaties ` +
        `(${duplicates} dubbel, te beoordelen), ${rejected.length} afgewezen, ${review} paren te beoordelen`,
    );
  });
});
