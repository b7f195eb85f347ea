import { checkFolderTarget } from '../../../outputs/write-atomic.ts';
import { writeReport } from '../../../outputs/write-report.ts';
import { pdfPrinter } from '../../../outputs/pdf/chromium.ts';
import { loadConfig, parseMonitorYear } from '../../config/config.ts';
import { withDatabase } from '../../db/database.ts';
import { readReportInput } from '../../read-report-input.ts';
import { assertReportable } from '../../stages/build-freshness.ts';
import { COMMON_USAGE, databasePath, requiredOption, stringOption, type Command } from '../command.ts';
import { countNl } from '../../format-nl.ts';

export const reportCommand: Command = {
  name: 'report',
  summary: 'schrijf de monitor (rapport, figuren, CSV-exports en Excel-overzicht) van een gebouwd jaar',
  usage: `Gebruik: lsp-monitor report --year <jaar> --out <map> [--db <bestand>]

Schrijft de monitor van een gebouwd jaar naar de map: het rapport (monitor.md, monitor.html en,
als Chromium er is, monitor.pdf op A4, met de figuren), de figuren als SVG in figuren/, de
CSV-exports (locaties.csv, nederland.csv, provincies.csv, iza-regios.csv, gemeenten.csv,
afgewezen.csv, te-beoordelen.csv, afstand.csv, bereik.csv, witte-vlekken.csv, kenmerken.csv;
met een eerder gebouwd jaar ook verschillen.csv en verschillen-per-regio.csv) en het bewerkbare
Excel-overzicht overzicht.xlsx. Zie reports/README.md voor de kolommen. Zonder Chromium
(apt-get install chromium) zegt report in één regel dat de PDF is overgeslagen.

De map wordt als geheel vervangen: wie meekijkt of het schrijven onderbreekt, ziet de hele
vorige of de hele nieuwe monitor. Een map met andere bestanden dan die van de monitor wordt
geweigerd. Is de build van het jaar ouder dan een import, correctie of de configuratie, dan
weigert report en zegt het welke build eerst nodig is.

Opties:
  --year <jaar>        monitorjaar (verplicht)
  --out <map>          doelmap (verplicht)

${COMMON_USAGE}`,
  options: { year: { type: 'string' }, out: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const year = parseMonitorYear(requiredOption(values, 'year'));
    const directory = requiredOption(values, 'out');
    const config = loadConfig(stringOption(values, 'config'));
    await checkFolderTarget(directory);
    const input = await withDatabase(databasePath(values), async (database) => {
      await assertReportable(database, config, year);
      return readReportInput(database, year);
    });
    const { chromium, skipNotice } = pdfPrinter();
    if (skipNotice !== undefined) io.out(skipNotice);
    const files = await writeReport(input, directory, { chromium, notice: io.out });
    io.out(`Monitor ${year} geschreven naar ${directory}: ${countNl(files.length, 'bestand', 'bestanden')}.`);
  },
};
