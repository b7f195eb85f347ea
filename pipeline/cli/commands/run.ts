import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReport } from '../../../outputs/write-report.ts';
import { BUNDLED_INVENTORIES, bundledYears } from '../../../sources/inventories/index.ts';
import { createContext } from '../../context.ts';
import { readReportInput } from '../../read-report-input.ts';
import { buildYear } from '../../stages/build-year.ts';
import { importInventory } from '../../stages/import-inventory.ts';
import { COMMON_USAGE, withWritableDatabase, stringOption, type Command } from '../command.ts';
import { printBuildSummary } from './build.ts';
import { printImportSummary } from './import.ts';

const DEFAULT_REPORTS = fileURLToPath(new URL('../../../reports/', import.meta.url));

export const runCommand: Command = {
  name: 'run',
  summary: 'de hele monitor op de meegeleverde gegevens: import, build en report per jaar',
  usage: `Gebruik: lsp-monitor run [--reports <map>] [--db <bestand>]

Leest de meegeleverde inventarisaties in, bouwt elk monitorjaar en schrijft het naar
<map>/<jaar>/ (standaard: de map reports/ van lsp-monitor). Heeft geen netwerk nodig.
Twee keer draaien geeft byte voor byte dezelfde bestanden.

Opties:
  --reports <map>      map voor de rapporten per jaar

${COMMON_USAGE}`,
  options: { reports: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const reportsRoot = stringOption(values, 'reports') ?? DEFAULT_REPORTS;
    const context = createContext({ configPath: stringOption(values, 'config') });
    await withWritableDatabase(values, 'run', async (database) => {
      for (const year of bundledYears()) {
        for (const inventory of BUNDLED_INVENTORIES.filter((candidate) => candidate.year === year)) {
          printImportSummary(await importInventory(database, context, { path: inventory.path, year, source: inventory.source }), io);
        }
        printBuildSummary(await buildYear(database, context, year), io);
        const directory = join(reportsRoot, String(year));
        const files = await writeReport(await readReportInput(database, year), directory);
        io.out(`Monitor ${year} geschreven naar ${directory}: ${files.length} bestanden.`);
      }
    });
  },
};
