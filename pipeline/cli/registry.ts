/**
 * The commands of lsp-monitor, in the order --help lists them. Each is its help (light, imported
 * now) and a loader for what it does: a command's module, and with it DuckDB, exceljs, vega or
 * cheerio, is imported only when that command runs.
 */
import type { Command, CommandHelp } from './command.ts';
import { buildHelp } from './help/build.ts';
import { correctionsHelp } from './help/corrections.ts';
import { diffHelp } from './help/diff.ts';
import { fetchHelp } from './help/fetch.ts';
import { importHelp } from './help/import.ts';
import { importsHelp } from './help/imports.ts';
import { panelHelp } from './help/panel.ts';
import { reportHelp } from './help/report.ts';
import { runHelp } from './help/run.ts';
import { scheduleHelp } from './help/schedule.ts';

export interface RegisteredCommand {
  help: CommandHelp;
  load: () => Promise<Command>;
}

export const COMMANDS: readonly RegisteredCommand[] = [
  { help: importHelp, load: async () => (await import('./commands/import.ts')).importCommand },
  { help: importsHelp, load: async () => (await import('./commands/imports.ts')).importsCommand },
  { help: buildHelp, load: async () => (await import('./commands/build.ts')).buildCommand },
  { help: reportHelp, load: async () => (await import('./commands/report.ts')).reportCommand },
  { help: diffHelp, load: async () => (await import('./commands/diff.ts')).diffCommand },
  { help: panelHelp, load: async () => (await import('./commands/panel.ts')).panelCommand },
  { help: correctionsHelp, load: async () => (await import('./commands/corrections.ts')).correctionsCommand },
  { help: runHelp, load: async () => (await import('./commands/run.ts')).runCommand },
  { help: fetchHelp, load: async () => (await import('./commands/fetch.ts')).fetchCommand },
  { help: scheduleHelp, load: async () => (await import('./commands/schedule.ts')).scheduleCommand },
];
