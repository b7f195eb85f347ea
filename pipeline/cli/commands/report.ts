import { writeReport } from '../../../outputs/write-report.ts';
import { parseMonitorYear } from '../../config/config.ts';
import { withDatabase } from '../../db/database.ts';
import { readReportInput } from '../../read-report-input.ts';
import { COMMON_USAGE, databasePath, requiredOption, type Command } from '../command.ts';

export const reportCommand: Command = {
  name: 'report',
  summary: 'schrijf de monitor (Markdown en CSV) van een gebouwd jaar',
  usage: `Gebruik: lsp-monitor report --year <jaar> --out <map> [--db <bestand>]

Schrijft monitor.md en de exports locaties.csv, nederland.csv, provincies.csv, iza-regios.csv,
gemeenten.csv en afgewezen.csv naar de map. Zie reports/README.md voor de kolommen.

Opties:
  --year <jaar>        monitorjaar (verplicht)
  --out <map>          doelmap (verplicht)

${COMMON_USAGE}`,
  options: { year: { type: 'string' }, out: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const year = parseMonitorYear(requiredOption(values, 'year'));
    const directory = requiredOption(values, 'out');
    const input = await withDatabase(databasePath(values), (database) => readReportInput(database, year));
    const files = await writeReport(input, directory);
    io.out(`Monitor ${year} geschreven naar ${directory}: ${files.join(', ')}.`);
  },
};
