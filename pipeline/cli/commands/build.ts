import { parseMonitorYear } from '../../config/config.ts';
import { createContext } from '../../context.ts';
import { buildYear, type BuildSummary } from '../../stages/build-year.ts';
import { COMMON_USAGE, withWritableDatabase, requiredOption, stringOption, type Command, type Io } from '../command.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: 'bereken locaties, grootte en dekking van een monitorjaar (in de database)',
  usage: `Gebruik: lsp-monitor build --year <jaar> [--db <bestand>]

Bouwt uit de ingelezen gegevens de locaties (met grootteklasse en gewicht) en de dekking per
gemeente, IZA-regio, provincie en landelijk, volgens de methode die voor dat jaar is ingesteld.
Schrijft alleen in de database, geen bestanden: 'lsp-monitor report' maakt er de monitor van.

Opties:
  --year <jaar>        monitorjaar (verplicht)

${COMMON_USAGE}`,
  options: { year: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const year = parseMonitorYear(requiredOption(values, 'year'));
    const context = createContext({ configPath: stringOption(values, 'config') });
    const summary = await withWritableDatabase(values, 'build', (database) => buildYear(database, context, year));
    printBuildSummary(summary, io);
  },
};

export function printBuildSummary(summary: BuildSummary, io: Io): void {
  io.out(
    `Monitor ${summary.year} gebouwd (methode ${summary.method}): ${summary.inView} steunpunten in beeld, gewogen ${summary.weighted}.`,
  );
}
