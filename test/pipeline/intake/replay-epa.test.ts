/**
 * The Vektis EPA snapshot that `run` replays from the archive goes through the replacement guard
 * as an imported table does: a newer snapshot holding a fraction of a data year's municipalities
 * is refused unless `run --replace` confirms it. It was taken in with the guard switched off.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Snapshot } from '../../../sources/adapter.ts';
import { writeSnapshot } from '../../../sources/archive/write-snapshot.ts';
import { writeVerdict } from '../../../sources/archive/verdict.ts';
import { createContext, type MonitorContext } from '../../../pipeline/context.ts';
import { MonitorDatabase } from '../../../pipeline/db/database.ts';
import { replayEpaShares } from '../../../pipeline/intake/replay-snapshots.ts';
import { FIXTURES, readFixtureSnapshot } from '../../fixtures/sources/fixture-snapshots.ts';
import { scratchDir } from '../../helpers/cli.ts';

async function archiveGood(archive: string, snapshot: Snapshot, fetchedAt: string, body?: (text: string) => string): Promise<void> {
  const files = snapshot.files.map(({ url, status, contentType, bytes }) => ({
    url, status, contentType,
    bytes: body === undefined ? bytes : new TextEncoder().encode(body(new TextDecoder().decode(bytes))),
  }));
  const { info } = await writeSnapshot(archive, {
    source: snapshot.source, adapterVersion: snapshot.adapterVersion, fetchedAt: new Date(fetchedAt), settings: snapshot.settings ?? {}, files,
  });
  await writeVerdict(info.dir, { good: true, parsedAt: fetchedAt, adapterVersion: snapshot.adapterVersion, records: 1, rejects: 0 });
}

describe('the archived Vektis snapshot replayed by run', () => {
  const archive = join(scratchDir('replay-epa'), 'archief');
  let database: MonitorDatabase;
  let context: MonitorContext;
  const warnings: string[] = [];
  const shares = async () =>
    (await database.query(z.object({ n: z.number() }), 'SELECT count(*)::INTEGER AS n FROM epa_municipality', []))[0]!.n;

  beforeAll(async () => {
    context = createContext();
    database = await MonitorDatabase.open(join(scratchDir('replay-epa-db'), 'monitor.duckdb'));
  });
  afterAll(() => database.close());

  it('refuses a newer snapshot with fewer than half the municipalities, unless run --replace confirms it', async () => {
    const counts = await readFixtureSnapshot(FIXTURES.vektisCounts);
    await archiveGood(archive, counts, '2026-01-01T00:00:00.000Z');
    const first = await replayEpaShares(database, context, archive, (line) => warnings.push(line));
    expect(first?.municipalities).toBeGreaterThanOrEqual(3);
    const before = await shares();
    expect(before).toBe(first?.municipalities);

    const firstLineOnly = (text: string) => text.split('\n').slice(0, 2).join('\n');
    await archiveGood(archive, counts, '2026-02-01T00:00:00.000Z', firstLineOnly);
    await expect(replayEpaShares(database, context, archive, (line) => warnings.push(line))).rejects.toThrow(
      `1 bruikbare gemeente (0 afgewezen), minder dan de helft van de EPA-aandelen van ${before} gemeenten voor 2019`,
    );
    expect(await shares()).toBe(before);

    const confirmed = await replayEpaShares(database, context, archive, (line) => warnings.push(line), true);
    expect(confirmed?.municipalities).toBe(1);
    expect(await shares()).toBe(1);
  });
});
