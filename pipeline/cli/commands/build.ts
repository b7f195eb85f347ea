import { parseMonitorYear } from '../../config/config.ts';
import { createContext } from '../../context.ts';
import { buildYear } from '../../build/build-year.ts';
import { requiredOption, stringOption, type Command } from '../command.ts';
import { buildHelp } from '../help/build.ts';
import { printBuildSummary } from '../summaries.ts';
import { withWritableDatabase } from '../writable-database.ts';

export const buildCommand: Command = {
  ...buildHelp,
  async run({ values }, io) {
    const year = parseMonitorYear(requiredOption(values, 'year'));
    const context = createContext({ configPath: stringOption(values, 'config') });
    const summary = await withWritableDatabase(values, 'build', (database) => buildYear(database, context, year));
    printBuildSummary(summary, io);
  },
};
