/**
 * The bundled MIND-atlas and NVZH snapshots against their ground truth
 * (test/fixtures/sources/galan2024-truth.csv): the 2024 inventory split over the two sources.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParseResult } from '../../../sources/adapter.ts';
import { mindAtlas } from '../../../sources/adapters/mind-atlas.ts';
import { nvzh } from '../../../sources/adapters/nvzh.ts';
import type { InventoryRecord } from '../../../sources/schema.ts';
import { readBundledSnapshot } from '../../../sources/snapshots/bundled.ts';
import { readCsv } from '../../helpers/csv.ts';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const inventory = readCsv(path('../../../sources/inventories/galan2024/locations.csv'));
const pc4 = readCsv(path('../../../sources/reference/cbs/pc4_centroids.csv'));
const truth = readCsv(path('../../fixtures/sources/galan2024-truth.csv')).map((line) => ({
  source: line.source ?? '',
  origin: line.origin ?? '',
  rows: (line.seed_rows ?? '').split(';').map(Number),
  orgLevel: line.org_level === 'true',
  name: line.name ?? '',
}));

const truthOf = (source: string) => truth.filter((line) => line.source === source);
const rowsOf = (source: string) => new Set(truthOf(source).flatMap((line) => line.rows));

let parsed: Record<string, ParseResult<InventoryRecord>>;
beforeAll(async () => {
  parsed = {
    [mindAtlas.id]: await mindAtlas.parse(await readBundledSnapshot(mindAtlas.id)),
    [nvzh.id]: await nvzh.parse(await readBundledSnapshot(nvzh.id)),
  };
});

describe('bundled MIND-atlas and NVZH snapshots', () => {
  it('MIND-atlas lists about 180 locations, NVZH about 130 entries, without rejects', () => {
    const mind = parsed[mindAtlas.id];
    const members = parsed[nvzh.id];
    expect(mind?.records.length).toBeGreaterThanOrEqual(170);
    expect(mind?.records.length).toBeLessThanOrEqual(190);
    expect(members?.records.length).toBeGreaterThanOrEqual(120);
    expect(members?.records.length).toBeLessThanOrEqual(140);
    expect(mind?.rejects).toEqual([]);
    expect(members?.rejects).toEqual([]);
  });

  it('the truth file names every parsed record exactly once, under the name parse gives it', () => {
    for (const source of [mindAtlas.id, nvzh.id]) {
      const parsedNames = new Map(parsed[source]?.records.map(({ origin, record }) => [origin, record.name]));
      const lines = truthOf(source);
      expect(lines.map((line) => line.origin).sort()).toEqual([...parsedNames.keys()].sort());
      for (const line of lines) expect(line.name).toBe(parsedNames.get(line.origin));
    }
  });

  it('covers every one of the 278 rows of the 2024 inventory', () => {
    expect(inventory).toHaveLength(278);
    const covered = new Set(truth.flatMap((line) => line.rows));
    expect([...covered].sort((a, b) => a - b)).toEqual(inventory.map((_, index) => index + 1));
  });

  it('MIND-atlas is at location level; an NVZH organisation entry covers several locations of one organisation in one region', () => {
    expect(truthOf(mindAtlas.id).every((line) => !line.orgLevel && line.rows.length === 1)).toBe(true);
    const organisations = truthOf(nvzh.id).filter((line) => line.orgLevel);
    expect(organisations.length).toBeGreaterThan(10);
    for (const line of organisations) {
      expect(line.rows.length).toBeGreaterThan(1);
      const groups = new Set(line.rows.map((row) => `${inventory[row - 1]?.iza_region}|${inventory[row - 1]?.organisation?.toLowerCase()}`));
      expect(groups.size).toBe(1);
    }
    expect(truthOf(nvzh.id).filter((line) => !line.orgLevel).every((line) => line.rows.length === 1)).toBe(true);
  });

  it('has many steunpunten in both sources, and some in only one', () => {
    const mind = rowsOf(mindAtlas.id);
    const members = rowsOf(nvzh.id);
    const both = [...mind].filter((row) => members.has(row)).length;
    expect(both).toBeGreaterThan(100);
    expect(mind.size - both).toBeGreaterThan(10);
    expect(members.size - both).toBeGreaterThan(10);
  });

  it('names the same steunpunt differently in the two sources now and then', () => {
    const nameIn = (source: string) =>
      new Map(truthOf(source).filter((line) => line.rows.length === 1).map((line) => [line.rows[0], line.name]));
    const mind = nameIn(mindAtlas.id);
    const members = nameIn(nvzh.id);
    const differing = [...mind].filter(([row, name]) => members.has(row) && members.get(row) !== name);
    expect(differing.length).toBeGreaterThan(15);
  });

  it('never makes up an address: no street addresses, and a postcode only as a PC4 of the place', () => {
    // "Hengelo (Gld)" is Hengelo, "Walterswald" Wâlterswâld, "’s-Hertogenbosch" 's-Hertogenbosch.
    const place = (name: string | undefined) =>
      (name ?? '')
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .replace(/[‘’]/g, "'")
        .replace(/\s*\([^)]*\)$/, '')
        .toLowerCase();
    const placesOf = new Map<string, Set<string>>();
    for (const area of pc4) placesOf.set(area.pc4 ?? '', new Set([...(placesOf.get(area.pc4 ?? '') ?? []), place(area.woonplaats)]));
    for (const { records } of Object.values(parsed)) {
      for (const { record } of records) {
        expect(record.address).toBeUndefined();
        expect(record.website).toBeUndefined();
        if (record.postcode === undefined) continue;
        expect(record.postcode).toMatch(/^\d{4}$/);
        expect(placesOf.get(record.postcode)?.has(place(record.place)), `${record.postcode} ${record.place}`).toBe(true);
      }
    }
  });
});
