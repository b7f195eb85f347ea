import { UsageError } from '../../../sources/errors.ts';
import { parseMonitorYear } from '../../config/config.ts';
import { createContext } from '../../context.ts';
import { SOURCE_ADAPTERS } from '../../../sources/adapters/registry.ts';
import { importFileSource, importsFilesOf } from '../../intake/import-file-source.ts';
import { importInventory } from '../../intake/import-inventory.ts';
import { requiredOption, stringOption, type Command } from '../command.ts';
import { importHelp } from '../help/import.ts';
import { printImportSummary } from '../summaries.ts';
import { withWritableDatabase } from '../writable-database.ts';

export const importCommand: Command = {
  ...importHelp,
  async run({ positionals, values }, io) {
    const year = parseMonitorYear(requiredOption(values, 'year'));
    const source = stringOption(values, 'source');
    if (source !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(source)) {
      throw new UsageError(`bronnaam '${source}' mag alleen kleine letters, cijfers en '-' bevatten`);
    }
    const sheet = stringOption(values, 'sheet');
    const context = createContext({ configPath: stringOption(values, 'config') });
    const fileSource = SOURCE_ADAPTERS.find((adapter) => adapter.id === source && importsFilesOf(adapter.id));
    if (fileSource) {
      const lines = await withWritableDatabase(values, 'import', (database) =>
        importFileSource(database, context, fileSource, { path: positionals[0]!, year, ...(sheet === undefined ? {} : { sheet }), replace: values['replace'] === true }),
      );
      for (const line of lines) io.out(line);
      return;
    }
    const summary = await withWritableDatabase(values, 'import', (database) =>
      importInventory(database, context, {
        path: positionals[0]!,
        year,
        ...(source === undefined ? {} : { source }),
        ...(sheet === undefined ? {} : { sheet }),
        replace: values['replace'] === true,
      }),
    );
    printImportSummary(summary, io);
  },
};
