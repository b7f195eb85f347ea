/**
 * Vektis: EPA prevalence per municipality, a semicolon CSV with upper-case municipality names
 * ("S GRAVENHAGE", "SUDWEST-FRYSLAN") of a later municipal division than the data year. The name
 * is kept as written; the pipeline resolves it. Column names live in vektis-epa.site.ts; the URL
 * is the setting `url`, because no public address of the file is known; parse reads every file of
 * the snapshot, whatever its URL.
 */
import type { ParseResult, WebSourceAdapter } from '../adapter.ts';
import { readCsvGrid } from '../inventory/csv-grid.ts';
import { normaliseHeader } from '../inventory/header-synonyms.ts';
import { EpaMunicipalityRecord } from '../schema.ts';
import { fetchOk, namingSourceSync, sourceError } from './source-io.ts';
import { VEKTIS_EPA_SITE as site, VektisEpaSettings } from './vektis-epa.site.ts';

const ID = 'vektis-epa';

type Column = keyof typeof site.columns;

export const vektisEpa: WebSourceAdapter<typeof EpaMunicipalityRecord, typeof VektisEpaSettings> = {
  id: ID,
  title: 'Vektis, EPA-prevalentie per gemeente',
  origin: 'web',
  version: 1,
  recordSchema: EpaMunicipalityRecord,
  settingsSchema: VektisEpaSettings,

  fetch: async (context) => [await fetchOk(context, ID, context.settings.url, 'text/csv')],

  parse(snapshot) {
    if (snapshot.files.length === 0) throw sourceError(ID, 'de snapshot bevat geen bestanden');
    const result: ParseResult<EpaMunicipalityRecord> = { records: [], rejects: [] };
    for (const file of snapshot.files) {
      const [header, ...rows] = namingSourceSync(ID, () => readCsvGrid(file.name, file.bytes)).rows;
      const columns = new Columns(header?.cells ?? [], file.url);
      let used = 0;
      for (const { row, cells } of rows) {
        const outcome = columns.read(cells);
        if ('record' in outcome) {
          used += 1;
          result.records.push({ record: outcome.record, origin: `${file.name}#${row}` });
        } else {
          result.rejects.push({ source: ID, file: file.name, row, ...outcome.reject });
        }
      }
      if (used === 0) throw sourceError(ID, `geen enkele bruikbare rij in ${file.url}; is het bestand veranderd?`);
      if (rows.length - used > used) throw sourceError(ID, `de meeste rijen in ${file.url} zijn onbruikbaar; is het bestand veranderd?`);
    }
    return result;
  },
};

type RowOutcome = { record: EpaMunicipalityRecord } | { reject: { field: string; reason: string } };

/** Where the columns of one file are (by header); reads a row into a record or a reject. */
class Columns {
  readonly #headers: readonly string[];
  readonly #index: Partial<Record<Column, number>> = {};

  constructor(headers: readonly string[], url: string) {
    this.#headers = headers.map((header) => header.trim());
    const normalised = this.#headers.map(normaliseHeader);
    for (const column of Object.keys(site.columns) as Column[]) {
      const at = normalised.findIndex((header) => site.columns[column].some((name) => normaliseHeader(name) === header));
      if (at !== -1) this.#index[column] = at;
    }
    const has = (column: Column) => this.#index[column] !== undefined;
    const missing = [
      has('year') ? undefined : `'${site.columns.year[0]}'`,
      has('municipality') ? undefined : `'${site.columns.municipality[0]}'`,
      has('epaPct') || (has('insured') && has('epaCount'))
        ? undefined
        : `'${site.columns.epaPct[0]}' (of '${site.columns.epaCount[0]}' en '${site.columns.insured[0]}')`,
    ].filter((name) => name !== undefined);
    if (missing.length > 0) {
      throw sourceError(ID, `kolom ${missing.join(', ')} ontbreekt in ${url} (gevonden: ${this.#headers.join(', ')}); is het bestand veranderd?`);
    }
  }

  read(cells: readonly string[]): RowOutcome {
    const share = this.#index.epaPct === undefined ? this.#shareFromCounts(cells) : { value: this.#cell(cells, 'epaPct') };
    if ('reject' in share) return share;
    const parsed = EpaMunicipalityRecord.safeParse({
      year: this.#cell(cells, 'year'),
      municipalityName: this.#cell(cells, 'municipality'),
      epaPct: share.value,
    });
    if (parsed.success) return { record: parsed.data };
    const issue = parsed.error.issues[0];
    const column = FIELD_COLUMNS[String(issue?.path[0])] ?? 'epaPct';
    return { reject: { field: this.#header(this.#index[column] === undefined ? 'epaCount' : column), reason: issue?.message ?? '' } };
  }

  /** EPA patients per 100 insured. */
  #shareFromCounts(cells: readonly string[]): { value: number } | { reject: { field: string; reason: string } } {
    const count = this.#count(cells, 'epaCount');
    if ('reject' in count) return count;
    const insured = this.#count(cells, 'insured');
    if ('reject' in insured) return insured;
    if (insured.value === 0) return { reject: { field: this.#header('insured'), reason: 'aantal verzekerden is 0' } };
    return { value: Math.round((count.value / insured.value) * 1_000_000) / 10_000 };
  }

  #count(cells: readonly string[], column: Column): { value: number } | { reject: { field: string; reason: string } } {
    const field = this.#header(column);
    const text = this.#cell(cells, column);
    if (text === undefined || text === '') return { reject: { field, reason: `${field} ontbreekt` } };
    const value = Number(text.replace(',', '.'));
    return Number.isFinite(value) && value >= 0 ? { value } : { reject: { field, reason: `'${text}' is geen aantal` } };
  }

  #cell(cells: readonly string[], column: Column): string | undefined {
    const at = this.#index[column];
    return at === undefined ? undefined : cells[at]?.trim();
  }

  #header(column: Column): string {
    const at = this.#index[column];
    return (at === undefined ? undefined : this.#headers[at]) ?? column;
  }
}

const FIELD_COLUMNS: Readonly<Record<string, Column>> = { year: 'year', municipalityName: 'municipality', epaPct: 'epaPct' };
