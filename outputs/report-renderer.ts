/**
 * Runs the figures and the site of a report (report-parts.ts) in a worker thread, so that on a
 * machine with two cores they take the second one while the main thread builds the year and
 * writes the workbook. The worker starts at once and loads vega, d3-geo and the map while the main
 * thread is still busy with the database.
 *
 * Import this module only with `await import()`: the bundle (pipeline/cli/build.mjs) then gives it
 * a chunk of its own, which the worker loads, instead of a chunk shared with the main thread's
 * modules (exceljs, DuckDB). Run from the TypeScript sources (tests, tsx), where a worker could
 * not load them, the parts are rendered in the calling thread: same functions, same bytes.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { BinaryFile, ExportFile } from './csv/exports.ts';
import type { Figure, ReportInput, ReportText } from './report-input.ts';
import type { DivisionRow } from './site/site-map.ts';
import { encodedFiles } from './site/site-bytes.ts';
import { spareTime } from './spare-time.ts';

export interface RenderedParts {
  figures: Promise<Figure[]>;
  text: Promise<ReportText>;
  /**
   * The worker's pages come whole, as bytes (moved, not copied, between the threads; the calling
   * thread would otherwise copy and then encode them); those drawn in the calling thread are made as
   * they are written.
   */
  site: Promise<(ExportFile | BinaryFile)[]>;
}

export interface ReportRenderer {
  /** Starts rendering the year's figures, then its text, then its site; each promise settles as its part is done. */
  render(input: ReportInput): RenderedParts;
  /**
   * The division of municipalities the coming years are likely built on (site/reference-division.ts):
   * a worker projects the site's maps of it while it waits for the first year. No output depends on it.
   */
  expectDivision(rows: readonly DivisionRow[]): void;
  /** Stops the worker (waiting for nothing it still renders). */
  close(): Promise<void>;
}

const WORKER_ROLE = 'lsp-monitor report parts';

/**
 * A year with more steunpunten is drawn in the calling thread: the worker gets a copy of the year's
 * data, and at the scale of a whole province's sociale basis (the benchmark's 100k and 1M records)
 * that copy would add hundreds of MB, while the real lists hold a few hundred. There the site's
 * pages are made as they are written (site/site-files.ts, siteFileStreams), never held whole.
 */
export const WORKER_LOCATIONS_LIMIT = 20_000;

/**
 * The worker's young generation, smaller than V8's default: its garbage is short-lived strings and
 * geometry, and a young generation that stays in the caches and touches fewer new pages cost less CPU
 * (measured per thread on the bundled monitor: 1.34 s with the default, 1.22 s with 8 MB; 64 MB: 1.51 s).
 */
const WORKER_YOUNG_GENERATION_MB = 8;

interface WorkerData {
  role: typeof WORKER_ROLE;
  warmUp: boolean;
}

type ToWorker = { kind: 'render'; input: ReportInput } | { kind: 'division'; rows: readonly DivisionRow[] };

type FromWorker =
  | { kind: 'figures'; figures: Figure[] }
  | { kind: 'text'; text: ReportText }
  | { kind: 'site'; files: BinaryFile[] }
  | { kind: 'error'; message: string; stack: string | undefined };

/**
 * `warmUp`: the caller has other work before the first render (run builds the year), which the
 * worker fills by drawing throw-away figures (report-parts.ts, prepareParts); a caller that renders
 * at once (report) leaves it off, as the year would wait for them.
 */
export function startReportRenderer({ warmUp = false }: { warmUp?: boolean } = {}): ReportRenderer {
  // In the bundle this is the chunk holding this module (build.mjs rewrites import.meta.url, not
  // import.meta.filename); from the sources a .ts file, or nothing under vitest.
  const script = import.meta.filename as string | undefined;
  return script?.endsWith('.js') ? workerRenderer(script, warmUp) : inThreadRenderer();
}

function inThreadRenderer(): ReportRenderer {
  return {
    render(input) {
      const parts = import('./report-parts.ts');
      const figures = parts.then((module) => module.reportFigures(input));
      const text = figures.then(async (made) => (await parts).reportText(input, made));
      const site = text.then(async () => (await parts).siteFileStreams(input));
      text.catch(() => undefined); // awaited by the caller after the figures; not unhandled meanwhile
      site.catch(() => undefined); // the same
      return { figures, text, site };
    },
    // Here the maps would be projected in the thread that is about to build the year: made when drawn instead.
    expectDivision: () => undefined,
    close: async () => undefined,
  };
}

function workerRenderer(script: string, warmUp: boolean): ReportRenderer {
  const inThread = inThreadRenderer();
  const worker = new Worker(script, { workerData: { role: WORKER_ROLE, warmUp } satisfies WorkerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  worker.unref(); // an idle worker never keeps the process alive; it is held while it renders
  const send = (message: ToWorker) => worker.postMessage(message);
  let pending: { figures: Deferred<Figure[]>; text: Deferred<ReportText>; site: Deferred<(ExportFile | BinaryFile)[]> } | undefined;
  /** Set once the worker has failed or stopped: every later render fails with it rather than wait forever. */
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    pending?.figures.reject(error);
    pending?.text.reject(error);
    pending?.site.reject(error);
    pending = undefined;
    worker.unref();
  };
  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'error') {
      const error = new Error(`report worker: ${message.message}`);
      if (message.stack !== undefined) error.stack = `${error.message}\n(in the worker) ${message.stack}`;
      fail(error);
    } else if (message.kind === 'figures') {
      pending?.figures.resolve(message.figures);
    } else if (message.kind === 'text') {
      pending?.text.resolve(message.text);
    } else {
      pending?.site.resolve(message.files);
      pending = undefined;
      worker.unref();
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`report worker stopped (exit code ${code}) before it had rendered the report`)));
  return {
    render(input) {
      if (input.data.locations.length > WORKER_LOCATIONS_LIMIT) return inThread.render(input);
      if (pending) throw new Error('report worker: one report at a time');
      pending = { figures: deferred(), text: deferred(), site: deferred() };
      const parts = { figures: pending.figures.promise, text: pending.text.promise, site: pending.site.promise };
      parts.text.catch(() => undefined); // awaited by the caller after the figures; not unhandled meanwhile
      parts.site.catch(() => undefined); // the same
      if (failure) fail(failure);
      else {
        worker.ref();
        send({ kind: 'render', input });
      }
      return parts;
    },
    expectDivision(rows) {
      if (failure === undefined) send({ kind: 'division', rows });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/**
 * The worker's side: loads the parts at once, then, until the first year comes, prepares the map
 * (and warms up) and projects the maps of the division it is told of, first; then renders each year
 * it is sent.
 */
async function serve(port: NonNullable<typeof parentPort>, warmUp: boolean): Promise<void> {
  const parts = await import('./report-parts.ts');
  const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const spare = spareTime();
  spare.add(parts.prepareParts({ warmUp }));
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'division') {
      spare.add(parts.prepareDivision(message.rows), { first: true });
      return;
    }
    const { input } = message;
    void (async () => {
      try {
        await spare.stop(); // a failure is posted as the render's error
        const figures = await parts.reportFigures(input);
        post({ kind: 'figures', figures });
        post({ kind: 'text', text: parts.reportText(input, figures) });
        const files = encodedFiles(parts.siteFileStreams(input));
        post({ kind: 'site', files }, [...new Set(files.map((file) => file.content.buffer as ArrayBuffer))]);
      } catch (error) {
        post({ kind: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
      }
    })();
  });
}

function isWorkerData(data: unknown): data is WorkerData {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === WORKER_ROLE;
}

if (!isMainThread && isWorkerData(workerData) && parentPort) void serve(parentPort, workerData.warmUp);
