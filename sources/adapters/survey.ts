/**
 * Self-assessment surveys (and the regiocoördinator questionnaire of De Galan 2024, Bijlage 3):
 * per steunpunt, for each of the ten characteristics, 'ja', 'in enige mate', 'nee' or 'weet ik
 * niet'. They arrive as CSV or XLSX with one row per steunpunt and ten columns "kenmerk 1" …
 * "kenmerk 10" (a header may go on with the characteristic's text: "Kenmerk 3: Zowel …"), read in
 * with `lsp-monitor import` (`origin: 'file'`; see file-import.ts). One record per answer given;
 * an empty cell is no answer. Other columns are not read or stored (they may hold personal data);
 * the import names them. A row longer than the guard allows (sources/guard.ts) is refused with that reason.
 */
import type { FileAdapterOfKind, KindParseResult } from '../adapter.ts';
import { normaliseHeader } from '../inventory/header-synonyms.ts';
import type { TableColumn } from '../inventory/table.ts';
import { SurveyAnswer, TEN_CHARACTERISTICS } from '../schema.ts';
import { extraHeader, headerFinder, importedTables } from './file-import.ts';
import { readableRows } from './file-rows.ts';
import { sourceError } from './source-io.ts';

const ID = 'survey';


const LOCATION_ID_HEADERS = ['locatie-id', 'locatie id', 'location id', 'id'];

/** What a row says about the steunpunt, checked once for all its answers. */
const Steunpunt = SurveyAnswer.pick({ locationId: true, name: true, municipality: true });

export const survey: FileAdapterOfKind<'survey'> = {
  id: ID,
  kind: 'survey',
  title: 'Zelfevaluatie tien kenmerken',
  origin: 'file',
  // 2: parse reads the received CSV/XLSX itself; version 1 snapshots held the worksheet rows as JSON beside it.
  version: 2,
  recordSchema: SurveyAnswer,

  async parse(snapshot) {
    const result: KindParseResult<'survey'> = { records: [], rejects: [], ignoredColumns: [] };
    for (const { file, fileName, table } of await importedTables(ID, snapshot)) {
      const characteristics = characteristicColumns(table.columns, fileName);
      const idHeader = extraHeader(table.columns, LOCATION_ID_HEADERS);
      const header = headerFinder(table);
      const read = new Set([...characteristics, idHeader]);
      const readable = readableRows(ID, fileName, table, ({ header: name, field }) => (field === null ? read.has(name) : field === 'name' || field === 'municipality'));
      result.ignoredColumns.push(...readable.ignoredColumns);
      result.rejects.push(...readable.rejects);
      for (const { row, values, extra } of readable.rows) {
        const steunpunt = Steunpunt.safeParse({
          locationId: idHeader === undefined ? undefined : extra[idHeader],
          name: values.name,
          municipality: values.municipality,
        });
        if (!steunpunt.success) {
          for (const issue of steunpunt.error.issues) {
            const key = String(issue.path[0]);
            result.rejects.push({ source: ID, file: fileName, row, field: key === 'locationId' ? (idHeader ?? key) : header(key), reason: issue.message });
          }
          continue;
        }
        for (const [index, column] of characteristics.entries()) {
          const answer = extra[column];
          if (answer === undefined) continue;
          const parsed = SurveyAnswer.safeParse({ ...steunpunt.data, characteristic: index + 1, answer });
          if (parsed.success) {
            result.records.push({ record: parsed.data, origin: `${file.name}#${row}:kenmerk${index + 1}` });
          } else {
            result.rejects.push(...parsed.error.issues.map((issue) => ({ source: ID, file: fileName, row, field: column, reason: issue.message })));
          }
        }
      }
    }
    return result;
  },
};

/** The headers of "kenmerk 1" … "kenmerk 10", in that order; all ten are required. */
function characteristicColumns(columns: readonly TableColumn[], fileName: string): string[] {
  const byNumber = new Map<number, string>();
  for (const { header, field } of columns) {
    const number = field === null ? /^kenmerk(\d{1,2})(?!\d)/.exec(normaliseHeader(header))?.[1] : undefined;
    if (number !== undefined) byNumber.set(Number(number), header);
  }
  const missing = TEN_CHARACTERISTICS.map((_, index) => index + 1).filter((number) => !byNumber.has(number));
  if (missing.length > 0) {
    throw sourceError(ID, `bestand ${fileName}: kolom ${missing.map((number) => `'kenmerk ${number}'`).join(', ')} ontbreekt`);
  }
  return TEN_CHARACTERISTICS.map((_, index) => byNumber.get(index + 1) ?? '');
}
