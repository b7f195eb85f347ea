import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pdfPrinter } from '../../outputs/pdf/chromium.ts';
import type { ReportRenderer } from '../../outputs/report-renderer.ts';
import { MonitorError } from '../../sources/errors.ts';
import { SOURCE_ADAPTERS } from '../../sources/adapters/registry.ts';
import { bundledInputs, bundledYears, DEFAULT_INVENTORIES_ROOT, INPUTS_FILE, type BundledInput } from '../../sources/inventories/index.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { importFileSource, importsFilesOf } from '../intake/import-file-source.ts';
import { CORRECTIONS_SOURCE } from '../corrections/store.ts';
import { contextFor } from '../context.ts';
import { loadConfig } from '../config/config.ts';
import { readReportInput } from '../read/read-report-input.ts';
import { buildYear } from '../build/build-year.ts';
import { importInventory } from '../intake/import-inventory.ts';
import { importBundledWorkbook } from '../intake/intake-workbook.ts';
import { importSnapshot, replayEpaShares, snapshotsForYear, snapshotYears } from '../intake/replay-snapshots.ts';
import { stringOption, type Io, type OptionValues } from './command.ts';
import { DEFAULT_ARCHIVE, DEFAULT_REPORTS } from './defaults.ts';
import { referenceDivision } from '../../outputs/site/reference-division.ts';
import { printBuildSummary, printImportSummary } from './summaries.ts';
import { withWritableDatabaseWhileOpening } from './writable-database.ts';

/**
 * What `run` does (commands/run.ts): imports, builds and reports every year of the bundled inputs,
 * the figures and the site drawn by `renderer`.
 */
export async function runYears(values: OptionValues, io: Io, renderer: ReportRenderer): Promise<void> {
  const reportsRoot = stringOption(values, 'reports') ?? DEFAULT_REPORTS;
  const archiveDir = stringOption(values, 'archive') ?? DEFAULT_ARCHIVE;
  const inputs = bundledInputs(stringOption(values, 'inventories') ?? DEFAULT_INVENTORIES_ROOT);
  // Checked before anything else; the reference data is read while DuckDB opens the database.
  const config = loadConfig(stringOption(values, 'config'));
  const years = [...new Set([...bundledYears(inputs), ...(await snapshotYears(archiveDir))])].sort();
  const unreproducible = (await publishedYears(reportsRoot)).filter((year) => !years.includes(year));
  if (unreproducible.length > 0) {
    throw new MonitorError(
      `${reportsRoot} bevat de monitor van ${unreproducible.join(', ')}, maar de invoer van dat jaar ontbreekt: ` +
        `leg de lijst(en) vast in een map onder sources/inventories/ met een ${INPUTS_FILE}, of haal de momentopnamen op met ` +
        `'lsp-monitor fetch --online'; er is niets veranderd`,
    );
  }
  const { chromium, skipNotice } = pdfPrinter();
  if (skipNotice !== undefined) io.out(skipNotice);
  await withWritableDatabaseWhileOpening(values, 'run', () => contextFor(config), async (database, context) => {
    // The worker projects the site's maps of the reference data's division while the years are built.
    renderer.expectDivision(referenceDivision(context.reference));
    // Loaded while the years are imported and built, in the pauses while DuckDB works, not at start.
    const writers = loadReportWriters();
    writers.catch(() => undefined); // awaited below; not unhandled should the build fail first
    const epa = await replayEpaShares(database, context, archiveDir, io.err, values['replace'] === true);
    if (epa) io.out(`EPA-aandeel per gemeente (Vektis, archief): ${epa.municipalities} gemeenten voor ${epa.years.join(', ')}.`);
    for (const year of years) {
      const yearInputs = inputs.filter((input) => input.year === year);
      const lists = yearInputs.filter((input) => !importsFilesOf(input.source) && input.source !== CORRECTIONS_SOURCE);
      for (const input of lists) {
        printImportSummary(await importInventory(database, context, { path: input.path, year, source: input.source, ...sheetOf(input) }), io);
      }
      // A published inventory (desk research over all sources, De Galan 2024) is that year's list;
      // the raw source snapshots are replayed for years that have none.
      for (const choice of lists.length > 0 ? [] : await snapshotsForYear(year, archiveDir)) {
        printImportSummary(await importSnapshot(database, context, year, choice, values['replace'] === true), io);
      }
      printBuildSummary(await buildYear(database, context, year), io);
      const others = yearInputs.filter((input) => !lists.includes(input));
      for (const input of others) for (const line of await importBundledFile(database, context, input)) io.out(line);
      if (others.length > 0) printBuildSummary(await buildYear(database, context, year), io);
      const directory = join(reportsRoot, String(year));
      const input = await readReportInput(database, year);
      // The database is written to its file (DuckDB's thread) while the report is rendered.
      const { writeReport } = await writers;
      const yearRenderer = year === years.at(-1) ? stoppedAfterRender(renderer) : renderer;
      const [files] = await settledBoth(writeReport(input, directory, { chromium, notice: io.out, renderer: yearRenderer }), database.checkpoint());
      io.out(`Monitor ${year} geschreven naar ${directory}: ${files.length} bestanden.`);
    }
  }, RUN_DATABASE);
}

/**
 * One DuckDB thread: the bundled years are a few hundred rows, where DuckDB's parallel plans cost
 * more than they save, and the second core draws the figures and the site (report-renderer.ts).
 */
const RUN_DATABASE = { threads: 1 };

/** The report's writers, and the part of exceljs the workbook's writer loads when first used. */
async function loadReportWriters(): Promise<typeof import('../../outputs/write-report.ts')> {
  const writers = await import('../../outputs/write-report.ts');
  await writers.loadReportWriters();
  return writers;
}

/**
 * The renderer for the last year: its worker is stopped as soon as the year is drawn, so that the
 * thread's teardown runs on the other core while this one writes the folder, not after it.
 */
function stoppedAfterRender(renderer: ReportRenderer): ReportRenderer {
  return {
    ...renderer,
    render(input) {
      const parts = renderer.render(input);
      parts.site.then(() => renderer.close(), () => undefined).catch(() => undefined);
      return parts;
    },
  };
}

/** Both results once both have settled (the database is not closed under a running checkpoint); the first error otherwise. */
async function settledBoth<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return [a.value, b.value];
}

/** Years whose monitor lies in the reports folder (a folder named as a year). */
async function publishedYears(reportsRoot: string): Promise<number[]> {
  const entries = await readdir(reportsRoot, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && /^\d{4}$/.test(entry.name)).map((entry) => Number(entry.name)).sort();
}

function sheetOf(input: BundledInput): { sheet?: string } {
  return input.sheet === undefined ? {} : { sheet: input.sheet };
}

/**
 * A bundled correction, survey or EPA file: read as `lsp-monitor import --source <source>` reads
 * it; the working group's edited overview (source `correcties`) as `lsp-monitor corrections` does.
 */
async function importBundledFile(database: MonitorDatabase, context: MonitorContext, input: BundledInput): Promise<string[]> {
  if (input.source === CORRECTIONS_SOURCE) return importBundledWorkbook(database, context, input);
  const adapter = SOURCE_ADAPTERS.find((candidate) => candidate.id === input.source)!;
  return importFileSource(database, context, adapter, { path: input.path, year: input.year, ...sheetOf(input) });
}
