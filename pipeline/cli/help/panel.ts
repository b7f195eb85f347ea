import { COMMON_USAGE, type CommandHelp } from '../command.ts';

export const panelHelp: CommandHelp = {
  name: 'panel',
  summary: 'schrijf alle gebouwde jaren als één panelbestand per steunpunt en jaar, met een codeboek',
  usage: `Gebruik: lsp-monitor panel --out <map> [--format csv|parquet] [--db <bestand>]

Schrijft panel.csv naar de map: per gebouwd monitorjaar een rij per steunpunt, met alle kolommen
van locaties.csv, het jaar (jaar) en de verandering tegen het vorige gebouwde jaar (verandering,
toelichting: zoals lsp-monitor diff die geeft). Een steunpunt dat niet meer in beeld is, heeft een
rij in het jaar waarin het verdween. Gesorteerd op jaar en location_id. Schrijft ook het codeboek
van alle kolommen van de monitor: codebook.csv en codebook.md. Met --format parquet komt er
panel.parquet bij, met de typen uit het codeboek. Elk gebouwd jaar moet bijgewerkt zijn.

Opties:
  --out <map>          doelmap (verplicht)
  --format <formaat>   csv (standaard) of parquet

${COMMON_USAGE}`,
  options: { out: { type: 'string' }, format: { type: 'string' } },
  required: ['out'],
  positionals: { min: 0, max: 0 },
};
