/**
 * lsp-monitor fetch: offline by default (reports which snapshot of each source would be used);
 * with --online it fetches every registered source, or the one named, into the archive.
 */
import type { HttpClient, SourceAdapter } from '../../../sources/adapter.ts';
import { SOURCE_ADAPTERS } from '../../../sources/adapters/registry.ts';
import { formatDutchDateTime, formatLocalTimestamp } from '../../../sources/archive/dutch-date.ts';
import { fetchSource, type FetchSourceResult } from '../../../sources/archive/fetch-source.ts';
import { listSnapshots, type SnapshotInfo } from '../../../sources/archive/read-snapshot.ts';
import { UsageError } from '../../../sources/errors.ts';
import { createHttpClient } from '../../../sources/fetch/http-client.ts';
import { loadFetchSettings } from '../../../sources/fetch/settings.ts';
import { COMMON_USAGE, stringOption, type Command, type Io, type OptionValues } from '../command.ts';

export const DEFAULT_ARCHIVE = 'archief';

export interface FetchPlan {
  /** Only this source; default: every registered one. */
  source?: string;
  archiveDir: string;
  strict: boolean;
  online: boolean;
}

export interface FetchDependencies {
  adapters: () => readonly SourceAdapter[];
  /** The HTTP client for an online fetch; `log` receives its retry notices. */
  createHttp: (log: (line: string) => void) => HttpClient;
  /** A source's own settings for its fetch; default: none. */
  sourceSettings: (source: string) => Readonly<Record<string, unknown>>;
  /** Whether output goes to a terminal: then a progress line per source, else plain log lines. */
  isTty: () => boolean;
  /** Raw terminal output, for the progress line that is redrawn in place. */
  write: (text: string) => void;
}

export type FetchSummary =
  | { online: false; sources: { source: string; inUse: SnapshotInfo | undefined }[] }
  | { online: true; results: FetchSourceResult[] };

const defaultDependencies: FetchDependencies = {
  adapters: () => SOURCE_ADAPTERS,
  createHttp: (log) => createHttpClient({ settings: loadFetchSettings(), log }),
  sourceSettings: () => ({}),
  isTty: () => process.stdout.isTTY === true,
  write: (text) => process.stdout.write(text),
};

export const FETCH_USAGE = `Gebruik: lsp-monitor fetch [--online] [--source <bron>] [--archive <map>] [--strict]

Zonder --online wordt niets opgehaald: per bron staat er welke goede momentopname uit het archief
wordt gebruikt. Met --online wordt elke geregistreerde bron (of alleen --source) opgehaald, als
nieuwe momentopname bewaard en gecontroleerd. Lukt dat niet, dan blijft de vorige goede
momentopname in gebruik en staat er een waarschuwing (LET OP).

Opties:
  --online             haal de bronnen echt op (standaard: niets ophalen)
  --source <bron>      alleen deze bron
  --archive <map>      archief met momentopnamen (standaard: ./${DEFAULT_ARCHIVE})
  --strict             stop met een fout als een bron niet kan worden opgehaald

${COMMON_USAGE}`;

export function createFetchCommand(overrides: Partial<FetchDependencies> = {}): Command {
  const dependencies = { ...defaultDependencies, ...overrides };
  return {
    name: 'fetch',
    summary: 'haal de bronnen op in het archief (met --online), of toon welke momentopnamen worden gebruikt',
    usage: FETCH_USAGE,
    options: {
      online: { type: 'boolean' },
      source: { type: 'string' },
      archive: { type: 'string' },
      strict: { type: 'boolean' },
    },
    positionals: { min: 0, max: 0 },
    async run({ values }, io) {
      await runFetch(fetchPlanFrom(values), io, dependencies);
    },
  };
}

export const fetchCommand: Command = createFetchCommand();

export function fetchPlanFrom(values: OptionValues): FetchPlan {
  const source = stringOption(values, 'source');
  return {
    ...(source === undefined ? {} : { source }),
    archiveDir: stringOption(values, 'archive') ?? DEFAULT_ARCHIVE,
    strict: values['strict'] === true,
    online: values['online'] === true,
  };
}

export async function runFetch(plan: FetchPlan, io: Io, dependencies: FetchDependencies = defaultDependencies): Promise<FetchSummary> {
  const adapters = selectAdapters(dependencies.adapters(), plan.source);
  if (adapters.length === 0) {
    io.out('Er zijn nog geen bronnen geregistreerd (sources/adapters/registry.ts).');
    return plan.online ? { online: true, results: [] } : { online: false, sources: [] };
  }
  return plan.online ? fetchOnline(adapters, plan, io, dependencies) : reportOffline(adapters, plan, io);
}

function selectAdapters(all: readonly SourceAdapter[], source: string | undefined): readonly SourceAdapter[] {
  if (source === undefined) return all;
  const adapter = all.find((candidate) => candidate.id === source);
  if (!adapter) {
    const known = all.length === 0 ? 'er zijn nog geen bronnen geregistreerd' : `bekend: ${all.map((one) => one.id).join(', ')}`;
    throw new UsageError(`onbekende bron '${source}' (${known})`);
  }
  return [adapter];
}

async function reportOffline(adapters: readonly SourceAdapter[], plan: FetchPlan, io: Io): Promise<FetchSummary> {
  io.out(`Zonder --online wordt niets opgehaald. Momentopnamen in ${plan.archiveDir} die worden gebruikt:`);
  const sources: { source: string; inUse: SnapshotInfo | undefined }[] = [];
  for (const adapter of adapters) {
    const snapshots = await listSnapshots(plan.archiveDir, adapter.id);
    const inUse = snapshots.filter((snapshot) => snapshot.status === 'good').at(-1);
    io.out(
      inUse === undefined
        ? `  ${adapter.id}: nog geen goede momentopname; haal die op met 'lsp-monitor fetch --online --source ${adapter.id}'`
        : `  ${adapter.id}: ${describeSnapshot(inUse)}`,
    );
    const newer = snapshots.filter((snapshot) => snapshot.status === 'rejected' && (inUse === undefined || snapshot.dir > inUse.dir)).at(-1);
    if (newer?.verdict?.good === false) {
      io.out(`    let op: de nieuwere momentopname van ${formatDutchDateTime(newer.fetchedAt)} is afgekeurd (${newer.verdict.reason})`);
    }
    sources.push({ source: adapter.id, inUse });
  }
  return { online: false, sources };
}

async function fetchOnline(
  adapters: readonly SourceAdapter[],
  plan: FetchPlan,
  io: Io,
  dependencies: FetchDependencies,
): Promise<FetchSummary> {
  const tty = dependencies.isTty();
  let progress = '';
  const clearProgress = () => {
    if (tty && progress !== '') dependencies.write('\r\u001b[K');
  };
  const showProgress = (text: string) => {
    progress = text;
    if (tty) dependencies.write(`\r\u001b[K${text}`);
    else io.out(`${formatLocalTimestamp(new Date())} ${text}`);
  };
  const line = (text: string) => {
    clearProgress();
    io.out(tty ? text : `${formatLocalTimestamp(new Date())} ${text}`);
    if (tty && progress !== '') dependencies.write(progress);
  };
  const warn = (text: string) => {
    clearProgress();
    io.err(text);
    if (tty && progress !== '') dependencies.write(progress);
  };

  const http = dependencies.createHttp(line);
  const results: FetchSourceResult[] = [];
  for (const [index, adapter] of adapters.entries()) {
    const counter = `[${index + 1}/${adapters.length}]`;
    showProgress(`${counter} bron ${adapter.id}: ophalen…`);
    const result = await fetchSource(adapter, {
      archiveDir: plan.archiveDir,
      http,
      settings: dependencies.sourceSettings(adapter.id),
      strict: plan.strict,
      // adapters name themselves in what they log
      log: (text) => line(`${counter} ${text}`),
      warn,
    });
    clearProgress();
    progress = '';
    line(`${counter} bron ${adapter.id}: ${describeResult(result)}`);
    results.push(result);
  }
  const failed = results.filter((result) => result.kind === 'failed').length;
  if (failed > 0) io.err(`LET OP: ${failed} van ${results.length} bronnen kon${failed === 1 ? '' : 'den'} niet worden opgehaald; zie hierboven`);
  return { online: true, results };
}

function describeResult(result: FetchSourceResult): string {
  switch (result.kind) {
    case 'fetched':
      return `nieuwe momentopname, ${files(result.inUse.files.length)} (${result.newBodies} nieuw), ${result.records} records, ${result.rejects} afgekeurd`;
    case 'unchanged':
      return `ongewijzigd (dezelfde inhoud als de vorige goede momentopname), ${result.records} records`;
    case 'failed':
      return result.inUse === undefined ? 'mislukt; er is geen goede momentopname' : `mislukt; in gebruik: ${describeSnapshot(result.inUse)}`;
  }
}

function describeSnapshot(snapshot: SnapshotInfo): string {
  const records = snapshot.verdict?.good === true ? `, ${snapshot.verdict.records} records` : '';
  return `momentopname van ${formatDutchDateTime(snapshot.fetchedAt)} (${files(snapshot.files.length)}${records})`;
}

function files(count: number): string {
  return `${count} ${count === 1 ? 'bestand' : 'bestanden'}`;
}
