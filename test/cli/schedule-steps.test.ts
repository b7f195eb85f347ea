/**
 * schedule --then runs each step as a whole command line through main, handed in by main itself:
 * commands/schedule.ts imports neither main.ts nor another command (no import cycle).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../pipeline/cli/command.ts';
import { runScheduledJob, type ScheduledRunPlan } from '../../pipeline/cli/commands/schedule.ts';
import { main } from '../../pipeline/cli/main.ts';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';

const INVENTORY = fileURLToPath(new URL('../fixtures/inventory/locaties-komma.csv', import.meta.url));

function capture(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line) => out.push(line), err: (line) => err.push(line) }, out, err };
}

function plan(db: string): ScheduledRunPlan {
  const dir = scratchDir();
  // A file source: fetched online it is only named, so the run needs no network.
  return { fetch: { source: 'survey', archiveDir: join(dir, 'archief'), strict: true, online: true }, then: ['build'], year: 2024, reportsDir: join(dir, 'reports'), common: ['--db', db] };
}

describe('schedule --then', () => {
  it('runs each step through the command line that main hands in', async () => {
    const db = await freshDatabase(scratchDir());
    const imported = await runCli(['import', INVENTORY, '--year', '2024', '--db', db]);
    expect(imported.code, imported.stderr).toBe(0);
    const steps: (readonly string[])[] = [];
    const { io, out } = capture();
    await runScheduledJob(plan(db), { startedAt: new Date('2026-03-02T03:00:00Z') }, io, (argv, stepIo) => {
      steps.push(argv);
      return main(argv, stepIo);
    });
    expect(steps).toEqual([['build', '--year', '2024', '--db', db]]);
    expect(out.filter((line) => line.startsWith('Monitor 2024 gebouwd'))).toHaveLength(1);
  });

  it('fails a run whose step fails, naming the step and its exit code', async () => {
    const { io } = capture();
    const failing = runScheduledJob(plan(join(scratchDir(), 'monitor.duckdb')), { startedAt: new Date() }, io, async () => 1);
    await expect(failing).rejects.toThrow("stap 'build' is mislukt (afsluitcode 1); zie de melding hierboven");
  });
});
