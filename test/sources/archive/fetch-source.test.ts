/** fetchSource: fetch → snapshot → parse → good, and the previous good snapshot kept whenever something fails. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fetchSource, type FetchSourceOptions, type FetchSourceResult } from '../../../sources/archive/fetch-source.ts';
import { latestGoodSnapshot, listSnapshots } from '../../../sources/archive/read-snapshot.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { createHttpClient } from '../../../sources/fetch/http-client.ts';
import { parseFetchSettings } from '../../../sources/settings/fetch-settings.ts';
import { startLocalServer, type LocalServer } from '../fetch/local-server.ts';
import { fakeAdapter, fileTree, page, scratch, storedSnapshot } from './helpers.ts';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server whose page content the test can change between fetches. */
async function site(initial: string): Promise<{ server: LocalServer; set: (html: string, status?: number) => void }> {
  let html = initial;
  let status = 200;
  const server = await startLocalServer({
    '/steunpunten': (_request, response) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    },
  });
  servers.push(server);
  return {
    server,
    set: (next, nextStatus = 200) => {
      html = next;
      status = nextStatus;
    },
  };
}

function options(archiveDir: string, moments: string[], overrides: Partial<FetchSourceOptions> = {}) {
  const lines: string[] = [];
  const http = createHttpClient({
    settings: parseFetchSettings({ userAgentContact: 'monitor@example.org', retries: 0, minDelayMs: 0 }, 'test.json'),
    version: '9.9.9',
    sleep: async () => {},
  });
  let tick = 0;
  const fetchOptions: FetchSourceOptions = {
    archiveDir,
    http,
    log: (line) => lines.push(line),
    // each fetch takes the next moment (fetchedAt), then parsedAt
    now: () => new Date(moments[Math.min(tick++, moments.length - 1)] ?? '2025-01-01T00:00:00Z'),
    ...overrides,
  };
  return { fetchOptions, lines };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function expectKind<K extends FetchSourceResult['kind']>(result: FetchSourceResult, kind: K): Extract<FetchSourceResult, { kind: K }> {
  expect(result.kind).toBe(kind);
  return result as Extract<FetchSourceResult, { kind: K }>;
}

describe('fetchSource', () => {
  it('fetches, stores, parses and marks the snapshot good', async () => {
    const { server } = await site(page('De Kroon', 'Het Anker'));
    const archive = scratch();
    const adapter = fakeAdapter('testbron', () => [`${server.origin}/steunpunten`]);
    const { fetchOptions, lines } = options(archive, ['2025-03-03T03:00:00Z', '2025-03-03T03:00:05Z']);

    const result = expectKind(await fetchSource(adapter, fetchOptions), 'fetched');

    expect(result).toMatchObject({ source: 'testbron', newBodies: 1, records: 2, rejects: 0 });
    expect(result.inUse.status).toBe('good');
    expect(basename(result.inUse.dir)).toBe('2025-03-03T03-00-00-000Z');
    const body = page('De Kroon', 'Het Anker');
    expect(result.inUse.files).toEqual([
      {
        url: `${server.origin}/steunpunten`,
        status: 200,
        contentType: 'text/html; charset=utf-8',
        bytes: Buffer.byteLength(body),
        sha256: sha256(body),
        name: `${sha256(body)}.html`,
      },
    ]);
    expect(createHash('sha256').update(readFileSync(join(archive, 'testbron', 'bodies', `${sha256(body)}.html`))).digest('hex')).toBe(sha256(body));
    expect(JSON.parse(readFileSync(join(result.inUse.dir, 'verdict.json'), 'utf8'))).toEqual({
      good: true,
      parsedAt: '2025-03-03T03:00:05.000Z',
      adapterVersion: 1,
      records: 2,
      rejects: 0,
    });
    expect(lines).toEqual([]);
  });

  it('records an identical re-fetch as unchanged without storing the body again', async () => {
    const { server } = await site(page('De Kroon'));
    const archive = scratch();
    const adapter = fakeAdapter('testbron', () => [`${server.origin}/steunpunten`]);

    await fetchSource(adapter, options(archive, ['2025-03-03T03:00:00Z']).fetchOptions);
    const bodiesBefore = readdirSync(join(archive, 'testbron', 'bodies'));
    const again = expectKind(await fetchSource(adapter, options(archive, ['2025-03-10T03:00:00Z']).fetchOptions), 'unchanged');

    expect(readdirSync(join(archive, 'testbron', 'bodies'))).toEqual(bodiesBefore);
    expect(basename(again.inUse.dir)).toBe('2025-03-10T03-00-00-000Z');
    expect((await listSnapshots(archive, 'testbron')).map((snapshot) => snapshot.status)).toEqual(['good', 'good']);
  });

  it('keeps the last good snapshot byte for byte when the page structure changed', async () => {
    const { server, set } = await site(page('De Kroon', 'Het Anker'));
    const archive = scratch();
    const adapter = fakeAdapter('testbron', () => [`${server.origin}/steunpunten`]);
    const first = expectKind(await fetchSource(adapter, options(archive, ['2025-03-03T03:00:00Z']).fetchOptions), 'fetched');
    const before = fileTree(archive);

    set('<html><body><div class="kaart">nieuwe opbouw</div></body></html>');
    const { fetchOptions, lines } = options(archive, ['2025-03-10T03:00:00Z']);
    const result = expectKind(await fetchSource(adapter, fetchOptions), 'failed');

    const changedName = `${sha256('<html><body><div class="kaart">nieuwe opbouw</div></body></html>')}.html`;
    const rejectedDir = join(archive, 'testbron', '2025-03-10T03-00-00-000Z');
    expect(result.error.message).toBe(`bron testbron: ${changedName} heeft geen lijst 'steunpunten' meer; de opbouw van de pagina is veranderd`);
    expect(lines).toEqual([
      `LET OP: bron testbron kon niet worden opgehaald (bron testbron: ${changedName} heeft geen lijst 'steunpunten' meer; ` +
        'de opbouw van de pagina is veranderd); de vorige goede momentopname van 3 maart 2025 04:00 wordt gebruikt\n' +
        `De afgekeurde momentopname staat ter inspectie in ${rejectedDir}.`,
    ]);
    expect(result.inUse?.dir).toBe(first.inUse.dir);
    expect(result.rejected?.dir).toBe(rejectedDir);
    expect((await latestGoodSnapshot(archive, 'testbron'))?.dir).toBe(first.inUse.dir);
    // Every file that was there is still there, unchanged; the rejected snapshot is only added.
    const after = fileTree(archive);
    for (const [path, bytes] of before) expect(after.get(path), path).toEqual(bytes);
    expect(JSON.parse(readFileSync(join(rejectedDir, 'verdict.json'), 'utf8'))).toMatchObject({ good: false });
  });

  it('with strict, throws the failure and still keeps the good snapshot in use', async () => {
    const { server, set } = await site(page('De Kroon'));
    const archive = scratch();
    const adapter = fakeAdapter('testbron', () => [`${server.origin}/steunpunten`]);
    const first = expectKind(await fetchSource(adapter, options(archive, ['2025-03-03T03:00:00Z']).fetchOptions), 'fetched');

    set('niet gevonden', 404);
    const failure: unknown = await fetchSource(adapter, options(archive, ['2025-03-10T03:00:00Z'], { strict: true }).fetchOptions).catch(
      (error: unknown) => error,
    );

    if (!(failure instanceof MonitorError)) throw new Error(`expected a MonitorError, got ${String(failure)}`);
    expect(failure.message).toBe(
      `bron testbron kon niet worden opgehaald (${server.origin}/steunpunten kon niet worden opgehaald: de server antwoordde 404 (Not Found); ` +
        'dit wordt niet opnieuw geprobeerd); de vorige goede momentopname van 3 maart 2025 04:00 wordt gebruikt',
    );
    expect((await latestGoodSnapshot(archive, 'testbron'))?.dir).toBe(first.inUse.dir);
  });

  it('writes nothing when the fetch itself fails', async () => {
    const { server } = await site('');
    const archive = scratch();
    const adapter = fakeAdapter('testbron', () => [`${server.origin}/bestaat-niet`]);
    const { fetchOptions, lines } = options(archive, ['2025-03-03T03:00:00Z']);

    const result = expectKind(await fetchSource(adapter, fetchOptions), 'failed');

    expect(result.inUse).toBeUndefined();
    expect(lines).toEqual([
      `LET OP: bron testbron kon niet worden opgehaald (${server.origin}/bestaat-niet kon niet worden opgehaald: de server antwoordde 404 (Not Found); ` +
        'dit wordt niet opnieuw geprobeerd); er is geen eerdere goede momentopname, dus deze bron ontbreekt',
    ]);
    expect(existsSync(join(archive, 'testbron')) ? fileTree(join(archive, 'testbron')).size : 0).toBe(0);
  });

  it('treats an adapter that fetches nothing as a failure', async () => {
    const archive = scratch();
    const adapter = fakeAdapter('leeg', () => []);
    const { fetchOptions, lines } = options(archive, ['2025-03-03T03:00:00Z']);

    const result = expectKind(await fetchSource(adapter, fetchOptions), 'failed');

    expect(result.error.message).toBe('bron leeg leverde geen bestanden op');
    expect(lines[0]).toBe('LET OP: bron leeg kon niet worden opgehaald (bron leeg leverde geen bestanden op); er is geen eerdere goede momentopname, dus deze bron ontbreekt');
  });

  it('does not fetch a source whose required setting is not set: not configured, nothing written, not a failure even when strict', async () => {
    const archive = scratch();
    const adapter = fakeAdapter('instelbaar', () => ['https://example.invalid/'], { settingsSchema: z.object({ url: z.url() }).strict() });
    const { fetchOptions, lines } = options(archive, ['2025-03-03T03:00:00Z'], { strict: true });

    const result = await fetchSource(adapter, fetchOptions);

    expect(result).toEqual({ kind: 'not-configured', source: 'instelbaar', missing: ['url'], inUse: undefined });
    expect(existsSync(join(archive, 'instelbaar'))).toBe(false);
    expect(lines).toEqual([]);
  });

  it('hands the checked settings, defaults filled in, to fetch and records them in the manifest', async () => {
    const { server } = await site(page('De Kroon'));
    const archive = scratch();
    const seen: unknown[] = [];
    const plain = fakeAdapter('instelbaar', () => [`${server.origin}/steunpunten`]);
    const adapter = {
      ...plain,
      settingsSchema: z.object({ path: z.string(), pages: z.number().default(1) }).strict(),
      fetch: async (context: Parameters<typeof plain.fetch>[0]) => {
        seen.push(context.settings);
        return plain.fetch(context);
      },
    };

    const result = expectKind(await fetchSource(adapter, { ...options(archive, ['2025-03-03T03:00:00Z']).fetchOptions, settings: { path: '/steunpunten' } }), 'fetched');

    expect(seen).toEqual([{ path: '/steunpunten', pages: 1 }]);
    expect(JSON.parse(readFileSync(join(result.inUse.dir, 'manifest.json'), 'utf8'))).toMatchObject({ settings: { path: '/steunpunten', pages: 1 } });
  });

  it('a wrong setting is a failure that names the setting', async () => {
    const archive = scratch();
    const adapter = fakeAdapter('instelbaar', () => [], { settingsSchema: z.object({ url: z.url('moet een http(s)-adres zijn') }).strict() });
    const { fetchOptions } = options(archive, ['2025-03-03T03:00:00Z']);

    const result = expectKind(await fetchSource(adapter, { ...fetchOptions, settings: { url: 'geen adres' } }), 'failed');

    expect(result.error.message).toBe("bron instelbaar: instelling 'url': moet een http(s)-adres zijn");
  });

  it('awaits an asynchronous parse before the verdict', async () => {
    const { server } = await site(page('De Kroon', 'Het Anker'));
    const archive = scratch();
    const plain = fakeAdapter('testbron', () => [`${server.origin}/steunpunten`]);
    const adapter = { ...plain, parse: async (snapshot: Parameters<typeof plain.parse>[0]) => plain.parse(snapshot) };

    const result = expectKind(await fetchSource(adapter, options(archive, ['2025-03-03T03:00:00Z']).fetchOptions), 'fetched');

    expect(result.records).toBe(2);
    expect(JSON.parse(readFileSync(join(result.inUse.dir, 'verdict.json'), 'utf8'))).toMatchObject({ good: true, records: 2 });
  });

  it('falls back to a snapshot of an older adapter version only when the current adapter can still read it', async () => {
    const { server } = await site('<html>niet gevonden</html>');
    const archive = scratch();
    const readable = await storedSnapshot(archive, 'testbron', '2025-02-01T03:00:00Z', page('Oud'), { good: true, records: 1, adapterVersion: 1 });
    await storedSnapshot(archive, 'testbron', '2025-03-01T03:00:00Z', '<div>andere opbouw</div>', { good: true, records: 3, adapterVersion: 1 });
    const adapter = fakeAdapter('testbron', () => [`${server.origin}/steunpunten`], { version: 2 });
    const { fetchOptions, lines } = options(archive, ['2025-03-10T03:00:00Z']);

    const result = expectKind(await fetchSource(adapter, fetchOptions), 'failed');

    expect(result.inUse?.dir).toBe(readable);
    expect(result.inUse?.reparsedFrom).toBe(1);
    expect(lines[0]).toMatch(/^LET OP: bron testbron: de momentopname van 1 maart 2025 04:00 is goedgekeurd door adapterversie 1, maar de huidige versie 2 kan hem niet lezen/);
    expect(lines[1]).toMatch(/de vorige goede momentopname van 1 februari 2025 04:00 wordt gebruikt/);
  });
});
