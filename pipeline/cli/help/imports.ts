import { COMMON_USAGE, type CommandHelp } from '../command.ts';

export const importsHelp: CommandHelp = {
  name: 'imports',
  summary: 'toon, verwijder of herstel de imports van een monitorjaar',
  usage: `Gebruik: lsp-monitor imports --year <jaar> [--db <bestand>]
       lsp-monitor imports remove --year <jaar> --source <bron> [--db <bestand>]
       lsp-monitor imports restore --year <jaar> --source <bron> [--db <bestand>]

Zonder actie: toont wat er voor het jaar is ingelezen. Per bron van steunpunten: bestand,
sha256 (eerste 12 tekens), tijd, gelezen, ingelezen en afgewezen rijen; daarna de verwijderde en
vervangen imports die terug te zetten zijn, de zelfevaluaties, de correctiebestanden en het
EPA-aandeel (Vektis) met cijfers van dat jaar. Schrijft geen bestanden.

remove   haalt de import van een bron uit het jaar. Niets gaat verloren: de rijen worden
         bewaard en 'imports restore' zet ze terug. Bouw het jaar daarna opnieuw.
restore  zet de laatst verwijderde of vervangen import van de bron terug; een import die op dat
         moment in gebruik is wordt op zijn beurt bewaard, zodat ook dit terug te draaien is.

Opties:
  --year <jaar>        monitorjaar (verplicht)
  --source <bron>      de bron (bij remove en restore; 'lsp-monitor imports --year <jaar>' toont ze)

${COMMON_USAGE}`,
  options: { year: { type: 'string' }, source: { type: 'string' } },
  required: ['year'],
  positionals: { min: 0, max: 1 },
};
