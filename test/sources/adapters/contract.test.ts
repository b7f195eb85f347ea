/**
 * The adapter contract (sources/adapter.ts), checked for every adapter in the registry against
 * each of its snapshots: the bundled one (sources/snapshots/) and the test fixtures
 * (test/fixtures/sources/snapshots/).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient, Snapshot, SourceAdapter } from '../../../sources/adapter.ts';
import { SOURCE_ADAPTERS } from '../../../sources/adapters/registry.ts';
import { toRawFile } from '../../../sources/archive/raw-file.ts';
import { latestGoodSnapshot, readSnapshot } from '../../../sources/archive/read-snapshot.ts';
import { Reject } from '../../../sources/schema.ts';
import { BUNDLED_SNAPSHOTS_ROOT } from '../../../sources/snapshots/bundled.ts';
import { FIXTURES, fixtureSnapshotDir } from '../../fixtures/sources/fixture-snapshots.ts';
import { errorOfCall } from './helpers.ts';

interface SnapshotCase {
  label: string;
  dir: string;
}

const bundledDirs = new Map(
  await Promise.all(SOURCE_ADAPTERS.map(async (adapter) => [adapter.id, (await latestGoodSnapshot(BUNDLED_SNAPSHOTS_ROOT, adapter.id))?.dir] as const)),
);

function casesFor(adapter: SourceAdapter): SnapshotCase[] {
  const bundledDir = bundledDirs.get(adapter.id);
  const bundled: SnapshotCase[] = bundledDir === undefined ? [] : [{ label: 'meegeleverd', dir: bundledDir }];
  const fixtures = Object.values(FIXTURES)
    .filter((fixture) => fixture.source === adapter.id)
    .map((fixture): SnapshotCase => ({ label: `fixture ${fixture.label}`, dir: fixtureSnapshotDir(fixture) }));
  return [...bundled, ...fixtures];
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
    const ids = SOURCE_ADAPTERS.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(SOURCE_ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('adapter %s', (_, adapter) => {
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
      snapshot = await readSnapshot(testCase.dir);
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

    it('a snapshot whose bodies are an unrelated page is a MonitorError that names the source', async () => {
      const error = await errorOfCall(() => adapter.parse(withUnrelatedBodies(snapshot)));
      expect(error.message).toContain(`bron ${adapter.id}:`);
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
