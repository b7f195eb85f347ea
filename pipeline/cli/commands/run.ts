import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReport } from '../../../outputs/write-report.ts';
import { BUNDLED_INVENTORIES, bundledYears } from '../../../sources/inventories/index.ts';
import { createContext } from '../../context.ts';
import { readReportInput } from '../../read-report-input.ts';
import { buildYear } from '../../stages/build-year.ts';
import { importInventory } from '../../stages/import-inventory.ts';
import { importSnapshot, replayEpaShares, snapshotsForYear, snapshotYears } from '../../stages/replay-snapshots.ts';
import { DEFAULT_ARCHIVE } from './fetch.ts';
import { COMMON_USAGE, withWritableDatabase, stringOption, type Command } from '../command.ts';
import { printBuildSummary } from './build.ts';
import { printImportSummary } from './import.ts';

const DEFAULT_REPORTS = fileURLToPath(new URL('../../../reports/', import.meta.url));

export const runCommand: Command = {
  name: 'run',
  summary: 'de hele monitor op de meegeleverde gegevens: import, build en report per jaar',
  usage: `Gebruik: lsp-monitor run [--reports <map>] [--db <bestand>]

Leest per monitorjaar de meegeleverde, gepubliceerde inventarisatie in (2024: De Galan). Voor
een jaar zonder gepubliceerde inventarisatie speelt het de momentopnamen van de bronnen
(MIND-atlas, NVZH) van dat jaar af: uit het archief van 'lsp-monitor fetch --online', anders de
meegeleverde. Bouwt daarna elk jaar en schrijft het naar <map>/<jaar>/ (standaard:
de map reports/ van lsp-monitor). Heeft geen netwerk nodig. Twee keer draaien geeft byte voor
byte dezelfde bestanden.

Opties:
  --reports <map>      map voor de rapporten per jaar
  --archive <map>      archief met momentopnamen (standaard: ./archief)

${COMMON_USAGE}`,
  options: { reports: { type: 'string' }, archive: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const reportsRoot = stringOption(values, 'reports') ?? DEFAULT_REPORTS;
    const archiveDir = stringOption(values, 'archive') ?? DEFAULT_ARCHIVE;
    const context = createContext({ configPath: stringOption(values, 'config') });
    await withWritableDatabase(values, 'run', async (database) => {
      const epa = await replayEpaShares(database, context, archiveDir, io.err);
      if (epa) io.out(`EPA-aandeel per gemeente (Vektis, archief): ${epa.municipalities} gemeenten voor ${epa.years.join(', ')}.`);
      const years = [...new Set([...bundledYears(), ...(await snapshotYears(archiveDir))])].sort();
      for (const year of years) {
        for (const inventory of BUNDLED_INVENTORIES.filter((candidate) => candidate.year === year)) {
          printImportSummary(await importInventory(database, context, { path: inventory.path, year, source: inventory.source }), io);
        }
        // A published inventory (desk research over all sources, De Galan 2024) is that year's list;
        // the raw source snapshots are replayed for years that have none.
        const published = BUNDLED_INVENTORIES.some((candidate) => candidate.year === year);
        for (const choice of published ? [] : await snapshotsForYear(year, archiveDir)) {
          printImportSummary(await importSnapshot(database, context, year, choice), io);
        }
        printBuildSummary(await buildYear(database, context, year), io);
        const directory = join(reportsRoot, String(year));
        const files = await writeReport(await readReportInput(database, year), directory);
        io.out(`Monitor ${year} geschreven naar ${directory}: ${files.length} bestanden.`);
      }
    });
  },
};
