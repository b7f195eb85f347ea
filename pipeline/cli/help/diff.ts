import { COMMON_USAGE, type CommandHelp } from '../command.ts';

export const diffHelp: CommandHelp = {
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
};
