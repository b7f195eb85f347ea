/** lsp-monitor schedule, with the job and the stop injected so no test waits for the clock. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Io } from '../../../pipeline/cli/command.ts';
import { createScheduleCommand, scheduleCommand, type ScheduledRunPlan } from '../../../pipeline/cli/commands/schedule.ts';
import { UsageError } from '../../../sources/errors.ts';

// The registry is written by the adapters' engineer; these tests never reach it.
vi.mock('../../../sources/adapters/registry.ts', () => ({ SOURCE_ADAPTERS: [] }));

const RUN_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} run /;

function capture(): { io: Io; out: string[] } {
  const out: string[] = [];
  return { io: { out: (line) => out.push(line), err: (line) => out.push(line) }, out };
}

const database = () => join(mkdtempSync(join(tmpdir(), 'lsp-schedule-cmd-')), 'monitor.duckdb');

describe('lsp-monitor schedule', () => {
  it('is a command with Dutch usage', () => {
    expect(scheduleCommand.name).toBe('schedule');
    expect(scheduleCommand.usage).toMatch(/^Gebruik: lsp-monitor schedule --cron/);
  });

  it('an invalid cron expression is wrong usage (exit 2)', async () => {
    const command = createScheduleCommand({ runJob: async () => {}, untilStopped: async () => {} });
    const run = command.run({ positionals: [], values: { cron: 'elke maandag', db: database() } }, capture().io);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toMatchObject({
      exitCode: 2,
      message:
        "ongeldige cron-uitdrukking 'elke maandag': gebruik vijf velden (minuut uur dag maand weekdag) of zes (met seconden vooraan), " +
        "bijvoorbeeld '0 4 * * 1' voor elke maandag om 04:00",
    });
  });

  it('needs --cron', async () => {
    const run = createScheduleCommand({ untilStopped: async () => {} }).run({ positionals: [], values: {} }, capture().io);
    await expect(run).rejects.toMatchObject({ exitCode: 2, message: 'optie --cron ontbreekt' });
  });

  it('logs every run and keeps going after a failed one', async () => {
    const plans: ScheduledRunPlan[] = [];
    let calls = 0;
    const command = createScheduleCommand({
      runJob: async (plan) => {
        plans.push(plan);
        calls += 1;
        if (calls === 1) throw new Error('netwerk weg');
      },
      untilStopped: async (schedule) => {
        await schedule.trigger();
        await schedule.trigger();
      },
      isTty: () => false,
    });
    const { io, out } = capture();
    const db = database();

    await command.run(
      { positionals: [], values: { cron: '0 4 * * 1', then: 'build,report', source: 'testbron', archive: '/srv/archief', strict: true, year: '2025', db } },
      io,
    );

    expect(out[0]).toMatch(/^Schema gestart: '0 4 \* \* 1' \(Europe\/Amsterdam\); eerste run \d{1,2} \S+ \d{4} 04:00\.$/);
    expect(out.slice(1).map((line) => line.replace(RUN_LINE, '').replace(/\d+,\d s/, 'N s'))).toEqual([
      'mislukt na N s: netwerk weg',
      'geslaagd in N s',
    ]);
    expect(plans[0]).toMatchObject({
      fetch: { source: 'testbron', archiveDir: '/srv/archief', strict: true, online: true },
      then: ['build', 'report'],
      year: 2025,
      common: ['--db', db],
    });
  });

  it('refuses an unknown --then step before scheduling anything', async () => {
    let started = false;
    const command = createScheduleCommand({
      untilStopped: async () => {
        started = true;
      },
    });
    const run = command.run({ positionals: [], values: { cron: '0 4 * * 1', then: 'build,publiceer' } }, capture().io);
    await expect(run).rejects.toMatchObject({ exitCode: 2, message: "onbekende stap 'publiceer' in --then (mogelijk: build, report, run)" });
    expect(started).toBe(false);
  });
});
