import { COMMON_USAGE, type CommandHelp } from '../command.ts';

export const buildHelp: CommandHelp = {
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
  required: ['year'],
  positionals: { min: 0, max: 0 },
};
