/**
 * The inventory-list adapter reads nothing but its snapshot: the size limits of the configuration
 * it was imported with are recorded in the snapshot, so a list is read the same whatever is
 * configured later. Lists in their real shape (REAL-SHAPES.md: a coordinator's semicolon CSV).
 */
import { describe, expect, it } from 'vitest';
import { inventoryList, inventoryListSnapshot } from '../../../sources/adapters/inventory-list.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { errorOfCall } from './helpers.ts';

const LIST = [
  'Naam;Gemeentenaam;Plaatsnaam;Bezoekadres;Openingstijden;Aantal bezoekers',
  'Herstelcafé De Brug;Gemeente Utrecht;Utrecht;Oudegracht 12;ma, wo en vr 10.00 – 14.00 uur;ca. 30',
  '@ease Zwolle;Zwolle;Zwolle;Melkmarkt 5;elke zaterdag van 11:00 tot 14:00;',
  'Inloop De Kade;Den Bosch;\'s-Hertogenbosch;Kade 3;dinsdagmiddag;12',
].join('\r\n');
const bytes = new TextEncoder().encode(LIST);
const snapshotWith = (limits: { maxDataRows?: number }) => inventoryListSnapshot('coordinatoren noord.csv', bytes, { importedAt: '2025-03-01T09:00:00Z', limits });

describe('inventory-list adapter', () => {
  it('records the limits it is read with in the snapshot, and reads every row within them', async () => {
    const snapshot = snapshotWith({ maxDataRows: 3 });
    expect(snapshot.settings).toEqual({ maxDataRows: 3 });
    const parsed = await inventoryList.parse(snapshot);
    expect(parsed.records.map(({ record }) => record.record.name)).toEqual(['Herstelcafé De Brug', '@ease Zwolle', 'Inloop De Kade']);
    expect(parsed.records[0]?.record.notes).toEqual([{ row: 2, field: 'Aantal bezoekers', reason: "bezoekers per week 'ca. 30' gelezen als 30" }]);
    expect(parsed).toMatchObject({ fileName: 'coordinatoren noord.csv', format: 'csv', rowsRead: 3, titleRows: [] });
  });

  it('refuses a list longer than the recorded limit, naming the file, whatever the limit is today', async () => {
    const error = await errorOfCall(() => inventoryList.parse(snapshotWith({ maxDataRows: 2 })));
    expect(error).toBeInstanceOf(MonitorError);
    expect(error.message).toContain('coordinatoren noord.csv');
    expect(error.message).toContain('de grens is 2');
  });
});
