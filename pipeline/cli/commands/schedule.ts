/**
 * lsp-monitor schedule: fetch online on a cron schedule (Europe/Amsterdam), then optionally run
 * other commands, in one long-running process. Ctrl-C or SIGTERM ends it; a run in progress is
 * interrupted, which is safe (a snapshot is written atomically, database writes are transactions)
 * and its lock is released.
 */
import { dutchYear, formatDutchDateTime, TIME_ZONE } from '../../../sources/archive/dutch-date.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { parseMonitorYear } from '../../config/config.ts';
import { startSchedule, type Schedule } from '../../schedule/schedule.ts';
import { parseThenSteps, stepArguments, type ThenStep } from '../../schedule/then-steps.ts';
import { databasePath, requiredOption, stringOption, type Command, type CommandLine, type Io, type OptionValues } from '../command.ts';
import { DEFAULT_REPORTS } from '../defaults.ts';
import { fetchPlanFrom, runFetch, type FetchPlan } from '../fetch-sources.ts';
import { scheduleHelp } from '../help/schedule.ts';

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
  /** One scheduled run: the online fetch, then the --then steps, each run by `commandLine`. */
  runJob: (plan: ScheduledRunPlan, run: { startedAt: Date }, io: Io, commandLine: CommandLine | undefined) => Promise<void>;
  /** Resolves when the schedule is to stop; default: never (the process ends by a signal). */
  untilStopped: (schedule: Schedule) => Promise<void>;
  isTty: () => boolean;
}

const defaultDependencies: ScheduleDependencies = {
  runJob: runScheduledJob,
  untilStopped: () => new Promise<void>(() => {}),
  isTty: () => process.stdout.isTTY === true,
};

export function createScheduleCommand(overrides: Partial<ScheduleDependencies> = {}): Command {
  const dependencies = { ...defaultDependencies, ...overrides };
  return {
    ...scheduleHelp,
    async run({ values, commandLine }, io) {
      const cron = requiredOption(values, 'cron');
      const plan = scheduledRunPlanFrom(values);
      const tty = dependencies.isTty();
      const schedule = startSchedule({
        cron,
        databasePath: databasePath(values),
        log: (line) => io.out(line),
        tty,
        job: (run) => dependencies.runJob(plan, run, io, commandLine),
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
export async function runScheduledJob(plan: ScheduledRunPlan, run: { startedAt: Date }, io: Io, commandLine: CommandLine | undefined): Promise<void> {
  await runFetch(plan.fetch, io);
  if (plan.then.length === 0) return;
  // main hands itself in, so this command needs no import of main.ts (which lists the commands).
  if (commandLine === undefined) throw new Error('schedule --then needs the command line to run its steps');
  const year = plan.year ?? dutchYear(run.startedAt);
  for (const step of plan.then) {
    const code = await commandLine(stepArguments(step, { year, reportsDir: plan.reportsDir, common: plan.common }), io);
    if (code !== 0) throw new MonitorError(`stap '${step}' is mislukt (afsluitcode ${code}); zie de melding hierboven`);
  }
}

function optionPair(values: OptionValues, name: string): string[] {
  const value = stringOption(values, name);
  return value === undefined ? [] : [`--${name}`, value];
}
