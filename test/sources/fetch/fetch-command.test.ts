/** lsp-monitor fetch: offline by default (no network at all), online with progress per source. */
import { describe, expect, it, vi } from 'vitest';
import { createFetchCommand, fetchCommand, type FetchDependencies } from '../../../pipeline/cli/commands/fetch.ts';
import type { Io } from '../../../pipeline/cli/command.ts';
import type { HttpClient } from '../../../sources/adapter.ts';
import { writeVerdict } from '../../../sources/archive/verdict.ts';
import { writeSnapshot } from '../../../sources/archive/write-snapshot.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { createHttpClient } from '../../../sources/fetch/http-client.ts';
import { parseFetchSettings } from '../../../sources/fetch/settings.ts';
import { fakeAdapter, page, scratch } from '../archive/helpers.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

// The registry is written by the adapters' engineer; these tests inject their own adapters.
vi.mock('../../../sources/adapters/registry.ts', () => ({ SOURCE_ADAPTERS: [] }));

const STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} /;

function capture(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line) => out.push(line), err: (line) => err.push(line) }, out, err };
}

const noNetwork = (): HttpClient => {
  throw new Error('offline must not create an HTTP client');
};

function localHttp(): HttpClient {
  return createHttpClient({
    settings: parseFetchSettings({ userAgentContact: 'monitor@example.org', retries: 0, minDelayMs: 0 }, 'test.json'),
    version: '9.9.9',
  });
}

async function withServer<T>(routes: Parameters<typeof startLocalServer>[0], work: (server: LocalServer) => Promise<T>): Promise<T> {
  const server = await startLocalServer(routes);
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}

function command(overrides: Partial<FetchDependencies>) {
  return createFetchCommand({ createHttp: noNetwork, isTty: () => false, write: () => {}, ...overrides });
}

describe('lsp-monitor fetch', () => {
  it('is a command with Dutch usage', () => {
    expect(fetchCommand.name).toBe('fetch');
    expect(fetchCommand.usage).toMatch(/^Gebruik: lsp-monitor fetch /);
  });

  it('offline (the default) makes no network call and reports the snapshot that would be used', async () => {
    const archive = scratch();
    const good = await writeSnapshot(archive, {
      source: 'testbron',
      adapterVersion: 1,
      fetchedAt: new Date('2025-03-03T03:00:00Z'),
      files: [{ url: 'https://example.org/', status: 200, contentType: 'text/html', bytes: new TextEncoder().encode(page('A', 'B')) }],
    });
    await writeVerdict(good.info.dir, { good: true, parsedAt: '2025-03-03T03:00:01.000Z', adapterVersion: 1, records: 2, rejects: 0 });
    const later = await writeSnapshot(archive, {
      source: 'testbron',
      adapterVersion: 1,
      fetchedAt: new Date('2025-03-10T03:00:00Z'),
      files: [{ url: 'https://example.org/', status: 200, contentType: 'text/html', bytes: new TextEncoder().encode('<p>anders</p>') }],
    });
    await writeVerdict(later.info.dir, { good: false, parsedAt: '2025-03-10T03:00:01.000Z', adapterVersion: 1, reason: 'opbouw veranderd' });
    const adapters = [fakeAdapter('testbron', () => ['https://example.org/']), fakeAdapter('nieuw', () => ['https://example.org/'])];
    const { io, out, err } = capture();

    await command({ adapters: () => adapters }).run({ positionals: [], values: { archive } }, io);

    expect(out).toEqual([
      `Zonder --online wordt niets opgehaald. Momentopnamen in ${archive} die worden gebruikt:`,
      '  testbron: momentopname van 3 maart 2025 04:00 (1 bestand, 2 records)',
      '    let op: de nieuwere momentopname van 10 maart 2025 04:00 is afgekeurd (opbouw veranderd)',
      "  nieuw: nog geen goede momentopname; haal die op met 'lsp-monitor fetch --online --source nieuw'",
    ]);
    expect(err).toEqual([]);
  });

  it('online, not on a terminal: plain log lines per source', async () => {
    await withServer({ '/lijst': (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page('A', 'B')) }, async (server) => {
      const archive = scratch();
      const { io, out, err } = capture();

      await command({ adapters: () => [fakeAdapter('testbron', () => [`${server.origin}/lijst`])], createHttp: localHttp }).run(
        { positionals: [], values: { archive, online: true } },
        io,
      );

      expect(out.map((line) => line.replace(STAMP, '<tijd> '))).toEqual([
        '<tijd> [1/1] bron testbron: ophalen…',
        '<tijd> [1/1] bron testbron: nieuwe momentopname, 1 bestand (1 nieuw), 2 records, 0 afgekeurd',
      ]);
      expect(err).toEqual([]);
    });
  });

  it('online on a terminal: a progress line per source, redrawn in place', async () => {
    await withServer({ '/lijst': (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page('A')) }, async (server) => {
      const archive = scratch();
      const written: string[] = [];
      const { io, out } = capture();

      await command({
        adapters: () => [fakeAdapter('testbron', () => [`${server.origin}/lijst`])],
        createHttp: localHttp,
        isTty: () => true,
        write: (text) => written.push(text),
      }).run({ positionals: [], values: { archive, online: true } }, io);

      expect(written).toEqual(['\r\u001b[K[1/1] bron testbron: ophalen…', '\r\u001b[K']);
      expect(out).toEqual(['[1/1] bron testbron: nieuwe momentopname, 1 bestand (1 nieuw), 1 records, 0 afgekeurd']);
    });
  });

  it('online, a failing source is a loud warning, not a failed command', async () => {
    await withServer({}, async (server) => {
      const archive = scratch();
      const { io, out, err } = capture();

      await command({ adapters: () => [fakeAdapter('testbron', () => [`${server.origin}/weg`])], createHttp: localHttp }).run(
        { positionals: [], values: { archive, online: true } },
        io,
      );

      expect(out[1]?.replace(STAMP, '')).toBe('[1/1] bron testbron: mislukt; er is geen goede momentopname');
      expect(err).toEqual([
        `LET OP: bron testbron kon niet worden opgehaald (${server.origin}/weg kon niet worden opgehaald: de server antwoordde 404 (Not Found); ` +
          'dit wordt niet opnieuw geprobeerd); er is geen eerdere goede momentopname, dus deze bron ontbreekt',
        'LET OP: 1 van 1 bronnen kon niet worden opgehaald; zie hierboven',
      ]);
    });
  });

  it('online with --strict, a failing source fails the command', async () => {
    await withServer({}, async (server) => {
      const { io } = capture();
      const run = command({ adapters: () => [fakeAdapter('testbron', () => [`${server.origin}/weg`])], createHttp: localHttp }).run(
        { positionals: [], values: { archive: scratch(), online: true, strict: true } },
        io,
      );
      await expect(run).rejects.toBeInstanceOf(MonitorError);
      await expect(run).rejects.toThrow(/^bron testbron kon niet worden opgehaald \(/);
    });
  });

  it('an unknown --source is wrong usage (exit 2)', async () => {
    const { io } = capture();
    const run = command({ adapters: () => [fakeAdapter('testbron', () => [])] }).run({ positionals: [], values: { source: 'andere' } }, io);
    await expect(run).rejects.toMatchObject({ exitCode: 2, message: "onbekende bron 'andere' (bekend: testbron)" });
  });

  it('says so when no source is registered yet', async () => {
    const { io, out } = capture();
    await command({ adapters: () => [] }).run({ positionals: [], values: {} }, io);
    expect(out).toEqual(['Er zijn nog geen bronnen geregistreerd (sources/adapters/registry.ts).']);
  });
});
