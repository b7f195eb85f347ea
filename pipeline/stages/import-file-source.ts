/**
 * Files that come in for a source of their own (`lsp-monitor import <bestand> --source <id>`):
 * the file becomes that source's snapshot, its adapter parses it, and the records go where that
 * kind of record belongs. One entry per file source in FILE_SOURCE_IMPORTS.
 */
import type { SourceAdapter } from '../../sources/adapter.ts';
import { importFileSnapshot } from '../../sources/adapters/file-import.ts';
import { readInventoryFile } from '../../sources/inventory/read-table.ts';
import { MonitorError } from '../../sources/errors.ts';
import { EpaMunicipalityRecord, RegionalCorrection, SurveyAnswer, type Reject } from '../../sources/schema.ts';
import { applyCorrections } from '../corrections/apply.ts';
import { buildsOf, takenBeforeLineNl } from '../corrections/applied-summary.ts';
import { cappedLines } from '../corrections/capped-lines.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { locationFinder } from './find-location.ts';
import { regionalChanges } from './regional-corrections.ts';
import { storeEpaShares } from './store-epa.ts';
import { storeSurvey } from './store-survey.ts';

export interface FileSourceImport {
  path: string;
  year: number;
  sheet?: string;
}

type ParsedFile = { records: { record: unknown; origin: string }[]; rejects: Reject[]; ignoredColumns: string[]; file: string; sha256: string };
type Handler = (database: MonitorDatabase, context: MonitorContext, year: number, parsed: ParsedFile, source: string) => Promise<string[]>;

const FILE_SOURCE_IMPORTS: Readonly<Record<string, Handler>> = {
  'vektis-epa': async (database, context, _year, parsed, source) => {
    const records = parsed.records.map(({ record }) => EpaMunicipalityRecord.parse(record));
    const summary = await storeEpaShares(database, context, parsed.file, records);
    return [
      `${parsed.file} (bron ${source}): EPA-aandeel van ${summary.municipalities} gemeenten ingelezen voor ${summary.years.join(', ')}, ${parsed.rejects.length} afgewezen.`,
      ...(summary.unresolved.length > 0 ? [`  gemeente niet gevonden, niet gebruikt: ${summary.unresolved.join(', ')}`] : []),
      ...[...cappedLines(summary.duplicates.map((line) => `dubbel, niet gebruikt: ${line}`)), ...rejectLines(parsed.rejects)].map((line) => `  ${line}`),
    ];
  },
  'regional-corrections': async (database, context, year, parsed, source) => {
    const corrections = parsed.records.map(({ record, origin }) => ({ record: RegionalCorrection.parse(record), origin }));
    const { changes, unmatched } = regionalChanges(corrections, await locationFinder(database, context, year), parsed.file);
    const applied = await applyCorrections(database, context, { year, name: parsed.file, sha256: parsed.sha256 }, changes);
    const details = [
      ...ignoredLines(parsed.ignoredColumns),
      ...cappedLines(unmatched.map((line) => `niet gevonden, niet toegepast: ${line}`)),
      ...rejectLines(parsed.rejects),
    ];
    return [
      ...(applied.outcome === 'applied'
        ? [`${parsed.file} (bron ${source}, ${year}): ${applied.changes} correctie(s) overgenomen, ${parsed.rejects.length} afgewezen.`, ...details.map((line) => `  ${line}`)]
        : [takenBeforeLineNl(parsed.file, year, applied.outcome)]),
      ...buildsOf(applied).map((built) => `Monitor ${built.year} opnieuw gebouwd: ${built.inView} steunpunten in beeld, gewogen ${built.weighted}.`),
    ];
  },
  survey: async (database, context, year, parsed, source) => {
    const answers = parsed.records.map(({ record, origin }) => ({ record: SurveyAnswer.parse(record), origin }));
    const summary = await storeSurvey(database, context, { year, source, file: parsed.file, answers });
    return [
      `${parsed.file} (bron ${source}, ${year}): ${summary.answers} antwoorden van ${summary.locations} steunpunten ingelezen, ${parsed.rejects.length} afgewezen.`,
      ...(summary.unmatched.length > 0 ? [`  niet gekoppeld aan een steunpunt van ${year}: ${cappedLines(summary.unmatched).join(', ')}`] : []),
      ...[...ignoredLines(parsed.ignoredColumns), ...rejectLines(parsed.rejects)].map((line) => `  ${line}`),
    ];
  },
};


/** Why each rejected row was not taken in, so no row is dropped without its reason. */
function rejectLines(rejects: readonly Reject[]): string[] {
  return cappedLines(rejects.map((reject) => `afgewezen: ${reject.file}, rij ${reject.row ?? '–'}, veld '${reject.field ?? '–'}': ${reject.reason}`));
}

/** Columns the source does not read are not stored (they may hold personal data); the user is told which. */
function ignoredLines(columns: readonly string[]): string[] {
  return columns.length === 0 ? [] : [`niet gelezen en niet bewaard: kolom ${columns.map((column) => `'${column}'`).join(', ')}`];
}

/** The columns an adapter of a file source says it did not read (regional corrections, surveys). */
function ignoredColumnsOf(parsed: object): string[] {
  return 'ignoredColumns' in parsed && Array.isArray(parsed.ignoredColumns) ? parsed.ignoredColumns.map(String) : [];
}

/** Whether `lsp-monitor import --source <id>` reads files of this source. */
export function importsFilesOf(adapterId: string): boolean {
  return Object.hasOwn(FILE_SOURCE_IMPORTS, adapterId);
}

export async function importFileSource(
  database: MonitorDatabase,
  context: MonitorContext,
  adapter: Pick<SourceAdapter, 'id' | 'version' | 'parse'>,
  options: FileSourceImport,
): Promise<string[]> {
  const handler = FILE_SOURCE_IMPORTS[adapter.id];
  if (!handler) throw new MonitorError(`bron '${adapter.id}' kan (nog) niet met 'lsp-monitor import' worden ingelezen`, { exitCode: 2 });
  const bytes = await readInventoryFile(options.path, context.config.maxInputBytes);
  const snapshot = await importFileSnapshot(adapter, options.path, bytes, {
    importedAt: new Date().toISOString(),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
  });
  const parsed = await adapter.parse(snapshot);
  const file = snapshot.files[0]?.url.replace(/^file:/, '').replace(/#.*$/, '') ?? options.path;
  return handler(database, context, options.year, { ...parsed, ignoredColumns: ignoredColumnsOf(parsed), file, sha256: snapshot.files[0]?.sha256 ?? '' }, adapter.id);
}
