/**
 * Vektis: EPA prevalence per municipality, as the documented table this source accepts
 * (vektis-epa.site.ts, sources/adapters/README.md "Vektis"): a semicolon CSV with the municipality
 * as Vektis writes it ("S GRAVENHAGE", "SUDWEST-FRYSLAN", a later municipal division than the data
 * year) and the EPA share or counts. The name is kept as written; the pipeline resolves it. The
 * year comes from a year column, else the setting `year`, else the file name ("…_2022.csv").
 * A Vektis cost file (open data "Zorgverzekeringswet", no EPA column) is refused with the reason.
 * The URL is the setting `url`, because no public address of such a table is known; parse reads
 * every file of the snapshot, whatever its URL, and so also a file read in with `lsp-monitor import`.
 */
import type { ParseResult, RawFile, Snapshot, WebAdapterOfKind } from '../adapter.ts';
import { guardRow } from '../guard.ts';
import { readCsvGrid } from '../inventory/csv-grid.ts';
import { normaliseHeader } from '../inventory/header-synonyms.ts';
import { EpaMunicipalityRecord } from '../schema.ts';
import { fetchOk, namingSourceSync, sourceError } from './source-io.ts';
import { VEKTIS_EPA_SITE as site, VektisEpaSettings } from './vektis-epa.site.ts';

const ID = 'vektis-epa';

type Column = keyof typeof site.columns;

export const vektisEpa: WebAdapterOfKind<'epa-table', typeof VektisEpaSettings> = {
  id: ID,
  kind: 'epa-table',
  title: 'Vektis, EPA-prevalentie per gemeente',
  origin: 'web',
  // Still 1: a snapshot good under version 1 has a year column and reads the same now; what is new
  // (the year from the setting or the file name, cost files refused) only takes files version 1 refused.
  version: 1,
  recordSchema: EpaMunicipalityRecord,
  settingsSchema: VektisEpaSettings,

  fetch: async (context) => [await fetchOk(context, ID, context.settings.url, 'text/csv')],

  parse(snapshot) {
    if (snapshot.files.length === 0) throw sourceError(ID, 'de snapshot bevat geen bestanden');
    const result: ParseResult<EpaMunicipalityRecord> = { records: [], rejects: [] };
    for (const file of snapshot.files) {
      const [header, ...rows] = namingSourceSync(ID, () => readCsvGrid(file.name, file.bytes)).rows;
      const columns = new Columns(header?.cells ?? [], file.url, () => fileYear(file, snapshot));
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

/** The name a file was received or fetched under: the last part of its URL. */
export function receivedName(url: string): string {
  const path = url.startsWith('file:') ? (url.slice('file:'.length).split('#')[0] ?? '') : new URL(url).pathname;
  const last = path.split('/').at(-1) ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The data year of a file without a year column: the setting `year`, else the one year in its name. */
function fileYear(file: RawFile, snapshot: Snapshot): number {
  const settings = VektisEpaSettings.partial().safeParse(snapshot.settings ?? {});
  const configured = settings.success ? settings.data.year : undefined;
  const name = receivedName(file.url);
  const inName = [...new Set([...name.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((match) => Number(match[1])))];
  if (configured !== undefined) {
    if (inName.length === 1 && inName[0] !== configured) {
      throw sourceError(ID, `het jaar in de bestandsnaam '${name}' (${inName[0]}) verschilt van de instelling year (${configured}); welk jaar klopt?`);
    }
    return configured;
  }
  const [year] = inName;
  if (inName.length === 1 && year !== undefined) return year;
  throw sourceError(
    ID,
    `${file.url} heeft geen kolom '${site.columns.year[0]}' en de bestandsnaam '${name}' noemt ${inName.length === 0 ? 'geen' : 'meer dan één'} jaar; ` +
      `zet het jaar in de bestandsnaam (…_2022.csv), in een kolom '${site.columns.year[0]}' of in de instelling year`,
  );
}

type RowOutcome = { record: EpaMunicipalityRecord } | { reject: { field: string; reason: string } };

/** Where the columns of one file are (by header); reads a row into a record or a reject. */
class Columns {
  readonly #headers: readonly string[];
  readonly #index: Partial<Record<Column, number>> = {};
  readonly #year: number | undefined;

  constructor(headers: readonly string[], url: string, year: () => number) {
    this.#headers = headers.map((header) => header.trim());
    const normalised = this.#headers.map(normaliseHeader);
    for (const column of Object.keys(site.columns) as Column[]) {
      const at = normalised.findIndex((header) => site.columns[column].some((name) => normaliseHeader(name) === header));
      if (at !== -1) this.#index[column] = at;
    }
    const has = (column: Column) => this.#index[column] !== undefined;
    const hasEpa = has('epaPct') || (has('insured') && has('epaCount'));
    if (!hasEpa) refuseCostFile(this.#headers, url);
    const missing = [
      has('municipality') ? undefined : `'${site.columns.municipality[0]}'`,
      hasEpa ? undefined : `'${site.columns.epaPct[0]}' (of '${site.columns.epaCount[0]}' en '${site.columns.insured[0]}')`,
    ].filter((name) => name !== undefined);
    if (missing.length > 0) {
      throw sourceError(ID, `kolom ${missing.join(', ')} ontbreekt in ${url} (gevonden: ${this.#headers.join(', ')}); is het bestand veranderd?`);
    }
    this.#year = has('year') ? undefined : year();
  }

  read(cells: readonly string[]): RowOutcome {
    const share = this.#index.epaPct === undefined ? this.#shareFromCounts(cells) : { value: this.#cell(cells, 'epaPct') };
    if ('reject' in share) return share;
    const parsed = EpaMunicipalityRecord.safeParse({
      year: this.#year ?? this.#cell(cells, 'year'),
      municipalityName: this.#cell(cells, 'municipality'),
      epaPct: share.value,
    });
    if (parsed.success) {
      // Each field's control characters and length are the record schema's (through the guard); the
      // guard's row bound catches what the fields do not read (an overlong cell in another column).
      const tooLong = guardRow(cells);
      return tooLong === undefined ? { record: parsed.data } : { reject: { field: 'rij', reason: tooLong } };
    }
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

/** A Vektis cost file offered as EPA data: refused whole, saying what it is and where EPA figures come from. */
function refuseCostFile(headers: readonly string[], url: string): void {
  const normalised = headers.map(normaliseHeader);
  const markers = site.costFile.columns.filter((column) => normalised.includes(normaliseHeader(column)));
  const costs = headers.filter((header) => header.toLowerCase().replace(/\s+/g, '_').startsWith(site.costFile.costPrefix));
  if (markers.length === 0 || costs.length === 0) return;
  throw sourceError(
    ID,
    `dit is een kostenbestand van Vektis, geen EPA-tabel: ${receivedName(url)} heeft ${headers.length} kolommen, ` +
      `waaronder ${markers.join(', ')} en ${costs.length} kostenkolommen (${site.costFile.costPrefix}…), maar geen kolom met het EPA-aandeel ` +
      `('${site.columns.epaPct[0]}', of '${site.columns.epaCount[0]}' met '${site.columns.insured[0]}'). ` +
      'Het aantal mensen met EPA per gemeente is geen open data van Vektis: het komt uit de factsheet EPA of een data-aanvraag bij Vektis, ' +
      'en wordt ingelezen als EPA-tabel (zie sources/adapters/README.md, Vektis)',
  );
}

const FIELD_COLUMNS: Readonly<Record<string, Column>> = { year: 'year', municipalityName: 'municipality', epaPct: 'epaPct' };
