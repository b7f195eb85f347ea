/**
 * An edited overview taken in through the intake (takeInWorkbook, the way of `lsp-monitor
 * corrections` and of a bundled overview): the store decides what --partial and --dry-run take
 * in, and a file taken in before is not read again.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../pipeline/context.ts';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { takeInWorkbook, type ReceivedWorkbook } from '../../../pipeline/intake/intake-workbook.ts';
import { readMonitor, type LocationRow } from '../../../pipeline/read/read-monitor.ts';
import { reviewPairsOf } from '../../../pipeline/workbook/extras.ts';
import { overviewBytes } from '../../../pipeline/workbook/write/overview.ts';
import { buildMonitor2024, type Monitor2024 } from './monitor-2024.ts';
import { OverviewEditor } from './edit-overview.ts';

describe('an edited overview taken in through the intake', () => {
  let monitor: Monitor2024;
  let database: string;
  let edited: Uint8Array;
  let clean: LocationRow;

  const takeIn = (choices: Partial<ReceivedWorkbook>) =>
    withDatabase(database, (db) => takeInWorkbook(db, createContext(), { path: join(monitor.scratch, 'overzicht-bewerkt.xlsx'), bytes: edited, year: 2024, ...choices }));
  const sizeNow = async () => withDatabase(database, async (db) => (await readMonitor(db, 2024)).locations.find((row) => row.location_id === clean.location_id)?.size_class);

  beforeAll(async () => {
    monitor = await buildMonitor2024();
    database = join(monitor.scratch, 'monitor.duckdb');
    const unknown = monitor.data.locations.filter((row) => row.size_class === 'onbekend');
    const [first, second] = unknown;
    if (first === undefined || second === undefined) throw new Error('the 2024 monitor has fewer than two locations of unknown size');
    clean = first;
    const editor = await OverviewEditor.open(await overviewBytes(monitor.data, { reviewPairs: reviewPairsOf(monitor.data.review) }));
    editor.setLocation(editor.rowOf(first.location_id), 'grootte', 'groot');
    editor.setLocation(editor.rowOf(second.location_id), 'grootte', 'reusachtig');
    edited = await editor.bytes();
  });

  it('refuses a file with an error without --partial, and stores nothing', async () => {
    const taken = await takeIn({});
    expect(taken.outcome).toBe('refused');
    expect(taken.lines).toEqual([]);
    expect(taken.outcome === 'refused' && taken.read.errors.map((error) => error.column)).toEqual(['Grootte']);
    expect(await sizeNow()).toBe('onbekend');
  });

  it('with --partial and --dry-run names the clean change and stores nothing', async () => {
    const taken = await takeIn({ partial: true, dryRun: true });
    expect(taken.outcome).toBe('dry-run');
    expect(taken.lines).toEqual(['overzicht-bewerkt.xlsx: 1 wijziging(en) gevonden; niets overgenomen (--dry-run).']);
    expect(taken.outcome === 'dry-run' && taken.accepted.map((change) => change.kind === 'change' && [change.locationId, change.to])).toEqual([[clean.location_id, 'groot']]);
    expect(await sizeNow()).toBe('onbekend');
  });

  it('with --partial takes in the clean row only and rebuilds; the same file again is taken before', async () => {
    const taken = await takeIn({ partial: true });
    expect(taken.outcome).toBe('applied');
    expect(taken.lines).toEqual(['overzicht-bewerkt.xlsx: 1 wijziging(en) overgenomen.']);
    expect(taken.outcome === 'applied' && taken.builds.map((build) => build.year)).toEqual([2024]);
    expect(await sizeNow()).toBe('groot');

    const again = await takeIn({ partial: true });
    expect(again.outcome).toBe('taken-before');
    expect(again.lines).toEqual(['overzicht-bewerkt.xlsx: dit bestand is al eerder overgenomen voor 2024; er is niets veranderd.']);
  });
});
