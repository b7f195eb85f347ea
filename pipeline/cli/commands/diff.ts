import { join } from 'node:path';
import { diffExports } from '../../../outputs/csv/diff-exports.ts';
import { writeFileAtomic } from '../../../outputs/write-atomic.ts';
import { UsageError } from '../../../sources/errors.ts';
import { parseMonitorYear } from '../../config/config.ts';
import { withDatabase } from '../../db/database.ts';
import { csvToParquet } from '../../db/parquet.ts';
import { diffSummaryNl, diffYears, methodChangeNl } from '../../stages/diff-years.ts';
import { COMMON_USAGE, databasePath, stringOption, type Command } from '../command.ts';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'vergelijk twee monitorjaren: nieuwe, verdwenen en gewijzigde steunpunten',
  usage: `Gebruik: lsp-monitor diff <jaar1> <jaar2> [--out <map>] [--format csv|parquet] [--db <bestand>]

Vergelijkt twee gebouwde monitorjaren per steunpunt (op zijn vaste location_id) en per provincie
en IZA-regio, en toont een samenvatting. Het verschil per gebied wordt uitgesplitst: door de
methode (het eerste jaar geteld zoals het tweede jaar telt, als de jaren een andere methode
gebruiken), nieuw in beeld, niet meer in beeld en verhuisd. Zonder --out schrijft het geen
bestanden. Met --out schrijft het verschillen.csv en verschillen-per-regio.csv naar de map, met
--format parquet ook verschillen.parquet en verschillen-per-regio.parquet.

Opties:
  --out <map>          doelmap voor de bestanden
  --format <formaat>   csv (standaard) of parquet

${COMMON_USAGE}`,
  options: { out: { type: 'string' }, format: { type: 'string' } },
  positionals: { min: 2, max: 2 },
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
