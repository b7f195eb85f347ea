/**
 * Corrections from regiocoördinatoren (closed, not a steunpunt, potential, size, new) as
 * changes of the monitor's own correction source: a known steunpunt gets its status or size
 * changed, a new or unknown potential one becomes a record. Stored like the Excel overview's
 * corrections, so every later build applies them.
 */
import type { InventoryRecord, RegionalCorrection } from '../../sources/schema.ts';
import type { Correction } from '../corrections/types.ts';
import type { FoundLocation, LocationReference } from './find-location.ts';

export interface RegionalChanges {
  changes: Correction[];
  /** Corrections about a steunpunt that could not be found, in Dutch. */
  unmatched: string[];
}

type Find = (reference: LocationReference) => FoundLocation | null;

const STATUS_OF_KIND = { gesloten: 'gesloten', 'geen-steunpunt': 'uitgesloten', potentieel: 'potentieel' } as const;

export function regionalChanges(corrections: readonly { record: RegionalCorrection; origin: string }[], find: Find, sheet: string): RegionalChanges {
  const changes: Correction[] = [];
  const unmatched: string[] = [];
  corrections.forEach(({ record }, index) => {
    const row = index + 2;
    const base = { sheet, row, rowHasErrors: false };
    const found = record.kind === 'nieuw' ? null : find(record);
    if (record.kind === 'nieuw' || (record.kind === 'potentieel' && found === null)) {
      changes.push({ ...base, kind: 'new-location', record: newRecord(record) });
      return;
    }
    if (found === null) {
      unmatched.push(`${record.name}${record.municipality ? ` (${record.municipality})` : ''}: ${record.kind}`);
      return;
    }
    const change = (field: 'status' | 'size', column: string, from: string, to: string): Correction => ({
      ...base, kind: 'change', locationId: found.location_id, locationName: found.name, field, column, from, to,
    });
    if (record.kind === 'grootte') changes.push(change('size', 'grootte', found.size_class, record.size!));
    else changes.push(change('status', 'status', found.status, STATUS_OF_KIND[record.kind]));
  });
  return { changes, unmatched };
}

function newRecord(correction: RegionalCorrection): InventoryRecord {
  return {
    name: correction.name,
    municipality: correction.municipality,
    place: correction.place,
    izaRegion: correction.izaRegion,
    size: correction.size,
    status: correction.kind === 'potentieel' ? 'potentieel' : 'actief',
    note: correction.note,
    extra: {},
  };
}
