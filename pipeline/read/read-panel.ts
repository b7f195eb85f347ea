/**
 * Every built monitor year as one panel: a row per location and year, each flagged against the
 * previous built year by the year-on-year diff (read/diff-years.ts), so the panel and
 * `lsp-monitor diff` never disagree about what changed.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { TABLES } from '../db/tables.ts';
import { LocationRow } from './read-monitor.ts';
import { diffYears, type ChangeKind, type LocationChange } from './diff-years.ts';

/** The diff's kinds, plus a location not in view this year nor the previous one, and the first built year. */
export const PANEL_CHANGES = ['eerste jaar', 'nieuw', 'gewijzigd', 'ongewijzigd', 'niet meer in beeld', 'niet in beeld'] as const;
export type PanelChange = (typeof PANEL_CHANGES)[number];

export interface PanelRow {
  year: number;
  /** The location as built this year; for a location missing from this year's list, as last seen. */
  location: LocationRow;
  /** True when the location is not in this year's list at all (no row of its own this year). */
  missing: boolean;
  change: PanelChange;
  details: string;
}

export interface Panel {
  years: number[];
  rows: PanelRow[];
  /** The latest built year's parameters, which decide the report exports' columns. */
  parameters: { participationPct: number[]; distance: { thresholdsKm: number[] } };
}

const BUILDS = sql('read/read-panel/builds.sql');
const BUILT_LOCATIONS = sql('read/read-panel/built-locations.sql');

// Every field of LocationRow (the query reads them all), so a field added to locaties.csv's rows reaches the panel unasked.
const PanelLocation = LocationRow.extend({ year: z.number() });
// Only the keys the export columns depend on; the rest of the stored parameters is the build's business.
const ExportParameters = z.looseObject({
  participationPct: z.array(z.number()),
  distance: z.looseObject({ thresholdsKm: z.array(z.number()) }),
});

export async function readPanel(database: MonitorDatabase): Promise<Panel> {
  const builds = await database.query(TABLES.build_run.pick({ year: true, parameters: true }), BUILDS);
  const latest = builds.at(-1);
  if (!latest) throw new MonitorError("er is nog geen monitorjaar gebouwd; gebruik eerst 'lsp-monitor build --year <jaar>'");
  const locations = await database.query(PanelLocation, BUILT_LOCATIONS);
  const byYear = new Map<number, Map<string, LocationRow>>(builds.map((build) => [build.year, new Map()]));
  for (const { year, ...location } of locations) byYear.get(year)!.set(location.location_id, location);

  const rows: PanelRow[] = [];
  let previous: number | undefined;
  for (const { year } of builds) {
    const current = byYear.get(year)!;
    const changes = previous === undefined ? undefined : await changesById(database, previous, year);
    for (const location of current.values()) {
      const change = changes?.get(location.location_id);
      rows.push({
        year,
        location,
        missing: false,
        change: changes === undefined ? 'eerste jaar' : change?.change ?? 'niet in beeld',
        details: change?.details ?? '',
      });
    }
    for (const change of changes?.values() ?? []) {
      if (current.has(change.locationId)) continue;
      // Only 'niet meer in beeld' can lack a row this year: the diff reports a location gone from
      // the list only when it was in view the year before, whose row is the one last seen.
      rows.push({ year, location: byYear.get(previous!)!.get(change.locationId)!, missing: true, change: change.change, details: change.details });
    }
    previous = year;
  }
  rows.sort((a, b) => a.year - b.year || (a.location.location_id < b.location.location_id ? -1 : a.location.location_id > b.location.location_id ? 1 : 0));
  return { years: builds.map((build) => build.year), rows, parameters: ExportParameters.parse(JSON.parse(latest.parameters)) };
}

async function changesById(database: MonitorDatabase, from: number, to: number): Promise<Map<string, LocationChange>> {
  const diff = await diffYears(database, from, to);
  return new Map(diff.locations.map((change) => [change.locationId, change]));
}
