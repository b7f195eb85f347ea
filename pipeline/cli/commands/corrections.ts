import { basename } from 'node:path';
import { MonitorError } from '../../../sources/errors.ts';
import { readInventoryFile } from '../../../sources/inventory/read-table.ts';
import { parseMonitorYear } from '../../config/config.ts';
import { createContext } from '../../context.ts';
import { correctionsSummaryNl } from '../../corrections/summary.ts';
import { cappedLines } from '../../corrections/capped-lines.ts';
import { takeInWorkbook } from '../../intake/intake-workbook.ts';
import { requiredOption, stringOption, type Command } from '../command.ts';
import { correctionsHelp } from '../help/corrections.ts';
import { printBuildSummary } from '../summaries.ts';
import { withWritableDatabase } from '../writable-database.ts';

export const correctionsCommand: Command = {
  ...correctionsHelp,
  async run({ positionals, values }, io) {
    const year = parseMonitorYear(requiredOption(values, 'year'));
    const path = positionals[0]!;
    const file = basename(path);
    const context = createContext({ configPath: stringOption(values, 'config') });
    const bytes = await readInventoryFile(path, context.config.maxInputBytes);
    await withWritableDatabase(values, 'corrections', async (database) => {
      // Taken in as every intake is (intake-workbook.ts); the store decides what --partial and --dry-run apply.
      const taken = await takeInWorkbook(database, context, { path, bytes, year, partial: values['partial'] === true, dryRun: values['dry-run'] === true });
      if (taken.outcome !== 'taken-before') {
        const { errors, ignoredColumns } = taken.read;
        if (ignoredColumns.length > 0) io.out(`  niet gelezen en niet bewaard: kolom ${ignoredColumns.map((column) => `'${column}'`).join(', ')}`);
        for (const line of cappedLines(errors.map((error) => error.message))) io.err(`  ${line}`);
        if (taken.outcome === 'refused') {
          throw new MonitorError(`${errors.length} ongeldige wijziging(en); er is niets overgenomen (gebruik --partial om de geldige wel over te nemen)`, {
            location: { file },
          });
        }
      }
      if (taken.outcome === 'dry-run' || taken.outcome === 'applied') for (const line of cappedLines(correctionsSummaryNl(taken.accepted))) io.out(`  ${line}`);
      for (const line of taken.lines) io.out(line);
      if (taken.outcome === 'taken-before' || taken.outcome === 'applied') for (const build of taken.builds) printBuildSummary(build, io);
    });
  },
};
