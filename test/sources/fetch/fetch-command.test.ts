/** lsp-monitor fetch: offline by default (no network at all), online with progress per source. */
import { describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFetchCommand, fetchCommand, runFetch, type FetchDependencies } from '../../../pipeline/cli/commands/fetch.ts';
import type { Io } from '../../../pipeline/cli/command.ts';
import { z } from 'zod';
import type { HttpClient } from '../../../sources/adapter.ts';
import { mindAtlas } from '../../../sources/adapters/mind-atlas.ts';
import { nvzh } from '../../../sources/adapters/nvzh.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { createHttpClient } from '../../../sources/fetch/http-client.ts';
import { parseFetchSettings } from '../../../sources/settings/fetch-settings.ts';
import { fakeAdapter, fakeFileAdapter, page, scratch, storedSnapshot } from '../archive/helpers.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

// The registry is written by the adapters' engineer; these tests inject their own adapters.
vi.mock('../../../sources/adapters/registry.ts', () => ({ SOURCE_ADAPTERS: [] }));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
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

/** The fetch command on injected adapters, with no settings and an empty bundle unless the test says otherwise. */
function command(overrides: Partial<FetchDependencies>) {
  const bundled = scratch('lsp-bundled-');
  return createFetchCommand({
    createHttp: noNetwork,
    sourceSettings: () => ({}),
    bundledDir: () => bundled,
    isTty: () => false,
    write: () => {},
    ...overrides,
  });
}

/** A web source with a required setting `url` (as Vektis has). */
const needsUrl = (id: string, url: string) => fakeAdapter(id, () => [url], { settingsSchema: z.object({ url: z.url() }).strict() });

describe('lsp-monitor fetch', () => {
  it('is a command with Dutch usage', () => {
    expect(fetchCommand.name).toBe('fetch');
    expect(fetchCommand.usage).toMatch(/^Gebruik: lsp-monitor fetch /);
  });

  it('offline (the default) makes no network call and reports per source the snapshot that would be replayed', async () => {
    const archive = scratch();
    const bundled = scratch('lsp-bundled-');
    await storedSnapshot(archive, 'testbron', '2025-03-03T03:00:00Z', page('A', 'B'), { good: true, records: 2 });
    await storedSnapshot(archive, 'testbron', '2025-03-10T03:00:00Z', '<p>anders</p>', { good: false, reason: 'opbouw veranderd' });
    await storedSnapshot(bundled, 'testbron', '2024-10-01T00:00:00Z', page('oud'), { good: true, records: 1 });
    await storedSnapshot(bundled, 'gebundeld', '2024-10-01T00:00:00Z', page('A', 'B', 'C'), { good: true, records: 3 });
    const adapters = [
      fakeAdapter('testbron', () => ['https://example.org/']),
      fakeAdapter('gebundeld', () => ['https://example.org/']),
      fakeAdapter('nieuw', () => ['https://example.org/']),
      needsUrl('vektisachtig', 'https://example.org/'),
      fakeFileAdapter('bestand'),
    ];
    const { io, out, err } = capture();

    await command({ adapters: () => adapters, bundledDir: () => bundled }).run({ positionals: [], values: { archive } }, io);

    expect(out).toEqual([
      `Zonder --online wordt niets opgehaald. Per bron de momentopname die wordt gebruikt: de laatste goede uit ${archive}, anders de meegeleverde:`,
      '  testbron: uit het archief, momentopname van 3 maart 2025 04:00 (1 bestand, 2 records)',
      '    let op: de nieuwere momentopname van 10 maart 2025 04:00 is afgekeurd (opbouw veranderd)',
      '  gebundeld: meegeleverd, momentopname van 1 oktober 2024 02:00 (1 bestand, 3 records)',
      `  nieuw: geen goede momentopname in ${archive} en geen meegeleverde; haal die op met 'lsp-monitor fetch --online --source nieuw'`,
      `  vektisachtig: geen goede momentopname in ${archive} en geen meegeleverde`,
      "    niet ingesteld: url (in sources/adapters/sources.settings.json); 'lsp-monitor fetch --online' slaat deze bron over",
      '  bestand: komt binnen als bestand (lsp-monitor import <bestand> --source bestand)',
    ]);
    expect(err).toEqual([]);
  });

  it('offline, a good snapshot of an older adapter version is read again: used when it still parses, else passed over with a warning', async () => {
    const archive = scratch();
    const bundled = scratch('lsp-bundled-');
    await storedSnapshot(archive, 'leesbaar', '2025-03-03T03:00:00Z', page('A', 'B'), { good: true, records: 2, adapterVersion: 1 });
    await storedSnapshot(archive, 'onleesbaar', '2025-03-03T03:00:00Z', '<p>oude opbouw</p>', { good: true, records: 5, adapterVersion: 1 });
    await storedSnapshot(bundled, 'onleesbaar', '2024-10-01T00:00:00Z', page('X'), { good: true, records: 1, adapterVersion: 2 });
    const adapters = [fakeAdapter('leesbaar', () => [], { version: 2 }), fakeAdapter('onleesbaar', () => [], { version: 2 })];
    const { io, out, err } = capture();

    await command({ adapters: () => adapters, bundledDir: () => bundled }).run({ positionals: [], values: { archive } }, io);

    expect(out.slice(1)).toEqual([
      '  leesbaar: uit het archief, momentopname van 3 maart 2025 04:00 (1 bestand, 2 records; goedgekeurd door adapterversie 1, opnieuw gelezen met versie 2)',
      '  onleesbaar: meegeleverd, momentopname van 1 oktober 2024 02:00 (1 bestand, 1 records)',
    ]);
    expect(err).toEqual([
      'LET OP: bron onleesbaar: de momentopname van 3 maart 2025 04:00 is goedgekeurd door adapterversie 1, maar de huidige versie 2 kan hem niet lezen ' +
        `(bron onleesbaar: ${sha256('<p>oude opbouw</p>')}.html heeft geen lijst 'steunpunten' meer; de opbouw van de pagina is veranderd); hij wordt overgeslagen`,
    ]);
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

  it('online, a file source is reported as coming in as a file and a source without a required setting is skipped; neither fails, also with --strict', async () => {
    await withServer({ '/lijst': (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page('A')) }, async (server) => {
      const archive = scratch();
      const { io, out, err } = capture();
      const adapters = [fakeFileAdapter('bestand'), needsUrl('vektisachtig', `${server.origin}/lijst`), fakeAdapter('testbron', () => [`${server.origin}/lijst`])];

      const summary = await runFetch({ archiveDir: archive, strict: true, online: true }, io, {
        adapters: () => adapters,
        createHttp: localHttp,
        sourceSettings: () => ({}),
        bundledDir: () => scratch('lsp-bundled-'),
        isTty: () => false,
      });

      expect(out.map((line) => line.replace(STAMP, ''))).toEqual([
        '[1/3] bron bestand: komt binnen als bestand (lsp-monitor import <bestand> --source bestand)',
        '[2/3] bron vektisachtig: ophalen…',
        '[2/3] bron vektisachtig: niet ingesteld: url (in sources/adapters/sources.settings.json); overgeslagen',
        '[3/3] bron testbron: ophalen…',
        '[3/3] bron testbron: nieuwe momentopname, 1 bestand (1 nieuw), 1 records, 0 afgekeurd',
      ]);
      expect(err).toEqual([]);
      expect(summary).toMatchObject({ online: true, fileSources: ['bestand'] });
      expect(summary.online && summary.results.map((result) => result.kind)).toEqual(['not-configured', 'fetched']);
    });
  });

  it('online, only file sources: no HTTP client is made (no contact address needed)', async () => {
    const { io, out } = capture();
    await command({ adapters: () => [fakeFileAdapter('bestand')] }).run({ positionals: [], values: { archive: scratch(), online: true } }, io);
    expect(out.map((line) => line.replace(STAMP, ''))).toEqual(['[1/1] bron bestand: komt binnen als bestand (lsp-monitor import <bestand> --source bestand)']);
  });

  it('online, the configured settings reach the fetch and are recorded in the snapshot', async () => {
    await withServer({ '/lijst': (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page('A')) }, async (server) => {
      const archive = scratch();
      const { io } = capture();
      const summary = await runFetch({ archiveDir: archive, strict: true, online: true }, io, {
        adapters: () => [needsUrl('vektisachtig', `${server.origin}/lijst`)],
        createHttp: localHttp,
        sourceSettings: (source) => (source === 'vektisachtig' ? { url: `${server.origin}/lijst` } : {}),
        isTty: () => false,
      });
      const [result] = summary.online ? summary.results : [];
      expect(result?.kind).toBe('fetched');
      const manifest: unknown = JSON.parse(readFileSync(join(result?.kind === 'fetched' ? result.inUse.dir : '', 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({ settings: { url: `${server.origin}/lijst` } });
    });
  });

  it('a wrong setting stops the run before anything is fetched', async () => {
    const { io } = capture();
    const run = command({ adapters: () => [needsUrl('vektisachtig', 'https://example.org/')], sourceSettings: () => ({ url: 'geen adres' }) }).run(
      { positionals: [], values: { archive: scratch(), online: true } },
      io,
    );
    await expect(run).rejects.toThrow(
      "bestand sources/adapters/sources.settings.json, veld 'vektisachtig.url': bron vektisachtig: instelling 'url': ",
    );
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

  describe('--check: one page per source against its site description, nothing stored', () => {
    /** A MIND-atlas page that has entries, ids, names and categories, a place on one entry, and no organisation or next link. */
    const atlasPage = `<!doctype html><html><body><ul>
      <li class="atlas-result" data-atlas-id="101"><h3 class="atlas-result__name">Herstelcafé Zwolle</h3><span class="atlas-result__place">Zwolle</span>
        <ul class="atlas-result__categories"><li>Zelfregie- en herstelcentra</li></ul></li>
      <li class="atlas-result" data-atlas-id="102"><h3 class="atlas-result__name">Inloop De Brug</h3>
        <ul class="atlas-result__categories"><li>Zelfregie- en herstelcentra</li></ul></li>
    </ul><span class="organisatie">Stichting Voorbeeld</span></body></html>`;
    const html = (body: string) => (_request: unknown, response: import('node:http').ServerResponse) => response.writeHead(200, { 'content-type': 'text/html' }).end(body);

    it('reports per expected element found N or missing, with a contact address, robots.txt first, and stores nothing', async () => {
      await withServer({ '/atlas?categorie=herstel': html(atlasPage) }, async (server) => {
        const archive = scratch();
        const { io, out } = capture();
        await command({
          adapters: () => [mindAtlas],
          createHttp: localHttp,
          sourceSettings: () => ({ startUrl: `${server.origin}/atlas?categorie=herstel` }),
        }).run({ positionals: [], values: { check: true, source: 'mind-atlas', archive } }, io);

        expect(out).toEqual([
          'Controle van bron mind-atlas (één pagina per adres; niets wordt bewaard):',
          `  ${server.origin}/atlas?categorie=herstel (HTTP 200):`,
          "    lijstitem 'li.atlas-result': gevonden (2)",
          '    id het item zelf, attribuut data-atlas-id: gevonden in 2 van 2 items',
          "    naam '.atlas-result__name': gevonden in 2 van 2 items",
          "    organisatie '.atlas-result__organisation' (optioneel): ontbreekt",
          "    straat '.atlas-result__street' (optioneel): ontbreekt",
          "    postcode '.atlas-result__postcode' (optioneel): ontbreekt",
          "    plaats '.atlas-result__place' (optioneel): gevonden in 1 van 2 items",
          "    gemeente '.atlas-result__municipality' (optioneel): ontbreekt",
          "    website 'a.atlas-result__website', attribuut href (optioneel): ontbreekt",
          "    e-mail 'a.atlas-result__email', attribuut href (optioneel): ontbreekt",
          "    telefoon 'a.atlas-result__phone', attribuut href (optioneel): ontbreekt",
          "    categorieën '.atlas-result__categories li' (alle): gevonden in 2 van 2 items",
          `    volgende pagina 'nav.atlas-pagination a[rel="next"]' (optioneel): ontbreekt`,
          '  5 van 13 verwachte onderdelen gevonden; pas de sitebeschrijving aan in sources/adapters/mind-atlas.site.ts (gegevens, geen code)',
        ]);
        expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt', '/atlas?categorie=herstel']);
        expect(server.requests[1]?.userAgent).toContain('monitor@example.org');
        expect(readdirSync(archive)).toEqual([]);
      });
    });

    it('a required element missing or a page that cannot be read fails the check (exit 1), after reporting every page', async () => {
      const stores = JSON.stringify([{ id: '7', store: 'Herstelpunt', address: 'Markt 1', city: 'Ede' }]);
      await withServer({ '/stores': (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(stores) }, async (server) => {
        const { io, out } = capture();
        const run = command({
          adapters: () => [nvzh],
          createHttp: localHttp,
          sourceSettings: () => ({ storeSearchUrl: `${server.origin}/stores`, memberListUrl: `${server.origin}/leden/` }),
        }).run({ positionals: [], values: { check: true, source: 'nvzh' } }, io);
        await expect(run).rejects.toMatchObject({ exitCode: 1, message: 'controle: bij nvzh ontbreken verplichte onderdelen of kon de pagina niet worden gelezen; zie hierboven' });
        expect(out).toContain(`  ${server.origin}/stores (HTTP 200):`);
        expect(out).toContain('    objecten in de lijst: gevonden (1)');
        expect(out).toContain("    naam sleutel 'store': gevonden in 1 van 1 items");
        expect(out).toContain("    postcode sleutel 'zip': ontbreekt");
        expect(out).toContain("    gemeente sleutel 'state' (optioneel): ontbreekt");
        expect(out.slice(-3)).toEqual([
          `  ${server.origin}/leden/:`,
          `    niet te controleren: ${server.origin}/leden/ kon niet worden opgehaald: de server antwoordde 404 (Not Found); dit wordt niet opnieuw geprobeerd`,
          '  5 van 23 verwachte onderdelen gevonden; pas de sitebeschrijving aan in sources/adapters/nvzh.site.ts (gegevens, geen code)',
        ]);
      });
    });

    it('needs a contact address like --online, and fetches nothing without one', async () => {
      vi.stubEnv('LSP_MONITOR_CONTACT', '');
      try {
        const { io } = capture();
        const run = createFetchCommand({ sourceSettings: () => ({}), isTty: () => false }).run({ positionals: [], values: { check: true, source: 'mind-atlas' } }, io);
        await expect(run).rejects.toThrow(/^bestand fetch\.settings\.json, veld 'userAgentContact': geen contactadres voor de User-Agent ingesteld: zet userAgentContact in .*fetch\.settings\.json of de omgevingsvariabele LSP_MONITOR_CONTACT$/);
      } finally {
        vi.unstubAllEnvs();
      }
    });

    it('is wrong usage with --online or for a source without a check (exit 2)', async () => {
      const { io } = capture();
      await expect(command({}).run({ positionals: [], values: { check: true, online: true } }, io)).rejects.toMatchObject({
        exitCode: 2,
        message: '--check en --online gaan niet samen: --check haalt één pagina op en bewaart niets',
      });
      await expect(command({}).run({ positionals: [], values: { check: true, source: 'cbs-statline' } }, io)).rejects.toMatchObject({
        exitCode: 2,
        message: "voor bron 'cbs-statline' is er geen controle (--check kan voor: mind-atlas, nvzh)",
      });
    });
  });
});
