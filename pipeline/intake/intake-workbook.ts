/**
 * The working group's edited Excel overview as an intake of kind 'workbook-corrections': the
 * received workbook becomes a snapshot like any received file, and parse reads it with the
 * workbook's reader (pipeline/workbook/read/, beside the layout and the writer of the format; it
 * applies the guard to every cell it reads). Unlike a source adapter its parse needs the year's
 * build as it is now (a change is old → new), so the adapter is made for one database and year.
 * `lsp-monitor corrections` and a bundled overview of `run` both come in through takeInWorkbook.
 */
import { basename } from 'node:path';
import type { Snapshot } from '../../sources/adapter.ts';
import { receivedFile, receivedFileSnapshot } from '../../sources/adapters/file-import.ts';
import { sourceError } from '../../sources/adapters/source-io.ts';
import { MonitorError } from '../../sources/errors.ts';
import { readInventoryFile } from '../../sources/inventory/read-table.ts';
import { CORRECTIONS_SOURCE } from '../corrections/store.ts';
import type { WorkbookCorrections } from '../corrections/types.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { readMonitor } from '../read/read-monitor.ts';
import { reviewPairsOf } from '../workbook/extras.ts';
import { readCorrections } from '../workbook/read/read-corrections.ts';
import { takeIn } from './intake.ts';
import type { WorkbookIntake } from './store-workbook.ts';

const VERSION = 1;

export interface WorkbookCorrectionsAdapter {
  kind: 'workbook-corrections';
  id: typeof CORRECTIONS_SOURCE;
  title: string;
  version: number;
  parse(snapshot: Snapshot): Promise<WorkbookCorrections>;
}

/** The adapter that reads an edited overview against the build of `year` in `database`. */
export function workbookCorrections(database: MonitorDatabase, year: number): WorkbookCorrectionsAdapter {
  return {
    kind: 'workbook-corrections',
    id: CORRECTIONS_SOURCE,
    title: 'Bewerkt Excel-overzicht van de werkgroep',
    version: VERSION,
    async parse(snapshot) {
      const [file, ...more] = snapshot.files;
      const received = file === undefined ? undefined : receivedFile(file.url);
      if (file === undefined || received === undefined || more.length > 0) {
        throw sourceError(CORRECTIONS_SOURCE, `een overzicht is precies één ingelezen bestand (gevonden: ${snapshot.files.length}); neem het opnieuw over met 'lsp-monitor corrections <bestand>'`);
      }
      return workbookChanges(database, year, received.fileName, file.bytes);
    },
  };
}

/** The changes in an edited overview, read against the year's build as it is now. */
async function workbookChanges(database: MonitorDatabase, year: number, file: string, bytes: Uint8Array): Promise<WorkbookCorrections> {
  const current = await readMonitor(database, year);
  return readCorrections(bytes, file, current, { reviewPairs: reviewPairsOf(current.review) });
}

/** A received overview as the snapshot its parse reads. */
export function workbookSnapshot(path: string, bytes: Uint8Array, importedAt: string): Snapshot {
  return receivedFileSnapshot({ id: CORRECTIONS_SOURCE, version: VERSION }, basename(path), bytes, { importedAt });
}

/** What `lsp-monitor corrections` gives the intake: the received file and its choices. */
export interface ReceivedWorkbook {
  path: string;
  bytes: Uint8Array;
  year: number;
  partial?: boolean;
  dryRun?: boolean;
}

/** An edited overview taken in: read by its adapter, stored by the workbook store (store-workbook.ts), like every intake. */
export async function takeInWorkbook(database: MonitorDatabase, context: MonitorContext, received: ReceivedWorkbook): Promise<WorkbookIntake> {
  const { path, bytes, year, partial, dryRun } = received;
  const snapshot = workbookSnapshot(path, bytes, new Date().toISOString());
  const target = {
    database, context, year, source: CORRECTIONS_SOURCE, file: basename(path), sha256: snapshot.files[0]?.sha256 ?? '', replace: false, partial, dryRun,
  };
  return takeIn(workbookCorrections(database, year), snapshot, target);
}

/**
 * A bundled overview (`run`, source correcties in inputs.json), taken in as `lsp-monitor
 * corrections` would without --partial. It must be valid as a whole: a published year is not
 * rebuilt from part of its corrections.
 */
export async function importBundledWorkbook(database: MonitorDatabase, context: MonitorContext, input: { path: string; year: number }): Promise<string[]> {
  const bytes = await readInventoryFile(input.path, context.config.maxInputBytes);
  const taken = await takeInWorkbook(database, context, { path: input.path, bytes, year: input.year });
  if (taken.outcome === 'refused') {
    const { errors } = taken.read;
    const file = basename(input.path);
    throw new MonitorError(
      `het meegeleverde overzicht van ${input.year} heeft ${errors.length} ongeldige wijziging(en), de eerste: ${errors[0]?.message ?? ''}; ` +
        `controleer het met 'lsp-monitor corrections ${file} --year ${input.year} --dry-run'`,
      { location: { file } },
    );
  }
  return taken.lines;
}
