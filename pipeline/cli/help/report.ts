import { COMMON_USAGE, type CommandHelp } from '../command.ts';

export const reportHelp: CommandHelp = {
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
  required: ['year', 'out'],
  positionals: { min: 0, max: 0 },
};
