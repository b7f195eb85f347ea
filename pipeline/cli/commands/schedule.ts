/**
 * lsp-monitor schedule: fetch online on a cron schedule (Europe/Amsterdam), then optionally run
 * other commands, in one long-running process. Ctrl-C or SIGTERM ends it; a run in progress is
 * interrupted, which is safe (a snapshot is written atomically, database writes are transactions)
 * and its lock is released.
 */
import { fileURLToPath } from 'node:url';
import { formatDutchDateTime, TIME_ZONE } from '../../../sources/archive/dutch-date.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { parseMonitorYear } from '../../config/config.ts';
import { startSchedule, type Schedule } from '../../schedule/schedule.ts';
import { parseThenSteps, stepArguments, type ThenStep } from '../../schedule/then-steps.ts';
import { COMMON_USAGE, databasePath, requiredOption, stringOption, type Command, type Io, type OptionValues } from '../command.ts';
import { DEFAULT_ARCHIVE, fetchPlanFrom, runFetch, type FetchPlan } from './fetch.ts';

const DEFAULT_REPORTS = fileURLToPath(new URL('../../../reports/', import.meta.url));

export interface ScheduledRunPlan {
  fetch: FetchPlan;
  then: readonly ThenStep[];
  /** Monitor year for build and report; default: the calendar year (Amsterdam) when a run starts. */
  year?: number;
  reportsDir: string;
  /** --db and --config as given, passed on to every step. */
  common: readonly string[];
}

export interface ScheduleDependencies {
  /** One scheduled run: the online fetch, then the --then steps. */
  runJob: (plan: ScheduledRunPlan, run: { startedAt: Date }, io: Io) => Promise<void>;
  /** Resolves when the schedule is to stop; default: never (the process ends by a signal). */
  untilStopped: (schedule: Schedule) => Promise<void>;
  isTty: () => boolean;
}

const defaultDependencies: ScheduleDependencies = {
  runJob: runScheduledJob,
  untilStopped: () => new Promise<void>(() => {}),
  isTty: () => process.stdout.isTTY === true,
};

export const SCHEDULE_USAGE = `Gebruik: lsp-monitor schedule --cron "<uitdrukking>" [--then build,report] [--source <bron>]
                            [--archive <map>] [--strict] [--year <jaar>] [--reports <map>]

Blijft draaien en haalt op de tijden van de cron-uitdrukking (tijdzone ${TIME_ZONE}) de bronnen op,
zoals 'lsp-monitor fetch --online', en doet daarna de stappen van --then. Een run die nog loopt
wordt niet nog eens gestart, ook niet door een ander lsp-monitor-proces (vergrendeling naast de
database). Een mislukte run komt in het log en het schema gaat door. Stoppen: Ctrl-C.
Schrijft de momentopnamen in het archief; met --then report de monitor van --year naar
<map>/<jaar>/, met --then run alle jaren naar <map>/ (<map>: --reports, standaard reports/).

Opties:
  --cron <uitdrukking> wanneer (verplicht), bijvoorbeeld "0 4 * * 1" voor elke maandag om 04:00
  --then <stappen>     daarna, met komma's: build, report, run
  --source <bron>      alleen deze bron
  --archive <map>      archief met momentopnamen (standaard: ./${DEFAULT_ARCHIVE})
  --strict             een bron die niet kan worden opgehaald laat de run mislukken
  --year <jaar>        monitorjaar voor build en report (standaard: het jaar waarin de run start)
  --reports <map>      map voor de rapporten per jaar (standaard: de map reports/ van lsp-monitor)

${COMMON_USAGE}`;

export function createScheduleCommand(overrides: Partial<ScheduleDependencies> = {}): Command {
  const dependencies = { ...defaultDependencies, ...overrides };
  return {
    name: 'schedule',
    summary: 'haal de bronnen op schema op (cron), eventueel gevolgd door build en report',
    usage: SCHEDULE_USAGE,
    options: {
      cron: { type: 'string' },
      then: { type: 'string' },
      source: { type: 'string' },
      archive: { type: 'string' },
      strict: { type: 'boolean' },
      year: { type: 'string' },
      reports: { type: 'string' },
    },
    positionals: { min: 0, max: 0 },
    async run({ values }, io) {
      const cron = requiredOption(values, 'cron');
      const plan = scheduledRunPlanFrom(values);
      const tty = dependencies.isTty();
      const schedule = startSchedule({
        cron,
        databasePath: databasePath(values),
        log: (line) => io.out(line),
        tty,
        job: (run) => dependencies.runJob(plan, run, io),
      });
      const next = schedule.nextRun();
      io.out(`Schema gestart: '${cron.trim()}' (${TIME_ZONE}); eerste run ${next === null ? 'onbekend' : formatDutchDateTime(next)}.`);
      try {
        await dependencies.untilStopped(schedule);
      } finally {
        schedule.stop();
      }
    },
  };
}

export const scheduleCommand: Command = createScheduleCommand();

export function scheduledRunPlanFrom(values: OptionValues): ScheduledRunPlan {
  const year = stringOption(values, 'year');
  const common = [...optionPair(values, 'db'), ...optionPair(values, 'config')];
  return {
    fetch: { ...fetchPlanFrom(values), online: true },
    then: parseThenSteps(stringOption(values, 'then')),
    ...(year === undefined ? {} : { year: parseMonitorYear(year) }),
    reportsDir: stringOption(values, 'reports') ?? DEFAULT_REPORTS,
    common,
  };
}

/** The real job: fetch online in this process, then each step through the command line. */
export async function runScheduledJob(plan: ScheduledRunPlan, run: { startedAt: Date }, io: Io): Promise<void> {
  await runFetch(plan.fetch, io);
  if (plan.then.length === 0) return;
  // Imported here, not at the top: main.ts lists this command, so a static import would be a cycle.
  const { main } = await import('../main.ts');
  const year = plan.year ?? calendarYear(run.startedAt);
  for (const step of plan.then) {
    const code = await main(stepArguments(step, { year, reportsDir: plan.reportsDir, common: plan.common }), io);
    if (code !== 0) throw new MonitorError(`stap '${step}' is mislukt (afsluitcode ${code}); zie de melding hierboven`);
  }
}

function calendarYear(date: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: TIME_ZONE, year: 'numeric' }).format(date));
}

function optionPair(values: OptionValues, name: string): string[] {
  const value = stringOption(values, name);
  return value === undefined ? [] : [`--${name}`, value];
}
