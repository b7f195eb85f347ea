/**
 * CPU profile of one pipeline stage on a kept benchmark run (`run.ts --keep` leaves the scratch
 * folder with data/ and work/bench.duckdb): prints the functions with the most self and
 * inclusive time and writes the .cpuprofile (open it in Chrome DevTools or speedscope).
 *
 *   npx tsx test/bench/profile.ts --scratch /tmp/lsp-bench-100000-XXXX --stage build [--top 25]
 *
 * Stages: import (re-imports the three files), build, report (readReportInput + writeReport), xlsx
 * (the overview alone; its preparation, reading the year and rendering figures, is profiled too).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { writeReport } from '../../outputs/write-report.ts';
import { createContext } from '../../pipeline/context.ts';
import { withDatabase } from '../../pipeline/db/database.ts';
import { readReportInput } from '../../pipeline/read/read-report-input.ts';
import { buildYear } from '../../pipeline/build/build-year.ts';
import { importInventory } from '../../pipeline/intake/import-inventory.ts';
import { profiled, rankFunctions } from './measure/cpu-profile.ts';
import { withLargeInputs } from './measure/large-inputs.ts';
import { loadOverviewStage } from './measure/overview.ts';

const STAGES = ['import', 'build', 'report', 'xlsx'] as const;
const { values } = parseArgs({
  options: {
    scratch: { type: 'string' },
    stage: { type: 'string', default: 'build' },
    year: { type: 'string', default: '2030' },
    top: { type: 'string', default: '25' },
    out: { type: 'string', default: fileURLToPath(new URL('./results/', import.meta.url)) },
  },
});
const stage = z.enum(STAGES).parse(values.stage);
if (!values.scratch) throw new Error('usage: profile.ts --scratch DIR --stage import|build|report|xlsx');
const scratch = values.scratch;
const year = Number(values.year);
const root = fileURLToPath(new URL('../../', import.meta.url));
const Inventory = z.object({ sources: z.array(z.object({ source: z.string(), path: z.string() })) });

const base = createContext();
// A --large scratch holds files beyond the import limits meant for real inventories.
const context = { ...base, config: withLargeInputs(base.config, Number.MAX_SAFE_INTEGER) };
const start = performance.now();
const { profile } = await withDatabase(join(scratch, 'work', 'bench.duckdb'), (database) =>
  profiled(async () => {
    switch (stage) {
      case 'import': {
        const inventory = Inventory.parse(JSON.parse(await readFile(join(scratch, 'data', 'inventory.json'), 'utf8')));
        for (const source of inventory.sources) await importInventory(database, context, { path: source.path, year, source: source.source });
        return;
      }
      case 'build':
        await buildYear(database, context, year);
        return;
      case 'report':
        await writeReport(await readReportInput(database, year), join(scratch, 'work', 'report'));
        return;
      case 'xlsx': {
        const overview = await loadOverviewStage();
        if (overview === undefined) throw new Error('no overview writer in pipeline/workbook/write/');
        const work = await overview.prepare(await readReportInput(database, year));
        await work();
        return;
      }
    }
  }),
);
const seconds = (performance.now() - start) / 1000;
const ranked = rankFunctions(profile, root);
const top = Number(values.top);
const table = (title: string, key: 'selfSeconds' | 'totalSeconds') => [
  `${title}:`,
  ...[...ranked]
    .sort((a, b) => b[key] - a[key])
    .slice(0, top)
    .map((entry) => `  ${entry[key].toFixed(2).padStart(8)} s  (self ${entry.selfSeconds.toFixed(2)}, total ${entry.totalSeconds.toFixed(2)})  ${entry.what}`),
];
console.log([`stage ${stage}: ${seconds.toFixed(1)} s wall`, ...table('self time', 'selfSeconds'), ...table('inclusive time', 'totalSeconds')].join('\n'));
await mkdir(values.out, { recursive: true });
const file = join(values.out, `profile-${stage}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
await writeFile(file, JSON.stringify(profile));
console.log(`written: ${file}`);
