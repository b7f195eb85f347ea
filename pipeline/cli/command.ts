/**
 * The shape of a CLI command: its options, its Dutch help, and what it does. Imports nothing
 * heavy: `--help` and a usage error are answered from this module and the help/ modules alone.
 */
import type { ParseArgsConfig } from 'node:util';
import { MonitorError, UsageError } from '../../sources/errors.ts';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Runs a whole command line in this process, as `lsp-monitor` does, and gives its exit code. */
export type CommandLine = (argv: readonly string[], io: Io) => Promise<number>;

export interface CommandInput {
  positionals: string[];
  values: OptionValues;
  /** Given by main, for a command that runs other commands (schedule --then). */
  commandLine?: CommandLine;
}

/** What the command line needs to know of a command before it runs: its help and options. */
export interface CommandHelp {
  name: string;
  /** One Dutch line for the command list. */
  summary: string;
  /** Dutch usage text shown by --help. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Options that must be given, in the order the command checks them: main checks them before loading it. */
  required?: readonly string[];
  positionals: { min: number; max: number };
}

export interface Command extends CommandHelp {
  run(input: CommandInput, io: Io): Promise<void>;
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  db: { type: 'string' },
  config: { type: 'string' },
  debug: { type: 'boolean' },
  wait: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Command['options'];

export const COMMON_USAGE = `Algemene opties:
  --db <bestand>       database (standaard: ./monitor.duckdb)
  --config <bestand>   configuratie (standaard: pipeline/config/monitor.config.json)
  --wait <seconden>    wacht zo lang op een ander proces dat de database gebruikt (standaard: niet)
  --debug              toon technische details bij fouten
  -h, --help           toon deze hulp`;

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredOption(values: OptionValues, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined || value.trim() === '') throw new UsageError(`optie --${name} ontbreekt`);
  return value;
}

export const DEFAULT_DATABASE = 'monitor.duckdb';

export function databasePath(values: OptionValues): string {
  return stringOption(values, 'db') ?? DEFAULT_DATABASE;
}

/** --wait in seconds (0 when not given): a whole or decimal number, "2,5" as a Dutch person writes it. */
export function waitSeconds(values: OptionValues): number {
  const text = stringOption(values, 'wait');
  if (text === undefined) return 0;
  const seconds = /^\d{1,7}([.,]\d+)?$/.test(text.trim()) ? Number(text.trim().replace(',', '.')) : Number.NaN;
  if (!Number.isFinite(seconds)) throw new UsageError(`optie --wait: '${text}' is geen aantal seconden (verwacht bijvoorbeeld --wait 30)`);
  return seconds;
}

/**
 * Checks the values of the options many commands share before a command runs, so a bad value is
 * named with its option whichever command it was given to.
 */
export async function checkOptionValues(values: OptionValues): Promise<void> {
  const year = values['year'];
  if (typeof year === 'string') {
    // Loaded only when --year is given: the configuration module brings zod and its schemas.
    const { parseMonitorYear } = await import('../config/config.ts');
    try {
      parseMonitorYear(year);
    } catch (error) {
      if (error instanceof MonitorError) throw new UsageError(`optie --year: ${error.message}`);
      throw error;
    }
  }
  waitSeconds(values);
  for (const name of ['db', 'config', 'out', 'reports', 'archive']) {
    const value = values[name];
    if (typeof value === 'string' && value.trim() === '') throw new UsageError(`optie --${name} heeft een pad nodig, niet een lege waarde`);
  }
}
