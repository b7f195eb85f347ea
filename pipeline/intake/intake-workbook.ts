/**
 * The working group's edited Excel overview as an intake of kind 'workbook-corrections': the
 * received workbook becomes a snapshot like any received file, and parse reads it with the
 * workbook's reader (pipeline/workbook/read/, beside the layout and the writer of the format; it
 * applies the guard to every cell it reads). Unlike a source adapter its parse needs the year's build as it
 * is now (a change is old → new), so the adapter is made for one database and year.
 */
import { basename } from 'node:path';
import type { Snapshot } from '../../sources/adapter.ts';
import { receivedFile, receivedFileSnapshot } from '../../sources/adapters/file-import.ts';
import { sourceError } from '../../sources/adapters/source-io.ts';
import { readInventoryFile } from '../../sources/inventory/read-table.ts';
import { CORRECTIONS_SOURCE } from '../corrections/store.ts';
import type { WorkbookCorrections } from '../corrections/types.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { readMonitor } from '../read/read-monitor.ts';
import { reviewPairsOf } from '../workbook/extras.ts';
import { readCorrections } from '../workbook/read/read-corrections.ts';
import { takeIn } from './intake.ts';

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

/** A bundled overview (`run`, source correcties in inputs.json), taken in as `lsp-monitor corrections` would without --partial. */
export async function importBundledWorkbook(database: MonitorDatabase, context: MonitorContext, input: { path: string; year: number }): Promise<string[]> {
  const bytes = await readInventoryFile(input.path, context.config.maxInputBytes);
  const snapshot = workbookSnapshot(input.path, bytes, new Date().toISOString());
  const target = {
    database, context, year: input.year, source: CORRECTIONS_SOURCE, file: basename(input.path), sha256: snapshot.files[0]?.sha256 ?? '', replace: false,
  };
  return (await takeIn(workbookCorrections(database, input.year), snapshot, target)).lines;
}
