import { COMMON_USAGE, type CommandHelp } from '../command.ts';

export const correctionsHelp: CommandHelp = {
  name: 'corrections',
  summary: 'neem de wijzigingen uit een bewerkt overzicht.xlsx over',
  usage: `Gebruik: lsp-monitor corrections <overzicht.xlsx> --year <jaar> [--partial] [--dry-run] [--db <bestand>]

Leest een bewerkt Excel-overzicht (gemaakt door 'lsp-monitor report') en neemt de wijzigingen over:
grootte, status, naam, gemeente, opmerkingen en andere bewerkbare kolommen, nieuwe rijen zonder id
(nieuwe steunpunten) en beslissingen over mogelijke dubbelingen. Elke wijziging wordt gecontroleerd;
een bestand met een ongeldige wijziging wordt in zijn geheel geweigerd, tenzij --partial.
Een overzicht van een ander monitorjaar wordt altijd geweigerd.
De wijzigingen worden bewaard als eigen bron en gelden voor elke volgende build van dit en latere jaren.
Het jaar en elk later gebouwd jaar worden in dezelfde stap opnieuw gebouwd: lukt dat niet, dan is
er niets overgenomen. Schrijft alleen in de database, geen bestanden: maak daarna de monitor
opnieuw met 'lsp-monitor report'. Hetzelfde bestand nog eens overnemen verandert niets.

Opties:
  --year <jaar>        monitorjaar van het overzicht (verplicht)
  --partial            neem de geldige wijzigingen over en sla rijen met fouten over
  --dry-run            toon wat er zou veranderen, zonder iets over te nemen

${COMMON_USAGE}`,
  options: { year: { type: 'string' }, partial: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  required: ['year'],
  positionals: { min: 1, max: 1 },
};
