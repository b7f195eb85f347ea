/**
 * The lsp-monitor command line. This is the composition root: it is the one place where the
 * pipeline is wired to the writers in outputs/. Errors are handled here, once: a MonitorError is
 * printed as its Dutch message with its exit code; anything else is a bug (exit 1, stack with --debug).
 */
import { parseArgs } from 'node:util';
import { MonitorError, UsageError } from '../../sources/errors.ts';
import { COMMON_OPTIONS, type Command, type Io } from './command.ts';
import { buildCommand } from './commands/build.ts';
import { correctionsCommand } from './commands/corrections.ts';
import { diffCommand } from './commands/diff.ts';
import { fetchCommand } from './commands/fetch.ts';
import { importCommand } from './commands/import.ts';
import { importsCommand } from './commands/imports.ts';
import { reportCommand } from './commands/report.ts';
import { runCommand } from './commands/run.ts';
import { scheduleCommand } from './commands/schedule.ts';

const COMMANDS: readonly Command[] = [
  importCommand,
  importsCommand,
  buildCommand,
  reportCommand,
  diffCommand,
  correctionsCommand,
  runCommand,
  fetchCommand,
  scheduleCommand,
];

const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export async function main(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    await dispatch(argv, io);
    return 0;
  } catch (error) {
    return reportError(error, debug, io);
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(`onbekend commando '${name}'\n\n${overview()}`);

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${translateParseError(error)}\n\n${command.usage}`);
  }
  if (parsed.values['help']) {
    io.out(command.usage);
    return;
  }
  const { min, max } = command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new UsageError(`verkeerd aantal argumenten voor '${command.name}'\n\n${command.usage}`);
  }
  await command.run({ positionals: parsed.positionals, values: parsed.values }, io);
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'lsp-monitor: de monitor "Stand van het land" van laagdrempelige steunpunten',
    '',
    'Gebruik: lsp-monitor <commando> [opties]',
    '',
    'Commando\'s:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Meer over een commando: lsp-monitor <commando> --help',
  ].join('\n');
}

function translateParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `onbekende optie '${unknown[1]}'`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `optie '${missing[1]}' heeft een waarde nodig`;
  return `ongeldige opties: ${message}`;
}

function reportError(error: unknown, debug: boolean, io: Io): number {
  if (error instanceof MonitorError) {
    io.err(`fout: ${error.message}`);
    if (debug && error.cause instanceof Error) io.err(error.cause.stack ?? String(error.cause));
    return error.exitCode;
  }
  io.err(`interne fout: ${error instanceof Error ? error.message : String(error)}`);
  io.err(debug && error instanceof Error ? (error.stack ?? '') : 'Draai opnieuw met --debug voor technische details.');
  return 1;
}
