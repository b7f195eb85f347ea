/**
 * Vektis EPA shares per municipality. Vektis writes names in capitals without apostrophes or
 * diacritics and in a later municipal division than its data year ("S GRAVENHAGE", "BERGEN LB",
 * "NUENEN CA"); each name is resolved to a current CBS code with the municipality resolver, trying
 * Vektis's own spellings of a province suffix and of "c.a." when the name as written does not
 * resolve, never guessed. Shares replace earlier ones of the same data year, unless the
 * replacement guard refuses the table (no usable row, or fewer than half the shares of a year).
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { ReferenceData } from '../../sources/reference/load.ts';
import type { EpaMunicipalityRecord } from '../../sources/schema.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import type { NewRow } from '../db/tables.ts';
import { sql } from '../db/sql-file.ts';
import { replacementRefusal, type InUse } from './replacement-guard.ts';
import { countNl } from '../format-nl.ts';

const DELETE_YEAR = sql('intake/store-epa/delete-year.sql');
const SHARES_IN_USE = sql('intake/store-epa/shares-in-use.sql');

export interface EpaSummary {
  years: number[];
  municipalities: number;
  unresolved: string[];
  /** Rows of a year whose name lands on a municipality an earlier row already gave (e.g. a former name beside the current one): not used, the first is kept. */
  duplicates: string[];
}

/** Vektis's province suffix ("BERGEN LB") → CBS's ("Bergen (L.)"). */
const PROVINCE_SUFFIXES: Readonly<Record<string, string>> = { NH: 'NH.', ZH: 'ZH.', LB: 'L.', L: 'L.', OV: 'O.', O: 'O.', Z: 'Z.' };

const comparable = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/['‘’]/g, '')
    .replace(/[\s-]+/g, ' ')
    .toLowerCase()
    .trim();

/** Every municipality name the reference data knows, current and former. */
function knownNames(reference: ReferenceData): string[] {
  const names = new Set<string>();
  for (const rows of reference.municipalities.values()) for (const row of rows) names.add(row.name);
  for (const change of reference.changes) names.add(change.old_name);
  return [...names];
}

/**
 * The name as written, then Vektis's spellings made CBS's: "BERGEN LB" → "BERGEN (L.)", and
 * "HAARLEMMERLIEDE CA" → the one known name that continues "Haarlemmerliede en …" (c.a., cum annexis).
 */
export function vektisSpellings(name: string, names: readonly string[]): string[] {
  const spellings = [name];
  const suffixed = /^(.*\S)\s+([A-Z]{1,2})$/i.exec(name.trim());
  const suffix = PROVINCE_SUFFIXES[suffixed?.[2]?.toUpperCase() ?? ''];
  if (suffixed?.[1] !== undefined && suffix !== undefined) spellings.push(`${suffixed[1]} (${suffix})`);
  const annexed = /^(.*\S)\s+C\.?\s?A\.?$/i.exec(name.trim());
  if (annexed?.[1] !== undefined) {
    const stem = comparable(annexed[1]);
    const matches = names.filter((known) => comparable(known).startsWith(`${stem} en `) || comparable(known).startsWith(`${stem}, `));
    const [only] = new Set(matches);
    if (only !== undefined && new Set(matches).size === 1) spellings.push(only);
  }
  return spellings;
}

export async function storeEpaShares(
  database: MonitorDatabase,
  context: MonitorContext,
  file: string,
  records: readonly EpaMunicipalityRecord[],
  guard: { confirmed: boolean; rejected: number },
): Promise<EpaSummary> {
  const names = knownNames(context.reference);
  const byKey = new Map<string, NewRow<'epa_municipality'>>();
  const unresolved: string[] = [];
  const duplicates: string[] = [];
  for (const record of records) {
    const gmCode = vektisSpellings(record.municipalityName, names)
      .map((spelling) => context.resolver.resolve({ municipality: spelling }))
      .find((resolution) => resolution.kind === 'resolved')?.gmCode;
    if (gmCode === undefined) {
      unresolved.push(record.municipalityName);
      continue;
    }
    const key = `${record.year}|${gmCode}`;
    const earlier = byKey.get(key);
    if (earlier !== undefined) {
      duplicates.push(`${record.municipalityName} (${record.year}: dezelfde gemeente als ${earlier.name_as_written})`);
      continue;
    }
    byKey.set(key, { year: record.year, gm_code: gmCode, epa_pct: record.epaPct, name_as_written: record.municipalityName, file_name: file });
  }
  const rows = [...byKey.values()];
  const years = [...new Set(rows.map((row) => row.year))].sort();
  const rejected = guard.rejected + unresolved.length + duplicates.length;
  // Each data year the table brings replaces that year's shares: the same guard as a list's, per year.
  for (const year of years.length === 0 ? [undefined] : years) {
    const refusal = replacementRefusal({
      file, usable: rows.filter((row) => row.year === year).length, rejected,
      inUse: year === undefined ? undefined : await sharesInUse(database, year),
      confirmed: guard.confirmed, confirmHow: 'herhaal de opdracht dan met --replace',
    });
    if (refusal) throw new MonitorError(refusal);
  }
  await database.transaction(async () => {
    for (const year of years) await database.run(DELETE_YEAR, { year });
    await database.append('epa_municipality', rows);
  });
  return { years, municipalities: rows.length, unresolved: [...new Set(unresolved)].sort(), duplicates };
}

/** The EPA shares of a data year, as the replacement guard names them. */
async function sharesInUse(database: MonitorDatabase, year: number): Promise<InUse | undefined> {
  const [row] = await database.query(z.object({ shares: z.number(), files: z.string() }), SHARES_IN_USE, { year });
  if (!row || row.shares === 0) return undefined;
  return { count: row.shares, unit: { one: 'gemeente', many: 'gemeenten' }, described: `de EPA-aandelen van ${countNl(row.shares, 'gemeente', 'gemeenten')} voor ${year} (${row.files})` };
}
