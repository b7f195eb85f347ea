/**
 * The keys of location, location_member and match_pair are checked by the build (migration 010
 * dropped their PRIMARY KEYs): a key held twice fails the build with a Dutch message.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildYear } from '../../../pipeline/build/build-year.ts';
import { checkBuildKeys } from '../../../pipeline/build/check-build-keys.ts';
import { createContext } from '../../../pipeline/context.ts';
import { MonitorDatabase } from '../../../pipeline/db/database.ts';
import type { NewRow, TableName } from '../../../pipeline/db/tables.ts';
import { takeIn } from '../../../pipeline/intake/intake.ts';
import { mindAtlas } from '../../../sources/adapters/mind-atlas.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { readBundledSnapshot } from '../../../sources/snapshots/bundled.ts';
import { scratchDir } from '../../helpers/cli.ts';

const YEAR = 2030;

function location(locationId: string): NewRow<'location'> {
  return {
    year: YEAR,
    location_id: locationId,
    name: `Inloop ${locationId}`,
    organisation: null,
    address: null,
    postcode: null,
    place: null,
    gm_code: null,
    municipality: null,
    province: 'Utrecht',
    iza_region: null,
    size_class: 'klein',
    size_basis: 'opgegeven',
    weight: 1,
    status: 'actief',
    sources: 'bron:2',
    flags: null,
    note: null,
    organisation_id: null,
    website: null,
    dagdelen_per_week: null,
    visitors_per_week: null,
    lat: null,
    lon: null,
    coordinate_precision: null,
    opening_hours: null,
  };
}

function member(locationId: string, rowNumber: number): NewRow<'location_member'> {
  return { year: YEAR, location_id: locationId, source: 'bron', row_number: rowNumber, fingerprint: `bron|${rowNumber}`, level: 'locatie' };
}

function pair(itemA: string, itemB: string): NewRow<'match_pair'> {
  return {
    year: YEAR,
    stage: 'binnen jaar',
    pair_id: `PAAR-${itemA}-${itemB}`,
    item_a: itemA,
    item_b: itemB,
    fingerprint_a: itemA,
    fingerprint_b: itemB,
    location_a: null,
    location_b: null,
    name_a: 'Inloop',
    name_b: 'Inloop',
    place_a: null,
    place_b: null,
    score: 0.9,
    rule: 'naam komt overeen',
    outcome: 'zelfde',
  };
}

async function withBuild(work: (database: MonitorDatabase) => Promise<void>): Promise<void> {
  const database = await MonitorDatabase.open(join(scratchDir(), 'monitor.duckdb'));
  try {
    await database.append('location', [location('LSP-1'), location('LSP-2')]);
    await database.append('location_member', [member('LSP-1', 2), member('LSP-1', 3), member('LSP-2', 4)]);
    await database.append('match_pair', [pair('bron:2', 'bron:3')]);
    await work(database);
  } finally {
    await database.close();
  }
}

describe('checkBuildKeys', () => {
  it('passes a build whose keys are each held once, also when another year repeats them', async () => {
    await withBuild(async (database) => {
      await database.append('location_member', [{ ...member('LSP-1', 2), year: YEAR - 1 }]);
      await expect(checkBuildKeys(database, YEAR)).resolves.toBeUndefined();
    });
  });

  it.each([
    ['location', (database: MonitorDatabase) => database.append('location', [location('LSP-2')]), '1 × dezelfde locatie-id in location'],
    ['location_member', (database: MonitorDatabase) => database.append('location_member', [member('LSP-2', 3)]), '1 × dezelfde bron en regel van een record in location_member'],
    ['match_pair', (database: MonitorDatabase) => database.append('match_pair', [pair('bron:2', 'bron:3')]), '1 × dezelfde paar van records in match_pair'],
  ])('fails the build when a key of %s is held twice', async (_table, repeat, message) => {
    await withBuild(async (database) => {
      await repeat(database);
      const failure = checkBuildKeys(database, YEAR);
      await expect(failure).rejects.toThrow(MonitorError);
      await expect(failure).rejects.toThrow(`de build van ${YEAR} is niet opgeslagen: ${message}`);
    });
  });
});

/** The database, except that the build's member rows come with their first row twice (a bug the check must stop). */
function repeatingFirstMember(database: MonitorDatabase): MonitorDatabase {
  return new Proxy(database, {
    get(target, property) {
      if (property === 'append') {
        return <T extends TableName>(table: T, rows: Iterable<NewRow<T>>) => {
          const all = [...rows];
          return target.append(table, table === 'location_member' ? [...all, all[0]!] : all);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('buildYear', () => {
  it('checks the keys before it commits: a member row held twice stores nothing of that build', async () => {
    const context = createContext();
    const database = await MonitorDatabase.open(join(scratchDir(), 'monitor.duckdb'));
    try {
      const target = { database, context, year: YEAR, source: 'mind-atlas', file: 'mind-atlas/bundled', sha256: 'mind-atlas/bundled', replace: false };
      await takeIn(mindAtlas, await readBundledSnapshot('mind-atlas'), target);
      await buildYear(database, context, YEAR);
      const members = () => database.query(z.object({ n: z.number() }), 'SELECT count(*)::INTEGER AS n FROM location_member WHERE year = $year', { year: YEAR });
      const before = await members();
      expect(before[0]!.n).toBeGreaterThan(0);

      const failure = buildYear(repeatingFirstMember(database), context, YEAR);
      await expect(failure).rejects.toThrow(MonitorError);
      await expect(failure).rejects.toThrow(`de build van ${YEAR} is niet opgeslagen: 1 × dezelfde bron en regel van een record in location_member`);
      expect(await members()).toEqual(before);
    } finally {
      await database.close();
    }
  });
});
