/** The HttpClient against a local server on 127.0.0.1: retries, Retry-After, timeouts, robots.txt, limits. */
import { afterEach, describe, expect, it } from 'vitest';
import { MonitorError } from '../../../sources/errors.ts';
import { createHttpClient, type HttpClientOptions } from '../../../sources/fetch/http-client.ts';
import { parseFetchSettings, type FetchSettings } from '../../../sources/settings/fetch-settings.ts';
import { closedPort, send, startLocalServer, type LocalServer } from './local-server.ts';

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof startLocalServer>): Promise<LocalServer> {
  const server = await startLocalServer(...args);
  servers.push(server);
  return server;
}

function settings(overrides: Partial<FetchSettings> = {}): FetchSettings {
  return parseFetchSettings(
    { userAgentContact: 'monitor@example.org', timeoutMs: 2_000, retries: 3, maxBytes: 1_000, concurrencyPerHost: 2, minDelayMs: 0, ...overrides },
    'test.json',
  );
}

/** A client whose waits are recorded instead of waited, with a fixed jitter of 0.5. */
function client(overrides: Partial<FetchSettings> = {}, options: Partial<HttpClientOptions> = {}) {
  const sleeps: number[] = [];
  const http = createHttpClient({
    settings: settings(overrides),
    version: '9.9.9',
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { http, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<MonitorError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof MonitorError)) throw new Error(`expected a MonitorError, got ${String(error)}`);
  return error;
}

describe('createHttpClient', () => {
  it('fetches a page with an identifying User-Agent, reading robots.txt once per host', async () => {
    const server = await serve({ '/a.csv': send(200, 'gemeente;aantal\nUtrecht;3\n', { 'content-type': 'text/csv' }), '/b': send(200, 'b') });
    const { http, sleeps } = client();

    const response = await http.get(`${server.origin}/a.csv`, { accept: 'text/csv' });
    await http.get(`${server.origin}/b`);

    expect(response).toEqual({
      url: `${server.origin}/a.csv`,
      status: 200,
      contentType: 'text/csv',
      body: new TextEncoder().encode('gemeente;aantal\nUtrecht;3\n'),
    });
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt', '/a.csv', '/b']);
    expect(server.requests[1]).toMatchObject({ userAgent: 'lsp-monitor/9.9.9 (+monitor@example.org)', accept: 'text/csv' });
    expect(sleeps).toEqual([]);
  });

  it('retries a 500 and then succeeds, after a jittered backoff', async () => {
    const server = await serve({
      '/flaky': (_request, response, hit) => {
        if (hit === 1) response.writeHead(500).end('stuk');
        else response.writeHead(200, { 'content-type': 'text/html' }).end('<p>goed</p>');
      },
    });
    const { http, sleeps } = client({}, { backoffBaseMs: 1_000 });

    const response = await http.get(`${server.origin}/flaky`);

    expect(new TextDecoder().decode(response.body)).toBe('<p>goed</p>');
    expect(server.hits('/flaky')).toBe(2);
    // full jitter: random (0.5) × min(cap, 1000 × 2^0)
    expect(sleeps).toEqual([500]);
  });

  it('doubles the backoff per retry and gives up after the last one', async () => {
    const server = await serve({ '/down': send(503, 'onderhoud') });
    const { http, sleeps } = client({ retries: 3 }, { backoffBaseMs: 1_000 });

    const error = await failure(http.get(`${server.origin}/down`));

    expect(error.message).toBe(`${server.origin}/down kon niet worden opgehaald na 4 pogingen: de server antwoordde 503 (Service Unavailable)`);
    expect(server.hits('/down')).toBe(4);
    expect(sleeps).toEqual([500, 1_000, 2_000]);
  });

  it('honours Retry-After in seconds on a 429', async () => {
    const server = await serve({
      '/busy': (_request, response, hit) => {
        if (hit === 1) response.writeHead(429, { 'retry-after': '7' }).end();
        else response.writeHead(200).end('ok');
      },
    });
    const { http, sleeps } = client();

    await http.get(`${server.origin}/busy`);

    expect(server.hits('/busy')).toBe(2);
    expect(sleeps).toEqual([7_000]);
  });

  it('honours Retry-After as an HTTP date, and caps a long one', async () => {
    const now = Date.parse('2025-03-03T04:00:00Z');
    const server = await serve({
      '/date': (_request, response, hit) => {
        if (hit === 1) response.writeHead(503, { 'retry-after': 'Mon, 03 Mar 2025 04:00:30 GMT' }).end();
        else response.writeHead(200).end('ok');
      },
      '/long': (_request, response, hit) => {
        if (hit === 1) response.writeHead(429, { 'retry-after': '3600' }).end();
        else response.writeHead(200).end('ok');
      },
    });
    const { http, sleeps } = client({}, { now: () => now, maxRetryDelayMs: 60_000 });

    await http.get(`${server.origin}/date`);
    await http.get(`${server.origin}/long`);

    expect(sleeps).toEqual([30_000, 60_000]);
  });

  it('times out a request that gets no answer, retries, and names the URL', async () => {
    const server = await serve({ '/slow': () => {} });
    const lines: string[] = [];
    const { http } = client({ timeoutMs: 100, retries: 2 }, { log: (line) => lines.push(line) });

    const error = await failure(http.get(`${server.origin}/slow`));

    expect(error.message).toBe(`${server.origin}/slow kon niet worden opgehaald na 3 pogingen: geen antwoord binnen 100 ms`);
    expect(server.hits('/slow')).toBe(3);
    // Counted by URL: on a busy machine robots.txt may time out at 100 ms too, and be retried.
    expect(lines.filter((line) => line.startsWith(`${server.origin}/slow: `))).toEqual([
      `${server.origin}/slow: geen antwoord binnen 100 ms; poging 2 van 3 over 500 ms`,
      `${server.origin}/slow: geen antwoord binnen 100 ms; poging 3 van 3 over 1000 ms`,
    ]);
  });

  it('does not retry a 404 and says so', async () => {
    const server = await serve({});
    const { http, sleeps } = client();

    const error = await failure(http.get(`${server.origin}/weg.html`));

    expect(error.message).toBe(
      `${server.origin}/weg.html kon niet worden opgehaald: de server antwoordde 404 (Not Found); dit wordt niet opnieuw geprobeerd`,
    );
    expect(server.hits('/weg.html')).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('keeps to a robots.txt disallow without requesting the page', async () => {
    const server = await serve({
      '/robots.txt': send(200, 'User-agent: *\nDisallow: /intern/\n\nUser-agent: lsp-monitor\nDisallow: /prive\nAllow: /prive/open\n'),
      '/prive/lijst': send(200, 'geheim'),
      '/prive/open/lijst': send(200, 'open'),
      '/intern/x': send(200, 'voor anderen verboden'),
    });
    const { http } = client();

    const error = await failure(http.get(`${server.origin}/prive/lijst`));
    const allowed = await http.get(`${server.origin}/prive/open/lijst`);
    // Our own group applies, so the '*' group's rule does not.
    await http.get(`${server.origin}/intern/x`);

    expect(error.message).toBe(`${server.origin}/prive/lijst wordt niet opgehaald: robots.txt van ${server.origin} staat lsp-monitor dit pad niet toe`);
    expect(new TextDecoder().decode(allowed.body)).toBe('open');
    expect(server.hits('/prive/lijst')).toBe(0);
    expect(server.hits('/robots.txt')).toBe(1);
  });

  it('fetches nothing from a server whose robots.txt cannot be reached', async () => {
    const origin = `http://127.0.0.1:${await closedPort()}`;
    const { http } = client({ retries: 1 });

    const error = await failure(http.get(`${origin}/data`));

    expect(error.message).toBe(
      `robots.txt van ${origin} kon niet worden gelezen (${origin}/robots.txt kon niet worden opgehaald na 2 pogingen: netwerkfout (ECONNREFUSED)); ` +
        'zonder robots.txt wordt niets van die server opgehaald',
    );
  });

  it('aborts a body over the size limit while streaming, without retrying', async () => {
    const server = await serve({
      '/groot': (_request, response) => {
        // chunked, so no Content-Length tells in advance
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('x'.repeat(600));
        setTimeout(() => response.end('y'.repeat(600)), 20);
      },
      '/groot-bekend': send(200, 'z'.repeat(1_500)),
    });
    const { http } = client({ maxBytes: 1_000 });

    const streamed = await failure(http.get(`${server.origin}/groot`));
    const declared = await failure(http.get(`${server.origin}/groot-bekend`));

    expect(streamed.message).toBe(`${server.origin}/groot is groter dan de grens van 1000 bytes (instelling maxBytes); het ophalen is afgebroken`);
    expect(declared.message).toBe(`${server.origin}/groot-bekend is groter dan de grens van 1000 bytes (instelling maxBytes); het ophalen is afgebroken`);
    expect(server.hits('/groot')).toBe(1);
    expect(server.hits('/groot-bekend')).toBe(1);
  });

  it('follows a redirect and reports the final URL', async () => {
    const server = await serve({ '/oud': send(301, '', { location: '/nieuw' }), '/nieuw': send(200, 'hier') });
    const { http } = client();

    const response = await http.get(`${server.origin}/oud`);

    expect(response.url).toBe(`${server.origin}/nieuw`);
    expect(new TextDecoder().decode(response.body)).toBe('hier');
  });

  it('keeps the minimum delay between requests to one host, and Crawl-delay when it is longer', async () => {
    let clock = 0;
    const server = await serve({ '/1': send(200, '1'), '/2': send(200, '2'), '/robots.txt': send(200, 'User-agent: *\nCrawl-delay: 2\n') });
    const { http, sleeps } = client(
      { minDelayMs: 250 },
      {
        now: () => clock,
        sleep: async (ms) => {
          sleeps.push(ms);
          clock += ms;
        },
      },
    );

    await http.get(`${server.origin}/1`);
    await http.get(`${server.origin}/2`);

    // robots.txt at 0; /1 waits the 250 ms minimum (reserved before Crawl-delay was known); /2 the 2 s Crawl-delay
    expect(sleeps).toEqual([250, 2_000]);
  });

  it('has at most concurrencyPerHost requests open at one host', async () => {
    const server = await serve({
      '/traag': (_request, response) => {
        setTimeout(() => response.writeHead(200).end('ok'), 60);
      },
    });
    const { http } = client({ concurrencyPerHost: 2 });

    await Promise.all(Array.from({ length: 6 }, () => http.get(`${server.origin}/traag`)));

    expect(server.hits('/traag')).toBe(6);
    expect(server.maxInFlight()).toBe(2);
  });

  it('refuses an address that is not http(s)', async () => {
    const { http } = client();
    expect((await failure(http.get('file:///etc/passwd'))).message).toBe("'file:///etc/passwd' is geen http- of https-adres");
  });
});
