/**
 * Loads the bundled reference data (CBS municipalities, mergers, population, PC4 points,
 * centroids, the IZA-region crosswalk and EPA shares) and validates every row. The files are
 * ours, so a row that fails is a broken bundle: it stops the run with the file, row and field.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import Papa from 'papaparse';
import type { z } from 'zod';
import { MonitorError } from '../errors.ts';
import { sha256Hex } from '../sha256.ts';
import { rowCheck } from '../row-check.ts';
import { precomputedBytes } from './precomputed.ts';
import {
  CentroidRow,
  EpaShareRow,
  IzaRegionRow,
  MunicipalityChangeRow,
  MunicipalityRow,
  Pc4Row,
  PopulationRow,
} from '../schema.ts';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** Years for which a municipal division (1 January) is bundled. */
export const MUNICIPALITY_YEARS = [2019, 2024, 2025] as const;

export interface ReferenceData {
  /** Municipal division per year (1 January). */
  municipalities: ReadonlyMap<number, readonly MunicipalityRow[]>;
  changes: readonly MunicipalityChangeRow[];
  population: readonly PopulationRow[];
  pc4: readonly Pc4Row[];
  centroids: readonly CentroidRow[];
  izaRegions: readonly IzaRegionRow[];
  epaShares: readonly EpaShareRow[];
  /** sha256 over every file read, so a database knows when its reference tables are stale. */
  fingerprint: string;
}

export const REFERENCE_FILES = {
  municipalities: (year: number) => here(`./cbs/municipalities_${year}.csv`),
  changes: here('./cbs/municipality_changes.csv'),
  population: here('./cbs/population.csv'),
  pc4: here('./cbs/pc4_centroids.csv'),
  centroids: here('./cbs/municipality_centroids.csv'),
  izaRegions: here('./cbs/municipality_iza_region_2025.csv'),
  epaShares: here('./epa/epa_shares.csv'),
};

let loaded: ReferenceData | undefined;

/**
 * The bundled reference data, read and validated once per process: the files ship with the code
 * and the result is read-only, so every command of a long-lived process (the test suite runs
 * hundreds in one) shares one copy. The build reads and validates them once and stores the result
 * (`referenceDataBytes`); it is taken from there when dist/ is up to date (precomputed.ts).
 */
export function loadReferenceData(): ReferenceData {
  loaded ??= storedReferenceData() ?? readReferenceData();
  return loaded;
}

/** The reference data read and validated, as the build stores it in dist/. */
export function referenceDataBytes(reference: ReferenceData): Uint8Array {
  return serialize(reference);
}

function storedReferenceData(): ReferenceData | undefined {
  const bytes = precomputedBytes('reference');
  if (bytes === undefined) return undefined;
  const stored: unknown = deserialize(bytes);
  return isReferenceData(stored) ? stored : undefined;
}

/** The stored data's outline: a file of another shape (an older build's) is read from the CSV files instead. */
function isReferenceData(value: unknown): value is ReferenceData {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof ReferenceData, unknown>>;
  const lists = [candidate.changes, candidate.population, candidate.pc4, candidate.centroids, candidate.izaRegions, candidate.epaShares];
  return candidate.municipalities instanceof Map && lists.every(Array.isArray) && typeof candidate.fingerprint === 'string';
}

export function readReferenceData(): ReferenceData {
  const hashed: string[] = [];
  const read = <S extends z.ZodObject>(path: string, schema: S): z.infer<S>[] => {
    const text = readFileSync(path, 'utf8');
    hashed.push(path.slice(path.lastIndexOf('/') + 1), text);
    return parseReferenceCsv(path, text, schema);
  };
  const municipalities = new Map(
    MUNICIPALITY_YEARS.map((year) => [year, read(REFERENCE_FILES.municipalities(year), MunicipalityRow)] as const),
  );
  return {
    municipalities,
    changes: read(REFERENCE_FILES.changes, MunicipalityChangeRow),
    population: read(REFERENCE_FILES.population, PopulationRow),
    pc4: read(REFERENCE_FILES.pc4, Pc4Row),
    centroids: read(REFERENCE_FILES.centroids, CentroidRow),
    izaRegions: read(REFERENCE_FILES.izaRegions, IzaRegionRow),
    epaShares: read(REFERENCE_FILES.epaShares, EpaShareRow),
    fingerprint: sha256Hex(...hashed),
  };
}

/** The latest bundled municipal division: the codes every location is resolved to. */
export function currentMunicipalities(reference: ReferenceData): { year: number; rows: readonly MunicipalityRow[] } {
  const year = Math.max(...reference.municipalities.keys());
  return { year, rows: reference.municipalities.get(year) ?? [] };
}

function parseReferenceCsv<S extends z.ZodObject>(path: string, text: string, schema: S): z.infer<S>[] {
  const file = path.slice(path.lastIndexOf('/') + 1);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const firstError = parsed.errors[0];
  if (firstError) {
    throw new MonitorError(`referentiebestand is onleesbaar: ${firstError.message}`, {
      location: { file, row: (firstError.row ?? 0) + 2 },
    });
  }
  const check = rowCheck(schema);
  return parsed.data.map((raw, index) => {
    const result = check(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new MonitorError(`referentiegegevens kloppen niet: ${issue?.message ?? 'onbekende fout'}`, {
        location: { file, row: index + 2, field: issue?.path.join('.') ?? '' },
      });
    }
    return result.data;
  });
}
