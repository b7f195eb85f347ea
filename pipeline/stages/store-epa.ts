/**
 * Vektis EPA shares per municipality. Vektis writes names in capitals and in a later municipal
 * division than its data year ("S GRAVENHAGE"); each name is resolved to a current CBS code with
 * the municipality resolver, never guessed. Shares replace earlier ones of the same data year.
 */
import type { EpaMunicipalityRecord } from '../../sources/schema.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';

export interface EpaSummary {
  years: number[];
  municipalities: number;
  unresolved: string[];
}

export async function storeEpaShares(
  database: MonitorDatabase,
  context: MonitorContext,
  file: string,
  records: readonly EpaMunicipalityRecord[],
): Promise<EpaSummary> {
  const byKey = new Map<string, (string | number)[]>();
  const unresolved: string[] = [];
  for (const record of records) {
    const resolution = context.resolver.resolve({ municipality: record.municipalityName });
    if (resolution.kind !== 'resolved') {
      unresolved.push(record.municipalityName);
      continue;
    }
    byKey.set(`${record.year}|${resolution.gmCode}`, [record.year, resolution.gmCode, record.epaPct, record.municipalityName, file]);
  }
  const rows = [...byKey.values()];
  const years = [...new Set(rows.map((row) => row[0] as number))].sort();
  await database.transaction(async () => {
    for (const year of years) await database.run('DELETE FROM epa_municipality WHERE year = $1', [year]);
    await database.insert('epa_municipality', rows);
  });
  return { years, municipalities: rows.length, unresolved: [...new Set(unresolved)].sort() };
}
