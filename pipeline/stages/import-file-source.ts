/**
 * Files that come in for a source of their own (`lsp-monitor import <bestand> --source <id>`):
 * the file becomes that source's snapshot, its adapter parses it, and the records go where that
 * kind of record belongs. One entry per file source in FILE_SOURCE_IMPORTS.
 */
import { readFile } from 'node:fs/promises';
import type { FileSourceAdapter } from '../../sources/adapter.ts';
import { importFileSnapshot } from '../../sources/adapters/file-import.ts';
import { MonitorError } from '../../sources/errors.ts';
import { SurveyAnswer, type Reject } from '../../sources/schema.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { storeSurvey } from './store-survey.ts';

export interface FileSourceImport {
  path: string;
  year: number;
  sheet?: string;
}

type ParsedFile = { records: { record: unknown; origin: string }[]; rejects: Reject[]; file: string };
type Handler = (database: MonitorDatabase, context: MonitorContext, year: number, parsed: ParsedFile, source: string) => Promise<string[]>;

const FILE_SOURCE_IMPORTS: Readonly<Record<string, Handler>> = {
  survey: async (database, context, year, parsed, source) => {
    const answers = parsed.records.map(({ record, origin }) => ({ record: SurveyAnswer.parse(record), origin }));
    const summary = await storeSurvey(database, context, { year, source, file: parsed.file, answers });
    return [
      `${parsed.file} (bron ${source}, ${year}): ${summary.answers} antwoorden van ${summary.locations} steunpunten ingelezen, ${parsed.rejects.length} afgewezen.`,
      ...(summary.unmatched.length > 0 ? [`  niet gekoppeld aan een steunpunt van ${year}: ${summary.unmatched.join(', ')}`] : []),
    ];
  },
};


export async function importFileSource(
  database: MonitorDatabase,
  context: MonitorContext,
  adapter: FileSourceAdapter,
  options: FileSourceImport,
): Promise<string[]> {
  const handler = FILE_SOURCE_IMPORTS[adapter.id];
  if (!handler) throw new MonitorError(`bron '${adapter.id}' kan (nog) niet met 'lsp-monitor import' worden ingelezen`, { exitCode: 2 });
  const bytes = await readFile(options.path).catch((error: unknown) => {
    throw new MonitorError('bestand niet gevonden', { location: { file: options.path }, cause: error });
  });
  if (bytes.byteLength > context.config.maxInputBytes) {
    throw new MonitorError(`bestand is groter dan de limiet van ${Math.round(context.config.maxInputBytes / 1024 / 1024)} MB`, { location: { file: options.path } });
  }
  const snapshot = await importFileSnapshot(adapter, options.path, bytes, {
    importedAt: new Date().toISOString(),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
  });
  const parsed = await adapter.parse(snapshot);
  const file = snapshot.files[0]?.url.replace(/^file:/, '').replace(/#.*$/, '') ?? options.path;
  return handler(database, context, options.year, { ...parsed, file }, adapter.id);
}
