/**
 * The adapter contract (sources/adapter.ts), checked for every adapter in the registry against
 * each of its snapshots: the bundled one (sources/snapshots/), the test fixtures
 * (test/fixtures/sources/snapshots/) and, for the inventory list, lists in their real shape read
 * in as `lsp-monitor import` does. Every kind of intake is exercised; the workbook corrections,
 * whose adapter reads against a built year, at the end.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient, KindedAdapter, Snapshot } from '../../../sources/adapter.ts';
import { inventoryListSnapshot } from '../../../sources/adapters/inventory-list.ts';
import { INTAKE_ADAPTERS } from '../../../sources/adapters/registry.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { createContext } from '../../../pipeline/context.ts';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { workbookCorrections, workbookSnapshot } from '../../../pipeline/intake/intake-workbook.ts';
import { takeIn } from '../../../pipeline/intake/intake.ts';
import { runCli, scratchDir } from '../../helpers/cli.ts';
import { readCsv } from '../../helpers/csv.ts';
import { freshDatabase } from '../../helpers/fresh-database.ts';
import { writeReportTables } from '../../helpers/report-tables.ts';
import { OverviewEditor } from '../../pipeline/workbook/edit-overview.ts';
import { toRawFile } from '../../../sources/archive/raw-file.ts';
import { latestGoodSnapshot, readSnapshot } from '../../../sources/archive/read-snapshot.ts';
import { Reject } from '../../../sources/schema.ts';
import { BUNDLED_SNAPSHOTS_ROOT } from '../../../sources/snapshots/bundled.ts';
import { FIXTURES, fixtureSnapshotDir } from '../../fixtures/sources/fixture-snapshots.ts';
import { errorOfCall } from './helpers.ts';

interface SnapshotCase {
  label: string;
  snapshot: () => Promise<Snapshot>;
}

const bundledDirs = new Map(
  await Promise.all(INTAKE_ADAPTERS.map(async (adapter) => [adapter.id, (await latestGoodSnapshot(BUNDLED_SNAPSHOTS_ROOT, adapter.id))?.dir] as const)),
);

/** Lists as they are sent: the published 2024 inventory, and a coordinator's workbook with a title row above the header. */
const RECEIVED_LISTS = [
  fileURLToPath(new URL('../../../sources/inventories/galan2024/locations.csv', import.meta.url)),
  fileURLToPath(new URL('../../fixtures/inventory/coordinatoren.xlsx', import.meta.url)),
];

function casesFor(adapter: KindedAdapter): SnapshotCase[] {
  const bundledDir = bundledDirs.get(adapter.id);
  const bundled: SnapshotCase[] = bundledDir === undefined ? [] : [{ label: 'meegeleverd', snapshot: () => readSnapshot(bundledDir) }];
  const fixtures = Object.values(FIXTURES)
    .filter((fixture) => fixture.source === adapter.id)
    .map((fixture): SnapshotCase => ({ label: `fixture ${fixture.label}`, snapshot: () => readSnapshot(fixtureSnapshotDir(fixture)) }));
  const lists = (adapter.kind === 'inventory-list' ? RECEIVED_LISTS : []).map(
    (path): SnapshotCase => ({
      label: `lijst ${basename(path)}`,
      snapshot: async () => inventoryListSnapshot(path, readFileSync(path), { importedAt: '2025-03-01T09:00:00Z', limits: {} }),
    }),
  );
  return [...bundled, ...fixtures, ...lists];
}

/**
 * What a structural problem's message names: the source, so the archive keeps the last good
 * snapshot; a list has no source of its own (the sender names it), so its message names the file.
 */
function namedIn(adapter: KindedAdapter, snapshot: Snapshot): string {
  return adapter.kind === 'inventory-list' ? decodeURIComponent(snapshot.files[0]!.url.replace(/^file:/, '').replace(/#.*$/, '')) : `bron ${adapter.id}:`;
}

const UNRELATED_HTML = '<!doctype html><html><head><title>Onderhoud</title></head><body><h1>We zijn zo terug</h1><p>Deze pagina is tijdelijk niet beschikbaar.</p></body></html>';
const UNRELATED_JSON = '{"melding":"Deze dienst is tijdelijk niet beschikbaar"}';

/** The snapshot with every body replaced by an unrelated page of the same kind. */
function withUnrelatedBodies(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    files: snapshot.files.map((file) => ({
      ...file,
      bytes: new TextEncoder().encode(file.contentType.includes('json') ? UNRELATED_JSON : UNRELATED_HTML),
    })),
  };
}

/** A client that answers with the snapshot's bodies by URL, and 404 for anything else. */
function serving(snapshot: Snapshot): { http: HttpClient; requested: string[] } {
  const requested: string[] = [];
  const byUrl = new Map(snapshot.files.map((file) => [file.url, file]));
  return {
    requested,
    http: {
      async get(url) {
        requested.push(url);
        const file = byUrl.get(url);
        if (file === undefined) return { url, status: 404, contentType: 'text/html', body: new TextEncoder().encode(UNRELATED_HTML) };
        return { url, status: file.status, contentType: file.contentType, body: file.bytes };
      },
    },
  };
}

describe('the registry', () => {
  it('has unique adapter ids', () => {
    const ids = INTAKE_ADAPTERS.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has an adapter of every kind the pipeline takes in, each with a snapshot to be tested on', () => {
    const tested = new Set(INTAKE_ADAPTERS.filter((adapter) => casesFor(adapter).length > 0).map((adapter) => adapter.kind));
    expect([...tested].sort()).toEqual(['epa-table', 'inventory-list', 'reference-table', 'regional-corrections', 'survey', 'web-snapshot']);
  });
});

describe.each(INTAKE_ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('adapter %s', (_, adapter) => {
  const cases = casesFor(adapter);

  it('has a snapshot to be tested on', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it('an empty snapshot is a MonitorError that names the source', async () => {
    const error = await errorOfCall(() => adapter.parse({ source: adapter.id, adapterVersion: adapter.version, fetchedAt: '2024-10-01T00:00:00Z', files: [] }));
    expect(error.message).toContain(`bron ${adapter.id}:`);
  });

  if (adapter.origin === 'web') {
    it('has settings whose defaults validate, and says which settings are required', () => {
      const required = adapter.settingsSchema.safeParse({});
      // Only a setting without a default (Vektis url) may be required.
      if (!required.success) for (const issue of required.error.issues) expect(issue.code).toBe('invalid_type');
    });
  } else {
    it('comes in as a file and has no fetch', () => {
      expect(adapter.origin).toBe('file');
      expect('fetch' in adapter).toBe(false);
    });
  }

  describe.each(cases.map((testCase) => [testCase.label, testCase] as const))('snapshot %s', (__, testCase) => {
    let snapshot: Snapshot;
    beforeAll(async () => {
      snapshot = await testCase.snapshot();
    });

    it('belongs to this source and adapter version', () => {
      expect(snapshot.source).toBe(adapter.id);
      expect(snapshot.adapterVersion).toBe(adapter.version);
    });

    it('parses into records that validate against the record schema, and valid rejects', async () => {
      const { records, rejects } = await adapter.parse(snapshot);
      expect(records.length).toBeGreaterThan(0);
      for (const { record } of records) expect(adapter.recordSchema.parse(record)).toEqual(record);
      for (const reject of rejects) {
        expect(Reject.parse(reject)).toEqual(reject);
        expect(reject.source).toBe(adapter.id);
      }
    });

    it('gives every record a unique origin inside one of the snapshot files', async () => {
      const origins = (await adapter.parse(snapshot)).records.map((record) => record.origin);
      expect(new Set(origins).size).toBe(origins.length);
      const names = new Set(snapshot.files.map((file) => file.name));
      for (const origin of origins) expect(names.has(origin.slice(0, origin.indexOf('#')))).toBe(true);
    });

    it('parses the same way twice', async () => {
      expect(await adapter.parse(snapshot)).toEqual(await adapter.parse(snapshot));
    });

    it('a snapshot whose bodies are an unrelated page is a MonitorError that names the source (a list: the file)', async () => {
      const error = await errorOfCall(() => adapter.parse(withUnrelatedBodies(snapshot)));
      expect(error).toBeInstanceOf(MonitorError);
      expect(error.message).toContain(namedIn(adapter, snapshot));
    });

    if (adapter.origin === 'web') {
      it('records settings its settingsSchema accepts', () => {
        expect(adapter.settingsSchema.safeParse(snapshot.settings ?? {}).success).toBe(true);
      });

      it('fetch, with the settings recorded in the snapshot, asks for the URLs parse reads, and what it fetches parses to the same records', async () => {
        const { http, requested } = serving(snapshot);
        const settings = adapter.settingsSchema.parse(snapshot.settings ?? {});
        const fetched = await adapter.fetch({ http, settings, log: () => undefined });
        expect(fetched.map((file) => file.url)).toEqual(snapshot.files.map((file) => file.url));
        expect(requested).toEqual(expect.arrayContaining(snapshot.files.map((file) => file.url)));
        const refetched: Snapshot = { ...snapshot, files: fetched.map(toRawFile) };
        expect(await adapter.parse(refetched)).toEqual(await adapter.parse(snapshot));
      });
    } else {
      it('holds the received files only, under file: urls', () => {
        for (const file of snapshot.files) expect(file.url).toMatch(/^file:[^#]+(#blad=.+)?$/);
      });
    }
  });
});

describe('adapter correcties (workbook-corrections): the edited overview, read against the built year', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');
  const list = RECEIVED_LISTS[1]!;
  let edited: Uint8Array;
  let editedLocation: string;

  beforeAll(async () => {
    await freshDatabase(scratch); // at db: a new database, copied
    for (const args of [
      ['import', list, '--year', '2025', '--source', 'coordinatoren', '--db', db],
      ['build', '--year', '2025', '--db', db],
      ['report', '--year', '2025', '--out', join(scratch, 'werk'), '--db', db],
    ]) expect((await runCli(args)).code, args[0]).toBe(0);
    const editor = await OverviewEditor.open(readFileSync(join(scratch, 'werk', 'overzicht.xlsx')));
    const [first] = readCsv(join(scratch, 'werk', 'locaties.csv'));
    editedLocation = first!['location_id']!;
    editor.setLocation(editor.rowOf(editedLocation), 'grootte', 'groot');
    edited = await editor.bytes();
  }, 300_000);

  const parse = async (snapshot: Snapshot) => withDatabase(db, (database) => workbookCorrections(database, 2025).parse(snapshot));

  it('parses the received workbook into the changes it makes, the same way twice', async () => {
    const snapshot = workbookSnapshot(join(scratch, 'overzicht-bewerkt.xlsx'), edited, '2025-03-02T09:00:00Z');
    expect(snapshot.files.map((file) => file.url)).toEqual(['file:overzicht-bewerkt.xlsx']);
    const parsed = await parse(snapshot);
    expect(parsed.errors).toEqual([]);
    expect(parsed.changes).toEqual([expect.objectContaining({ kind: 'change', locationId: editedLocation, field: 'size', to: 'groot' })]);
    expect(await parse(snapshot)).toEqual(parsed);
  });

  it('an empty snapshot, or one whose body is an unrelated page, is a MonitorError that names the source or the file', async () => {
    const snapshot = workbookSnapshot(join(scratch, 'overzicht-bewerkt.xlsx'), edited, '2025-03-02T09:00:00Z');
    expect((await errorOfCall(() => parse({ ...snapshot, files: [] }))).message).toContain('bron correcties:');
    const unrelated = await errorOfCall(() => parse(withUnrelatedBodies(snapshot)));
    expect(unrelated).toBeInstanceOf(MonitorError);
    expect(unrelated.message).toContain('overzicht-bewerkt.xlsx');
  });

  it('is routed by its kind to the corrections, which every later build applies', async () => {
    const path = join(scratch, 'overzicht-bewerkt.xlsx');
    writeFileSync(path, edited);
    const snapshot = workbookSnapshot(path, edited, '2025-03-02T09:00:00Z');
    const lines = await withDatabase(db, async (database) => {
      const target = { database, context: createContext(), year: 2025, source: 'correcties', file: 'overzicht-bewerkt.xlsx', sha256: snapshot.files[0]!.sha256, replace: false };
      return (await takeIn(workbookCorrections(database, 2025), snapshot, target)).lines;
    });
    expect(lines).toEqual(['overzicht-bewerkt.xlsx: 1 wijziging(en) overgenomen.']);
    // Only locaties.csv is read: the report's tables (report-tables.ts), as the report writes them.
    await writeReportTables(db, 2025, join(scratch, 'na'));
    const after = readCsv(join(scratch, 'na', 'locaties.csv'));
    expect(after.find((row) => row['location_id'] === editedLocation)?.['grootte']).toBe('groot');
  });
});
