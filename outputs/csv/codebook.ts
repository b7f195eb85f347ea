/**
 * The codebook: every exported column with its type, unit, Dutch meaning and allowed values,
 * generated from the column declarations the writers use (exports.ts, panel.ts), so a column
 * cannot be written without an entry.
 */
import { toCsv, type CsvColumn } from './csv.ts';
import { COMMON_DOCS, exportColumns, type ColumnDeclaration, type ColumnDoc, type ExportColumns, type TextFile, type ExportParameters } from './exports.ts';
import { PANEL_COLUMNS, PANEL_FILE } from './panel.ts';

export interface CodebookEntry {
  file: string;
  column: string;
  type: string;
  unit: string;
  meaning: string;
  values: string;
}

const text = (meaning: string, values?: readonly string[]): ColumnDoc => (values ? { type: 'tekst', meaning, values } : { type: 'tekst', meaning });
const count = (meaning: string, unit: string): ColumnDoc => ({ type: 'geheel getal', unit, meaning });

/**
 * verschillen.csv and verschillen-per-regio.csv (outputs/csv/diff-exports.ts). Declared here until
 * diff-exports.ts carries its own entries; test/outputs/csv/codebook.test.ts fails when a column
 * it writes is missing. <jaar1> and <jaar2> stand for the two compared years.
 */
const DIFF_FILES: readonly ExportColumns[] = [
  {
    name: 'verschillen.csv',
    columns: [
      { header: 'location_id', doc: COMMON_DOCS.locationId },
      { header: 'naam', doc: text('naam van het steunpunt (in het latere jaar, of zoals laatst gezien)') },
      { header: 'organisatie', doc: text('organisatie die het steunpunt draagt') },
      { header: 'gemeente', doc: COMMON_DOCS.municipality },
      { header: 'provincie', doc: COMMON_DOCS.province },
      { header: 'iza_regio', doc: COMMON_DOCS.izaRegion },
      { header: 'verandering', doc: text('verandering van <jaar1> naar <jaar2>', ['nieuw', 'niet meer in beeld', 'gewijzigd', 'ongewijzigd']) },
      { header: 'toelichting', doc: text('de gewijzigde velden als veld: oud → nieuw, of waarom een steunpunt nieuw of weg is') },
    ],
  },
  {
    name: 'verschillen-per-regio.csv',
    columns: [
      { header: 'niveau', doc: text('niveau van het gebied', ['nederland', 'provincie', 'iza_regio']) },
      { header: 'gebied', doc: text('Nederland, de provincie of de IZA-regio') },
      { header: 'in_beeld_<jaar1>', doc: count('steunpunten in beeld in het eerste jaar', 'steunpunten') },
      { header: 'in_beeld_<jaar2>', doc: count('steunpunten in beeld in het tweede jaar', 'steunpunten') },
      { header: 'gewogen_<jaar1>', decimals: 1, doc: { type: 'getal', unit: 'steunpunten', meaning: 'gewogen aantal in beeld in het eerste jaar' } },
      { header: 'gewogen_<jaar2>', decimals: 1, doc: { type: 'getal', unit: 'steunpunten', meaning: 'gewogen aantal in beeld in het tweede jaar' } },
      { header: 'verschil', doc: count('in_beeld_<jaar2> − in_beeld_<jaar1>', 'steunpunten') },
      { header: 'verandering_pct', decimals: 1, doc: { type: 'getal', unit: '%', meaning: 'verschil als deel van in_beeld_<jaar1>; leeg als dat 0 is' } },
      {
        header: 'in_beeld_<jaar1>_volgens_methode_<jaar2>',
        doc: count('de steunpunten in beeld in het eerste jaar, geteld zoals de methode van het tweede jaar telt', 'steunpunten'),
      },
      { header: 'door_methode', doc: count('in_beeld_<jaar1>_volgens_methode_<jaar2> − in_beeld_<jaar1>: verschuiving die alleen de methode maakt', 'steunpunten') },
      { header: 'nieuw_in_beeld', doc: count('steunpunten die in beeld kwamen', 'steunpunten') },
      { header: 'niet_meer_in_beeld', doc: count('steunpunten die niet meer in beeld zijn', 'steunpunten') },
      { header: 'verhuisd', doc: count('netto steunpunten die naar (+) of uit (−) het gebied verhuisden; verschil = door_methode + nieuw_in_beeld − niet_meer_in_beeld + verhuisd', 'steunpunten') },
    ],
  },
];

/** Every file and its columns, in the codebook's order: the year's exports, year on year, the panel. */
export function codebookFiles(parameters: ExportParameters): readonly ExportColumns[] {
  return [...exportColumns(parameters), ...DIFF_FILES, { name: PANEL_FILE, columns: PANEL_COLUMNS }];
}

export function codebookEntries(parameters: ExportParameters): CodebookEntry[] {
  return codebookFiles(parameters).flatMap((file) => file.columns.map((column) => entry(file.name, column)));
}

function entry(file: string, { header, decimals, doc }: ColumnDeclaration): CodebookEntry {
  const type = doc.type === 'getal' && decimals !== undefined ? `getal, ${decimals} ${decimals === 1 ? 'decimaal' : 'decimalen'}` : doc.type;
  return { file, column: header, type, unit: doc.unit ?? '', meaning: doc.meaning, values: (doc.values ?? []).join(' | ') };
}

const CODEBOOK_COLUMNS: readonly CsvColumn<CodebookEntry>[] = [
  { header: 'bestand', value: (row) => row.file },
  { header: 'kolom', value: (row) => row.column },
  { header: 'type', value: (row) => row.type },
  { header: 'eenheid', value: (row) => row.unit },
  { header: 'betekenis', value: (row) => row.meaning },
  { header: 'waarden', value: (row) => row.values },
];

/** codebook.csv and codebook.md, the same entries for a program and for a person. */
export function codebookExports(parameters: ExportParameters): TextFile[] {
  const entries = codebookEntries(parameters);
  return [
    { name: 'codebook.csv', content: toCsv(CODEBOOK_COLUMNS, entries) },
    { name: 'codebook.md', content: codebookMarkdown(entries) },
  ];
}

function codebookMarkdown(entries: readonly CodebookEntry[]): string {
  const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '# Codeboek',
    '',
    'Elke kolom van de CSV-bestanden van de monitor (en hun Parquet-versies): type, eenheid, betekenis en toegestane waarden. ' +
      'Hetzelfde staat in codebook.csv, met de kolommen bestand, kolom, type, eenheid, betekenis en waarden.',
    'Alle bestanden: UTF-8, komma als scheidingsteken, punt als decimaalteken, leeg = onbekend. ' +
      'Tekst die met =, +, -, @, tab of return begint, staat er met een enkel aanhalingsteken (\') voor (zie reports/README.md).',
  ];
  let file = '';
  for (const entry of entries) {
    if (entry.file !== file) {
      file = entry.file;
      lines.push('', `## ${file}`, '', '| kolom | type | eenheid | betekenis | waarden |', '|---|---|---|---|---|');
    }
    lines.push(`| \`${entry.column}\` | ${cell(entry.type)} | ${cell(entry.unit)} | ${cell(entry.meaning)} | ${cell(entry.values)} |`);
  }
  return `${lines.join('\n')}\n`;
}
