/**
 * The lsp-monitor command line. This is the composition root: it is the one place where the
 * pipeline is wired to the writers in outputs/. Errors are handled here, once: a MonitorError is
 * printed as its Dutch message with its exit code; a failed file-system call or a DuckDB I/O
 * failure is put into one Dutch line naming the path and the option to change (explain-error.ts);
 * anything else is a bug ("interne fout", exit 1). The technical cause only with --debug.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MonitorError, UsageError } from '../../sources/errors.ts';
import { checkOptionValues, COMMON_OPTIONS, DEFAULT_DATABASE, requiredOption, type Io, type OptionValues } from './command.ts';
import { explainError, type PathArgument } from './explain-error.ts';
import { COMMANDS } from './registry.ts';

const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** What the build stores beside the bundle (precompute.ts): build.mjs loads it from the bundle it has just written. */
export async function precomputation(): Promise<typeof import('./precompute.ts')> {
  return import('./precompute.ts');
}

/** The new database's template (pipeline/db/new-database.ts), which build.mjs writes into dist/. */
export async function databaseTemplate(): Promise<typeof import('../db/new-database-template.ts')> {
  return import('../db/new-database-template.ts');
}

export async function main(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  const debug = argv.includes('--debug');
  const given: Given = { values: {}, positionals: [] };
  try {
    await dispatch(argv, io, given);
    return 0;
  } catch (error) {
    return reportError(error, debug, io, given);
  }
}

/** What the command line gave, once parsed: the error messages name its paths and options. */
interface Given {
  values: OptionValues;
  positionals: string[];
}

async function dispatch(argv: readonly string[], io: Io, given: Given): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`lsp-monitor ${packageVersion()}`);
    return;
  }
  const registered = COMMANDS.find((candidate) => candidate.help.name === name);
  if (!registered) throw new UsageError(unknownCommand(argv));
  const command = registered.help;

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${translateParseError(error, rest)} (zie lsp-monitor ${command.name} --help)`, error);
  }
  if (parsed.values['help']) {
    io.out(command.usage);
    return;
  }
  given.values = parsed.values;
  given.positionals = parsed.positionals;
  const { min, max } = command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    const expected = min === max ? String(min) : `${min} tot ${max}`;
    throw new UsageError(
      `verkeerd aantal argumenten voor '${command.name}': verwacht ${expected}, gekregen ${parsed.positionals.length} (zie lsp-monitor ${command.name} --help)`,
    );
  }
  await checkOptionValues(parsed.values);
  for (const option of command.required ?? []) requiredOption(parsed.values, option);
  const loaded = await registered.load();
  await loaded.run({ positionals: parsed.positionals, values: parsed.values, commandLine: main }, io);
}

/** A mistyped command is named, with the command that was probably meant. */
function unknownCommand(argv: readonly string[]): string {
  const name = argv[0] ?? '';
  if (name.startsWith('-')) {
    const command = argv.find((word) => COMMANDS.some((candidate) => candidate.help.name === word));
    const hint = command === undefined ? '' : ` (bijvoorbeeld: lsp-monitor ${command} ${argv.filter((word) => word !== command).join(' ')})`;
    return `het commando moet voorop staan, vóór de opties${hint}; zie lsp-monitor --help`;
  }
  const guess = COMMANDS.find((candidate) => nearlyEqual(name.toLowerCase(), candidate.help.name));
  return `onbekend commando '${name}'${guess === undefined ? '' : `; bedoelt u '${guess.help.name}'?`} (zie lsp-monitor --help)`;
}

/** The same letters with one typed wrong, missing, extra or swapped. */
function nearlyEqual(typed: string, name: string): boolean {
  if (typed === name) return true;
  if (Math.abs(typed.length - name.length) > 1) return false;
  const sameLetters = [...typed].sort().join('') === [...name].sort().join('');
  if (sameLetters) return true;
  let i = 0;
  while (i < typed.length && typed[i] === name[i]) i += 1;
  let j = 0;
  while (j < typed.length - i && j < name.length - i && typed[typed.length - 1 - j] === name[name.length - 1 - j]) j += 1;
  return typed.length - i - j <= 1 && name.length - i - j <= 1;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map(({ help }) => help.name.length));
  return [
    'lsp-monitor: de monitor "Stand van het land" van laagdrempelige steunpunten',
    '',
    'Gebruik: lsp-monitor <commando> [opties]',
    '',
    'Commando\'s:',
    ...COMMANDS.map(({ help }) => `  ${help.name.padEnd(width)}  ${help.summary}`),
    '',
    'Meer over een commando: lsp-monitor <commando> --help. Versie: lsp-monitor --version',
  ].join('\n');
}

/** parseArgs explains itself in English; the person reads Dutch, naming the option. */
function translateParseError(error: unknown, args: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /Option '(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? /Unknown option '([^']+)'/.exec(message)?.[1];
  if (/^Unknown option/.test(message)) return `onbekende optie '${option ?? '?'}'`;
  if (/argument missing/.test(message)) return `optie ${option ?? '?'} heeft een waarde nodig`;
  if (/argument is ambiguous/.test(message) && option !== undefined) {
    // "--year -2024": the value starts with '-', so parseArgs takes it for an option.
    const value = args[args.findIndex((word) => word === option) + 1] ?? '';
    return `optie ${option} heeft een waarde nodig, maar daarna staat '${value}'; een waarde die met '-' begint schrijft u als ${option}=${value}`;
  }
  if (/does not take an argument/.test(message)) return `optie ${option ?? '?'} heeft geen waarde; schrijf alleen ${option ?? 'de optie'}`;
  if (/Unexpected argument/.test(message)) return 'onverwacht argument';
  return 'de opties kloppen niet';
}

function reportError(error: unknown, debug: boolean, io: Io, given: Given): number {
  const explained = error instanceof MonitorError ? error : explainError(error, pathArguments(given), databaseOf(given));
  if (explained !== undefined) {
    io.err(`fout: ${explained.message}`);
    if (debug) {
      const cause = explained === error ? explained.cause : error;
      if (cause instanceof Error) io.err(cause.stack ?? String(cause));
      else if (cause !== undefined) io.err(String(cause));
    }
    return explained.exitCode;
  }
  io.err(`interne fout: ${error instanceof Error ? error.message : String(error)}`);
  io.err(debug && error instanceof Error ? (error.stack ?? '') : 'Draai opnieuw met --debug voor technische details.');
  return 1;
}

/** The options that name a path, and whether that path is a folder or a file. */
const PATH_OPTIONS: Readonly<Record<string, PathArgument['kind']>> = { db: 'bestand', config: 'bestand', out: 'map', reports: 'map', archive: 'map' };

function pathArguments(given: Given): PathArgument[] {
  const options = Object.entries(PATH_OPTIONS).flatMap(([name, kind]): PathArgument[] => {
    const value = given.values[name];
    return typeof value === 'string' && value !== '' ? [{ option: `--${name}`, value, kind }] : [];
  });
  const positionals = given.positionals.map((value): PathArgument => ({ option: undefined, value, kind: 'bestand' }));
  return [...options, ...positionals];
}

function databaseOf(given: Given): string {
  const db = given.values['db'];
  return typeof db === 'string' ? db : DEFAULT_DATABASE;
}

/** The version in package.json, the one place it is kept. */
function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'onbekend';
}
