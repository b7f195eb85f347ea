/**
 * What `lsp-monitor fetch` does, also run by `lsp-monitor schedule`: offline by default (reports per web source the snapshot that would be
 * replayed: the one in use in the archive, else the bundled one); with --online it fetches every
 * registered web source, or the one named, into the archive. File sources are never fetched: they
 * come in through `lsp-monitor import`. A web source whose required setting is not set is skipped.
 */
import type { HttpClient, SourceAdapter, WebSourceAdapter } from '../../sources/adapter.ts';
import { importHint } from '../../sources/adapters/file-import.ts';
import { MIND_ATLAS_CHECK } from '../../sources/adapters/mind-atlas.site.ts';
import { NVZH_CHECK } from '../../sources/adapters/nvzh.site.ts';
import { SOURCE_ADAPTERS } from '../../sources/adapters/registry.ts';
import { runSiteCheck, type SiteCheck } from '../../sources/adapters/site-check.ts';
import { formatDutchDateTime, formatLocalTimestamp } from '../../sources/archive/dutch-date.ts';
import { fetchSource, type FetchSourceResult } from '../../sources/archive/fetch-source.ts';
import { listSnapshots, type SnapshotInfo } from '../../sources/archive/read-snapshot.ts';
import { checkSettings } from '../../sources/archive/settings-check.ts';
import { MonitorError, UsageError } from '../../sources/errors.ts';
import { createHttpClient } from '../../sources/fetch/http-client.ts';
import { readSettings } from '../../sources/settings/settings.ts';
import type { SourceSettings } from '../../sources/settings/source-settings.ts';
import { BUNDLED_SNAPSHOTS_ROOT } from '../../sources/snapshots/bundled.ts';
import { type ReplaySnapshot, snapshotToReplay } from '../../sources/snapshots/replay.ts';
import { stringOption, type Io, type OptionValues } from './command.ts';
import { DEFAULT_ARCHIVE } from './defaults.ts';
import { SETTINGS_FILE } from './help/fetch.ts';

export interface FetchPlan {
  /** Only this source; default: every registered one. */
  source?: string;
  archiveDir: string;
  strict: boolean;
  online: boolean;
  /** Fetch one page per source and report which expected elements of its site description are there; store nothing. */
  check?: boolean;
}

export interface FetchDependencies {
  adapters: () => readonly SourceAdapter[];
  /** The HTTP client for an online fetch; `log` receives its retry notices. */
  createHttp: (log: (line: string) => void) => HttpClient;
  /** A web source's settings as configured; default: sources/adapters/sources.settings.json. */
  sourceSettings: SourceSettings;
  /** The bundled snapshots, replayed when the archive has no good one; default: sources/snapshots/. */
  bundledDir: () => string;
  /** Whether output goes to a terminal: then a progress line per source, else plain log lines. */
  isTty: () => boolean;
  /** Raw terminal output, for the progress line that is redrawn in place. */
  write: (text: string) => void;
  /** The sources whose site description `--check` can test against the live page. */
  siteChecks: () => readonly SiteCheck[];
}

export type OfflineSource =
  /** `missing`: required settings that are not set, so --online skips the source. */
  | { source: string; origin: 'web'; replay: ReplaySnapshot | undefined; missing: string[] }
  | { source: string; origin: 'file' };

export type FetchSummary =
  | { online: false; sources: OfflineSource[] }
  | { online: true; results: FetchSourceResult[]; fileSources: string[] };

const defaultDependencies: FetchDependencies = {
  adapters: () => SOURCE_ADAPTERS,
  createHttp: (log) => createHttpClient({ settings: readSettings('fetch', {}), log }),
  // read at every run, so a running 'lsp-monitor schedule' picks up a changed file
  sourceSettings: (source) => readSettings('sources', { adapters: SOURCE_ADAPTERS })(source),
  bundledDir: () => BUNDLED_SNAPSHOTS_ROOT,
  isTty: () => process.stdout.isTTY === true,
  write: (text) => process.stdout.write(text),
  siteChecks: () => [MIND_ATLAS_CHECK, NVZH_CHECK],
};



export function fetchPlanFrom(values: OptionValues): FetchPlan {
  const source = stringOption(values, 'source');
  return {
    ...(source === undefined ? {} : { source }),
    archiveDir: stringOption(values, 'archive') ?? DEFAULT_ARCHIVE,
    strict: values['strict'] === true,
    online: values['online'] === true,
    check: values['check'] === true,
  };
}

/**
 * `fetch --check`: per source with a site check, one page per address, and per expected element
 * whether it is there. A required element missing (or a page that cannot be read) is a failure.
 */
export async function runSiteChecks(plan: FetchPlan, io: Io, overrides: Partial<FetchDependencies> = {}): Promise<void> {
  const dependencies = { ...defaultDependencies, ...overrides };
  if (plan.online) throw new UsageError('--check en --online gaan niet samen: --check haalt één pagina op en bewaart niets');
  const checks = dependencies.siteChecks();
  const known = checks.map((check) => check.source).join(', ');
  const selected = plan.source === undefined ? checks : checks.filter((check) => check.source === plan.source);
  if (selected.length === 0) throw new UsageError(`voor bron '${plan.source ?? ''}' is er geen controle (--check kan voor: ${known})`);
  const adapters = dependencies.adapters();
  const settings = new Map<string, Readonly<Record<string, unknown>>>();
  for (const check of selected) {
    const configured = dependencies.sourceSettings(check.source);
    const adapter = adapters.find((candidate) => candidate.id === check.source);
    if (adapter?.origin === 'web') checkSettings(adapter, configured, SETTINGS_FILE);
    settings.set(check.source, configured);
  }
  const http = dependencies.createHttp((line) => io.out(line));
  const failed: string[] = [];
  for (const check of selected) {
    io.out(`Controle van bron ${check.source} (één pagina per adres; niets wordt bewaard):`);
    try {
      const outcome = await runSiteCheck(check, http, settings.get(check.source) ?? {});
      for (const line of outcome.lines) io.out(line);
      if (outcome.missingRequired > 0) failed.push(check.source);
    } catch (error) {
      if (!(error instanceof MonitorError)) throw error;
      io.out(`  mislukt: ${error.message}`);
      failed.push(check.source);
    }
  }
  if (failed.length > 0) {
    throw new MonitorError(`controle: bij ${failed.join(', ')} ontbreken verplichte onderdelen of kon de pagina niet worden gelezen; zie hierboven`);
  }
}

export async function runFetch(plan: FetchPlan, io: Io, overrides: Partial<FetchDependencies> = {}): Promise<FetchSummary> {
  const dependencies = { ...defaultDependencies, ...overrides };
  const adapters = selectAdapters(dependencies.adapters(), plan.source);
  if (adapters.length === 0) {
    io.out('Er zijn nog geen bronnen geregistreerd (sources/adapters/registry.ts).');
    return plan.online ? { online: true, results: [], fileSources: [] } : { online: false, sources: [] };
  }
  // Read and check every web source's settings first: a wrong setting stops the run before anything is fetched.
  const settings = new Map<string, Readonly<Record<string, unknown>>>();
  for (const adapter of adapters) {
    if (adapter.origin !== 'web') continue;
    const configured = dependencies.sourceSettings(adapter.id);
    checkSettings(adapter, configured, SETTINGS_FILE);
    settings.set(adapter.id, configured);
  }
  const settingsOf = (adapter: WebSourceAdapter) => settings.get(adapter.id) ?? {};
  return plan.online ? fetchOnline(adapters, plan, io, dependencies, settingsOf) : reportOffline(adapters, plan, io, dependencies, settingsOf);
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

const asFile = (id: string) => `komt binnen als bestand (${importHint(id)})`;
const notConfigured = (missing: readonly string[]) => `niet ingesteld: ${missing.join(', ')} (in ${SETTINGS_FILE})`;

async function reportOffline(
  adapters: readonly SourceAdapter[],
  plan: FetchPlan,
  io: Io,
  dependencies: FetchDependencies,
  settingsOf: (adapter: WebSourceAdapter) => Readonly<Record<string, unknown>>,
): Promise<FetchSummary> {
  io.out(`Zonder --online wordt niets opgehaald. Per bron de momentopname die wordt gebruikt: de laatste goede uit ${plan.archiveDir}, anders de meegeleverde:`);
  const sources: OfflineSource[] = [];
  for (const adapter of adapters) {
    if (adapter.origin === 'file') {
      io.out(`  ${adapter.id}: ${asFile(adapter.id)}`);
      sources.push({ source: adapter.id, origin: 'file' });
      continue;
    }
    const check = checkSettings(adapter, settingsOf(adapter));
    const missing = check.ready ? [] : check.missing;
    const replay = await snapshotToReplay(adapter, { archiveDir: plan.archiveDir, bundledDir: dependencies.bundledDir(), warn: (line) => io.err(line) });
    const none = `geen goede momentopname in ${plan.archiveDir} en geen meegeleverde`;
    io.out(
      replay !== undefined
        ? `  ${adapter.id}: ${replay.from === 'archief' ? 'uit het archief' : 'meegeleverd'}, ${describeSnapshot(replay.info)}`
        : missing.length > 0
          ? `  ${adapter.id}: ${none}`
          : `  ${adapter.id}: ${none}; haal die op met 'lsp-monitor fetch --online --source ${adapter.id}'`,
    );
    const inArchive = replay?.from === 'archief' ? replay.info : undefined;
    const newer = (await listSnapshots(plan.archiveDir, adapter.id))
      .filter((snapshot) => snapshot.status === 'rejected' && (inArchive === undefined || snapshot.dir > inArchive.dir))
      .at(-1);
    if (newer?.verdict?.good === false) {
      io.out(`    let op: de nieuwere momentopname van ${formatDutchDateTime(newer.fetchedAt)} is afgekeurd (${newer.verdict.reason})`);
    }
    if (missing.length > 0) io.out(`    ${notConfigured(missing)}; 'lsp-monitor fetch --online' slaat deze bron over`);
    sources.push({ source: adapter.id, origin: 'web', replay, missing });
  }
  return { online: false, sources };
}

async function fetchOnline(
  adapters: readonly SourceAdapter[],
  plan: FetchPlan,
  io: Io,
  dependencies: FetchDependencies,
  settingsOf: (adapter: WebSourceAdapter) => Readonly<Record<string, unknown>>,
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

  // Made at the first request, so file sources and sources that are not set up need no contact address.
  let client: HttpClient | undefined;
  const http: HttpClient = { get: (url, options) => (client ??= dependencies.createHttp(line)).get(url, options) };
  const results: FetchSourceResult[] = [];
  const fileSources: string[] = [];
  for (const [index, adapter] of adapters.entries()) {
    const counter = `[${index + 1}/${adapters.length}]`;
    if (adapter.origin === 'file') {
      line(`${counter} bron ${adapter.id}: ${asFile(adapter.id)}`);
      fileSources.push(adapter.id);
      continue;
    }
    showProgress(`${counter} bron ${adapter.id}: ophalen…`);
    const result = await fetchSource(adapter, {
      archiveDir: plan.archiveDir,
      http,
      settings: settingsOf(adapter),
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
  const attempted = results.filter((result) => result.kind !== 'not-configured').length;
  const failed = results.filter((result) => result.kind === 'failed').length;
  if (failed > 0) io.err(`LET OP: ${failed} van ${attempted} bronnen kon${failed === 1 ? '' : 'den'} niet worden opgehaald; zie hierboven`);
  return { online: true, results, fileSources };
}

function describeResult(result: FetchSourceResult): string {
  switch (result.kind) {
    case 'fetched':
      return `nieuwe momentopname, ${files(result.inUse.files.length)} (${result.newBodies} nieuw), ${result.records} records, ${result.rejects} afgekeurd`;
    case 'unchanged':
      return `ongewijzigd (dezelfde inhoud als de vorige goede momentopname), ${result.records} records`;
    case 'not-configured':
      return `${notConfigured(result.missing)}; overgeslagen`;
    case 'failed':
      return result.inUse === undefined ? 'mislukt; er is geen goede momentopname' : `mislukt; in gebruik: ${describeSnapshot(result.inUse)}`;
  }
}

function describeSnapshot(snapshot: SnapshotInfo): string {
  const records = snapshot.verdict?.good === true ? `, ${snapshot.verdict.records} records` : '';
  const reparsed =
    snapshot.reparsedFrom === undefined
      ? ''
      : `; goedgekeurd door adapterversie ${snapshot.reparsedFrom}, opnieuw gelezen met versie ${snapshot.verdict?.adapterVersion ?? '?'}`;
  return `momentopname van ${formatDutchDateTime(snapshot.fetchedAt)} (${files(snapshot.files.length)}${records}${reparsed})`;
}

function files(count: number): string {
  return `${count} ${count === 1 ? 'bestand' : 'bestanden'}`;
}
