/**
 * One benchmark size in a fresh process (run.ts starts it): a fresh database, then the real
 * pipeline functions stage by stage (importInventory per source, buildYear, readReportInput,
 * writeReport, the Excel overview when its writer exists), timed, with peak memory and the
 * deduplication quality against the generator's truth. Writes its result JSON after every stage,
 * so a failed or killed run still shows how far it got.
 *
 *   npx tsx test/bench/measure.ts --data DIR --work DIR --out result.json [--year 2030]
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { writeReport } from '../../outputs/write-report.ts';
import { createContext, type MonitorContext } from '../../pipeline/context.ts';
import { MonitorDatabase } from '../../pipeline/db/database.ts';
import { ensureReferenceTables } from '../../pipeline/db/reference-tables.ts';
import { readReportInput } from '../../pipeline/read/read-report-input.ts';
import { buildYear } from '../../pipeline/build/build-year.ts';
import { importInventory } from '../../pipeline/intake/import-inventory.ts';
import { diagnose } from './measure/diagnose.ts';
import { withLargeInputs } from './measure/large-inputs.ts';
import { peakRssMb, startRssSampler } from './measure/memory.ts';
import { loadOverviewStage } from './measure/overview.ts';
import { BUILD_MARKERS, cutPhases, hotspots, IMPORT_MARKERS } from './measure/phases.ts';
import { readTruth } from './gen/truth.ts';
import { pairErrors, pairwiseQuality, readMembers, readReviewPairs } from './measure/quality.ts';
import type { SizeResult, StageName } from './measure/result.ts';
import { takePhaseMarks, traceDatabase, type TraceEvent } from './measure/trace.ts';

const Inventory = z.object({
  records: z.number(),
  sources: z.array(z.object({ source: z.string(), path: z.string(), rows: z.number() })),
});

const { values } = parseArgs({
  options: { data: { type: 'string' }, work: { type: 'string' }, out: { type: 'string' }, year: { type: 'string', default: '2030' } },
});
if (!values.data || !values.work || !values.out) throw new Error('usage: measure.ts --data DIR --work DIR --out FILE [--year Y]');
const [dataDir, workDir, outFile, year] = [values.data, values.work, values.out, Number(values.year)];

const inventory = Inventory.parse(JSON.parse(await readFile(join(dataDir, 'inventory.json'), 'utf8')));
const result: SizeResult = {
  records: inventory.records, status: 'running', lastStage: 'start', stages: {}, imports: [], buildPhases: [], hotspots: [],
  peakRssMbAfter: {}, peakRssMb: 0, notes: [],
};
const events: TraceEvent[] = [];
const sampler = startRssSampler();
const save = () => writeFile(outFile, `${JSON.stringify(result, null, 2)}\n`);
const log = (text: string) => process.stderr.write(`[${inventory.records}] ${text}\n`);

async function stage<T>(name: StageName, work: () => Promise<T>): Promise<T> {
  result.lastStage = name;
  await save();
  sampler.enter(name);
  const start = performance.now();
  const value = await work();
  result.stages[name] = (performance.now() - start) / 1000;
  result.peakRssMbAfter[name] = peakRssMb();
  log(`${name}: ${result.stages[name].toFixed(2)} s, peak RSS ${peakRssMb().toFixed(0)} MB`);
  await save();
  return value;
}

let resolveMs = 0;
try {
  const { database, context } = await stage('setup', async () => {
    const base = createContext();
    // Generated files at --large go beyond the import limits meant for real inventories.
    const config = withLargeInputs(base.config, inventory.records);
    const context: MonitorContext = {
      ...base,
      config,
      resolver: {
        resolve: (input) => {
          const start = performance.now();
          try {
            return base.resolver.resolve(input);
          } finally {
            resolveMs += performance.now() - start;
          }
        },
        currentCodes: (gmCode) => base.resolver.currentCodes(gmCode),
      },
    };
    const database = traceDatabase(await MonitorDatabase.open(join(workDir, 'bench.duckdb')), events);
    await ensureReferenceTables(database, context.reference, context.resolver, context.regions);
    return { database, context };
  });

  await stage('import', async () => {
    for (const source of inventory.sources) {
      const [start, resolvedBefore] = [performance.now(), resolveMs];
      const summary = await importInventory(database, context, { path: source.path, year, source: source.source });
      const end = performance.now();
      const phases = cutPhases(events, IMPORT_MARKERS, { start, end, firstPhase: 'read' });
      result.imports.push({
        source: source.source,
        file: summary.file,
        bytes: (await stat(source.path)).size,
        rowsRead: summary.rowsRead,
        imported: summary.imported,
        rejected: summary.rejectedRows,
        seconds: (end - start) / 1000,
        resolveSeconds: (resolveMs - resolvedBefore) / 1000,
        writeSeconds: phases.find((phase) => phase.phase === 'write')?.seconds ?? 0,
      });
    }
  });

  const buildWindow = { start: 0, end: 0 };
  await stage('build', async () => {
    buildWindow.start = performance.now();
    await buildYear(database, context, year);
    buildWindow.end = performance.now();
  });
  events.push(...takePhaseMarks());
  events.sort((a, b) => a.start - b.start);
  result.buildPhases = cutPhases(events, BUILD_MARKERS, { ...buildWindow, firstPhase: 'prepare' });
  result.hotspots = hotspots(events, buildWindow, 12);
  const inBuild = events.filter((event) => event.start >= buildWindow.start && event.end <= buildWindow.end);
  result.matching = {
    candidatePairs: inBuild.find((event) => event.kind === 'mark' && event.label === 'dedupe.scored')?.rows ?? 0,
    matchPairsWritten: inBuild.find((event) => event.label === 'insert match_pair')?.rows ?? 0,
  };

  const input = await stage('read', () => readReportInput(database, year));
  await stage('report', () => writeReport(input, join(workDir, 'report')));
  // run.ts starts this process with the hooks that leave the overview out of writeReport: the
  // overview file is then empty. Had they missed (the writer moved), the report holds the overview.
  const overviewInReport = ((await stat(join(workDir, 'report', 'overzicht.xlsx')).catch(() => undefined))?.size ?? 0) > 0;
  result.overviewInReport = overviewInReport;
  if (overviewInReport) result.notes.push('report includes overzicht.xlsx (the hooks of measure/without-overview-hooks.mjs did not reach its writer): total and peak without the overview are not measured');
  // The pipeline's peak without the overview: everything so far.
  result.peakRssMb = peakRssMb();
  const overview = await loadOverviewStage();
  if (overview === undefined) result.notes.push('xlsx skipped: no overview writer in pipeline/workbook/write/');
  else {
    result.notes.push(overview.note);
    const work = await overview.prepare(input);
    await stage('xlsx', work);
  }
  result.peakRssMbWithOverview = peakRssMb();

  result.lastStage = 'quality';
  const truth = readTruth(dataDir);
  const members = await readMembers(database, year, truth);
  result.quality = pairwiseQuality(members, await readReviewPairs(database, year), truth);
  result.diagnosis = await diagnose(database, year, pairErrors(members));
  result.status = 'ok';
  const sampled = sampler.peaks();
  result.notes.push(`sampled RSS peaks (MB): ${Object.entries(sampled).map(([name, mb]) => `${name} ${mb.toFixed(0)}`).join(', ')}`);
  await database.close();
} catch (error) {
  result.status = 'failed';
  result.error = error instanceof Error ? `${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n') ?? ''}` : String(error);
  result.peakRssMb = result.peakRssMb || peakRssMb();
  log(`failed in ${result.lastStage}: ${result.error}`);
  process.exitCode = 1;
} finally {
  sampler.stop();
  await save();
}
