import { join } from 'node:path';
import { diffExports } from '../../../outputs/csv/diff-exports.ts';
import { writeFileAtomic } from '../../../sources/write-file-atomic.ts';
import { UsageError } from '../../../sources/errors.ts';
import { parseMonitorYear } from '../../config/config.ts';
import { withDatabase } from '../../db/database.ts';
import { csvToParquet } from '../../db/parquet.ts';
import { diffSummaryNl, diffYears, methodChangeNl } from '../../read/diff-years.ts';
import { databasePath, stringOption, type Command } from '../command.ts';
import { diffHelp } from '../help/diff.ts';

export const diffCommand: Command = {
  ...diffHelp,
  async run({ positionals, values }, io) {
    const [from, to] = positionals.map((year) => parseMonitorYear(year)) as [number, number];
    if (from === to) throw new UsageError('kies twee verschillende jaren');
    const format = stringOption(values, 'format') ?? 'csv';
    if (format !== 'csv' && format !== 'parquet') throw new UsageError(`onbekend formaat '${format}'; kies csv of parquet`);
    const directory = stringOption(values, 'out');
    await withDatabase(databasePath(values), async (database) => {
      const diff = await diffYears(database, from, to);
      io.out(diffSummaryNl(diff));
      const methodChange = methodChangeNl(diff);
      if (methodChange !== '') io.out(methodChange);
      if (directory === undefined) return;
      for (const file of diffExports(diff)) {
        const csvPath = join(directory, file.name);
        await writeFileAtomic(csvPath, file.content);
        if (format === 'parquet') await csvToParquet(database, csvPath, csvPath.replace(/\.csv$/, '.parquet'));
      }
      io.out(`Verschillen geschreven naar ${directory}.`);
    });
  },
};
