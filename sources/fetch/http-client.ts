/**
 * The HttpClient every adapter gets: the one place lsp-monitor touches the network. It keeps to
 * robots.txt, paces and limits requests per host, retries what may succeed later (network
 * errors, timeouts, 429, 5xx) and nothing else, and refuses bodies over the size limit.
 */
import { STATUS_CODES } from 'node:http';
import fetch, { type Response } from 'node-fetch';
import type { HttpClient, HttpResponse } from '../adapter.ts';
import { MonitorError } from '../errors.ts';
import { HostGates } from './host-gate.ts';
import { readBodyWithLimit } from './read-body.ts';
import { backoffDelayMs, retryAfterMs } from './retry-delay.ts';
import { ALLOW_ALL, isAllowed, parseRobots, type RobotsRules } from './robots.ts';
import type { FetchSettings } from '../settings/fetch-settings.ts';
import { ROBOTS_AGENT, userAgent } from './user-agent.ts';

export interface HttpClientOptions {
  settings: FetchSettings;
  /** Version in the User-Agent; default: lsp-monitor's package version. */
  version?: string;
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1), for the backoff jitter. */
  random?: () => number;
  now?: () => number;
  /** First backoff step (doubled per retry). */
  backoffBaseMs?: number;
  /** The longest wait before a retry, for backoff as well as for Retry-After and Crawl-delay. */
  maxRetryDelayMs?: number;
  /** Told about every retry. */
  log?: (line: string) => void;
}

export const DEFAULT_BACKOFF_BASE_MS = 1_000;
export const DEFAULT_MAX_RETRY_DELAY_MS = 60_000;
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** What one URL came to after retries; a failure that is the caller's to judge is a client error. */
type Outcome =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'redirect'; location: URL }
  | { kind: 'client-error'; status: number };

type Attempt = Outcome | { kind: 'retry'; reason: string; retryAfterMs?: number };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { settings } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const backoffBaseMs = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
  const log = options.log ?? (() => {});
  const agent = userAgent(settings.userAgentContact, options.version);
  const gates = new HostGates(settings.concurrencyPerHost, settings.minDelayMs, now, sleep);
  const robotsByOrigin = new Map<string, Promise<RobotsRules>>();

  async function attempt(url: URL, accept: string): Promise<Attempt> {
    await gates.pace(url.origin);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
    const timedOut = `geen antwoord binnen ${settings.timeoutMs} ms`;
    try {
      let response: Response;
      try {
        response = await fetch(url.href, {
          headers: { 'user-agent': agent, accept },
          redirect: 'manual',
          signal: controller.signal,
        });
      } catch (error) {
        return { kind: 'retry', reason: controller.signal.aborted ? timedOut : networkReason(error) };
      }
      // An error on a body we no longer read must not become an uncaught exception.
      response.body?.on('error', () => {});
      const { status } = response;
      if (status >= 200 && status < 300) {
        const declared = Number(response.headers.get('content-length') ?? Number.NaN);
        if (declared > settings.maxBytes) {
          controller.abort();
          throw tooLarge(url, settings.maxBytes);
        }
        let read: Awaited<ReturnType<typeof readBodyWithLimit>>;
        try {
          read = await readBodyWithLimit(response.body, settings.maxBytes);
        } catch (error) {
          return { kind: 'retry', reason: controller.signal.aborted ? timedOut : networkReason(error) };
        }
        if (read.kind === 'too-large') {
          controller.abort();
          throw tooLarge(url, settings.maxBytes);
        }
        const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
        return { kind: 'response', response: { url: url.href, status, contentType, body: read.bytes } };
      }
      controller.abort();
      const location = response.headers.get('location');
      if (REDIRECT_STATUSES.has(status) && location !== null) {
        return { kind: 'redirect', location: httpUrl(new URL(location, url).href) };
      }
      if (status === 429 || (status >= 500 && status < 600)) {
        const wait = retryAfterMs(response.headers.get('retry-after'), now());
        return { kind: 'retry', reason: `de server antwoordde ${describeStatus(status)}`, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
      }
      if (status >= 400 && status < 500) return { kind: 'client-error', status };
      throw new MonitorError(`${url.href} kon niet worden opgehaald: onverwacht antwoord ${describeStatus(status)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  async function withRetries(url: URL, accept: string): Promise<Outcome> {
    const attempts = settings.retries + 1;
    for (let number = 1; ; number += 1) {
      const result = await attempt(url, accept);
      if (result.kind !== 'retry') return result;
      if (number >= attempts) {
        throw new MonitorError(`${url.href} kon niet worden opgehaald na ${attempts} ${attempts === 1 ? 'poging' : 'pogingen'}: ${result.reason}`);
      }
      const wait = Math.min(maxRetryDelayMs, result.retryAfterMs ?? backoffDelayMs(number - 1, random, backoffBaseMs, maxRetryDelayMs));
      log(`${url.href}: ${result.reason}; poging ${number + 1} van ${attempts} over ${wait} ms`);
      await sleep(wait);
    }
  }

  /** robots.txt of an origin, read once. RFC 9309 §2.3.1: 4xx = no rules, unreachable = no access. */
  async function loadRobots(origin: string): Promise<RobotsRules> {
    let url = new URL('/robots.txt', origin);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      let outcome: Outcome;
      try {
        outcome = await gates.run(url.origin, () => withRetries(url, 'text/plain'));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MonitorError(`robots.txt van ${origin} kon niet worden gelezen (${reason}); zonder robots.txt wordt niets van die server opgehaald`, {
          cause: error,
        });
      }
      if (outcome.kind === 'client-error') return ALLOW_ALL;
      if (outcome.kind === 'redirect') {
        url = outcome.location;
        continue;
      }
      const robots = parseRobots(new TextDecoder().decode(outcome.response.body), ROBOTS_AGENT);
      if (robots.crawlDelayMs !== undefined) gates.slowDown(origin, Math.min(robots.crawlDelayMs, maxRetryDelayMs));
      return robots;
    }
    return ALLOW_ALL;
  }

  function robotsFor(origin: string): Promise<RobotsRules> {
    let robots = robotsByOrigin.get(origin);
    if (!robots) {
      robots = loadRobots(origin);
      robotsByOrigin.set(origin, robots);
    }
    return robots;
  }

  async function getOne(url: URL, accept: string): Promise<Outcome> {
    const robots = await robotsFor(url.origin);
    if (!isAllowed(robots, `${url.pathname}${url.search}`)) {
      throw new MonitorError(`${url.href} wordt niet opgehaald: robots.txt van ${url.origin} staat lsp-monitor dit pad niet toe`);
    }
    return gates.run(url.origin, () => withRetries(url, accept));
  }

  return {
    async get(address, getOptions = {}) {
      const accept = getOptions.accept ?? '*/*';
      let url = httpUrl(address);
      for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
        const outcome = await getOne(url, accept);
        if (outcome.kind === 'response') return outcome.response;
        if (outcome.kind === 'client-error') {
          throw new MonitorError(
            `${url.href} kon niet worden opgehaald: de server antwoordde ${describeStatus(outcome.status)}; dit wordt niet opnieuw geprobeerd`,
          );
        }
        url = outcome.location;
      }
      throw new MonitorError(`${address} kon niet worden opgehaald: meer dan ${MAX_REDIRECTS} doorverwijzingen`);
    },
  };
}

function httpUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new MonitorError(`'${address}' is geen geldig webadres`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new MonitorError(`'${address}' is geen http- of https-adres`);
  return url;
}

function describeStatus(status: number): string {
  const text = STATUS_CODES[status];
  return text === undefined ? String(status) : `${status} (${text})`;
}

function tooLarge(url: URL, maxBytes: number): MonitorError {
  return new MonitorError(`${url.href} is groter dan de grens van ${maxBytes} bytes (instelling maxBytes); het ophalen is afgebroken`);
}

function networkReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (typeof code === 'string') return `netwerkfout (${code})`;
  return `netwerkfout (${error instanceof Error ? error.message : String(error)})`;
}
