import { join } from 'node:path';
import { codebookExports } from '../../../outputs/csv/codebook.ts';
import type { ColumnDoc } from '../../../outputs/csv/exports.ts';
import { PANEL_COLUMNS, panelFile } from '../../../outputs/csv/panel.ts';
import { writeFileAtomic } from '../../../sources/write-file-atomic.ts';
import { UsageError } from '../../../sources/errors.ts';
import { loadConfig } from '../../config/config.ts';
import { withDatabase } from '../../db/database.ts';
import { csvToTypedParquet, type ParquetType } from '../../db/typed-parquet.ts';
import { readPanel } from '../../read/read-panel.ts';
import { assertReportable } from '../../build/build-freshness.ts';
import { databasePath, requiredOption, stringOption, type Command } from '../command.ts';
import { panelHelp } from '../help/panel.ts';

const PARQUET_TYPES: Record<ColumnDoc['type'], ParquetType> = { tekst: 'VARCHAR', 'geheel getal': 'BIGINT', getal: 'DOUBLE' };

export const panelCommand: Command = {
  ...panelHelp,
  async run({ values }, io) {
    const directory = requiredOption(values, 'out');
    const format = stringOption(values, 'format') ?? 'csv';
    if (format !== 'csv' && format !== 'parquet') throw new UsageError(`optie --format: onbekend formaat '${format}'; kies csv of parquet`);
    const config = loadConfig(stringOption(values, 'config'));
    await withDatabase(databasePath(values), async (database) => {
      const panel = await readPanel(database);
      for (const year of panel.years) await assertReportable(database, config, year);
      const panelCsv = panelFile(panel.rows);
      for (const file of [panelCsv, ...codebookExports(panel.parameters)]) await writeFileAtomic(join(directory, file.name), file.content);
      if (format === 'parquet') {
        const columns = PANEL_COLUMNS.map((column) => ({ name: column.header, type: PARQUET_TYPES[column.doc.type] }));
        await csvToTypedParquet(database, join(directory, panelCsv.name), join(directory, 'panel.parquet'), columns);
      }
      const years = panel.years.length === 1 ? `jaar ${panel.years[0]}` : `de jaren ${panel.years.join(', ')}`;
      io.out(`Panel van ${years} geschreven naar ${directory}: ${panel.rows.length} ${panel.rows.length === 1 ? 'rij' : 'rijen'}, met het codeboek.`);
    });
  },
};
