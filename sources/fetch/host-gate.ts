/**
 * Politeness per host (an origin: scheme, host and port): at most `concurrency` requests at
 * once, and at least `minDelayMs` between the starts of two requests.
 */
import pLimit, { type LimitFunction } from 'p-limit';

interface Host {
  limit: LimitFunction;
  minDelayMs: number;
  nextStartMs: number;
}

export class HostGates {
  private readonly hosts = new Map<string, Host>();

  constructor(
    private readonly concurrency: number,
    private readonly minDelayMs: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Runs `task` within the host's concurrency limit. Do not nest calls for one host. */
  run<T>(origin: string, task: () => Promise<T>): Promise<T> {
    return this.host(origin).limit(task);
  }

  /** Waits until the host may receive the next request. */
  async pace(origin: string): Promise<void> {
    const host = this.host(origin);
    const now = this.now();
    const start = Math.max(now, host.nextStartMs);
    // Reserve the slot before waiting, so concurrent requests queue up behind each other.
    host.nextStartMs = start + host.minDelayMs;
    if (start > now) await this.sleep(start - now);
  }

  /** A host can ask for more room (robots.txt Crawl-delay), never for less. */
  slowDown(origin: string, minDelayMs: number): void {
    const host = this.host(origin);
    host.minDelayMs = Math.max(host.minDelayMs, minDelayMs);
  }

  private host(origin: string): Host {
    let host = this.hosts.get(origin);
    if (!host) {
      host = { limit: pLimit(this.concurrency), minDelayMs: this.minDelayMs, nextStartMs: 0 };
      this.hosts.set(origin, host);
    }
    return host;
  }
}
