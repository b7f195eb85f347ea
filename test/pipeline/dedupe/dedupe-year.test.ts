/**
 * Organisation entries in dedupeYear, with cases from the synthetic benchmark: a foundation named
 * after itself with a slip in its name is not a location of itself, so its namesake in another
 * municipality is not absorbed as "the organisation" into it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { dedupeYear } from '../../../pipeline/dedupe/dedupe-year.ts';
import { toMatchRecord, type LocationFacts } from '../../../pipeline/dedupe/records.ts';
import { scratchDir } from '../../helpers/cli.ts';

const region = 'Noord-Holland Noord';
const record = (id: string, facts: LocationFacts) => toMatchRecord(id, id.split(':')[0]!, { iza_region: region, ...facts }, 'locatie');
const groupsOf = async (records: ReturnType<typeof record>[]) =>
  withDatabase(join(scratchDir(), 'monitor.duckdb'), async (database) =>
    (await dedupeYear(database, records)).groups.map((group) => group.map((member) => member.id)),
  );

describe('dedupeYear and organisation entries', () => {
  it('keeps two foundations of one name in two municipalities apart when one is written with a slip', async () => {
    const groups = await groupsOf([
      record('bron-a:2', { name: 'Stichting Schapenbuurt', organisation: 'Stichting Schapenbuurt', place: 'Koedijk', municipality: 'Dijk en Waard', gm_code: 'GM1980' }),
      record('bron-b:2', { name: 'Stichting Schaapenbuurt', organisation: 'Stichting Schapenbuurt', place: 'Stede Broec', municipality: 'Stede Broec', gm_code: 'GM0532' }),
    ]);
    expect(groups).toEqual([['bron-a:2'], ['bron-b:2']]);
  });

  it('reads a slipped legal form as the legal form', async () => {
    const groups = await groupsOf([
      record('bron-a:3', { name: 'ROGGEBOSCH', organisation: 'Roggebosch', place: 'Etten-Leur', municipality: 'Etten-Leur', gm_code: 'GM0777' }),
      record('bron-b:3', { name: 'STICCHTING ROGGEBOSCH', organisation: 'Stichting Roggebosch', place: 'Bavel', municipality: 'Alphen-Chaam', gm_code: 'GM1723' }),
      record('bron-c:3', { name: 'STICHTING ROGGEBOSCH', organisation: 'Stichting Roggebosch', place: 'Etten-Leur', municipality: 'Etten-Leur', gm_code: 'GM0777' }),
    ]);
    expect(groups).toEqual([['bron-a:3', 'bron-c:3'], ['bron-b:3']]);
  });

  it('still lets an organisation listed without its locations be covered by them', async () => {
    const groups = await groupsOf([
      record('nvzh:2', { name: 'Stjoer', place: 'Leeuwarden', municipality: 'Leeuwarden', gm_code: 'GM0080' }),
      record('mind:2', { name: 'Inloop De Brug', organisation: 'Stjoer', place: 'Leeuwarden', municipality: 'Leeuwarden', gm_code: 'GM0080' }),
    ]);
    expect(groups).toEqual([['mind:2', 'nvzh:2']]);
  });
});
