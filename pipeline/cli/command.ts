/** The shape of a CLI command: its options, its Dutch help, and what it does. */
import type { ParseArgsConfig } from 'node:util';
import { MonitorError, UsageError } from '../../sources/errors.ts';
import { parseMonitorYear } from '../config/config.ts';
import { withDatabase, type MonitorDatabase } from '../db/database.ts';
import { withLock } from '../lock/acquire-lock.ts';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  name: string;
  /** One Dutch line for the command list. */
  summary: string;
  /** Dutch usage text shown by --help. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: { min: number; max: number };
  run(input: { positionals: string[]; values: OptionValues }, io: Io): Promise<void>;
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

/**
 * Runs `work` on the database while holding its lock file, so two processes never write to one
 * database at once: the second waits (--wait) or is refused with who holds it.
 */
export async function withWritableDatabase<T>(
  values: OptionValues,
  command: string,
  work: (database: MonitorDatabase) => Promise<T>,
): Promise<T> {
  const path = databasePath(values);
  return withLock(path, { wait: waitSeconds(values) * 1000, command }, () => withDatabase(path, work));
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
export function checkOptionValues(values: OptionValues): void {
  const year = values['year'];
  if (typeof year === 'string') {
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
