/**
 * The working group's corrections of existing locations, as every build applies them: for each
 * location id the latest corrected value per field, from corrections of this year and earlier.
 */
import { z } from 'zod';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';

const LOCATION_OVERRIDES = sql('corrections/overrides/location-overrides.sql');

/** A change of a correction (its location and field are set) with the file it came from. */
const Override = z.object({ location_id: z.string(), field: z.string(), new_value: z.string().nullable(), file_name: z.string() });

/** location id -> field (an InventoryField name) -> corrected value (null: emptied). */
export type LocationOverrides = ReadonlyMap<string, ReadonlyMap<string, string | null>>;

export async function loadOverrides(database: MonitorDatabase, year: number): Promise<LocationOverrides> {
  const rows = await database.query(Override, LOCATION_OVERRIDES, { year });
  const overrides = new Map<string, Map<string, string | null>>();
  for (const row of rows) {
    const fields = overrides.get(row.location_id) ?? new Map<string, string | null>();
    fields.set(row.field, row.new_value);
    fields.set(CORRECTED_BY, row.file_name);
    overrides.set(row.location_id, fields);
  }
  return overrides;
}

/** Pseudo-field holding the name of the latest file that corrected a location (its provenance). */
export const CORRECTED_BY = '__bestand';
