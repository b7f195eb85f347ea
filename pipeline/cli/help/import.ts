import { COMMON_USAGE, type CommandHelp } from '../command.ts';

export const importHelp: CommandHelp = {
  name: 'import',
  summary: 'lees een inventarisatie (CSV of XLSX) in voor een monitorjaar',
  usage: `Gebruik: lsp-monitor import <bestand> --year <jaar> [--source <naam>] [--sheet <werkblad>] [--replace] [--db <bestand>]

Leest een lijst steunpunten (CSV met komma of puntkomma, UTF-8 of Windows-1252; of XLSX) in.
Elke rij wordt gecontroleerd; een rij die niet bruikbaar is, wordt met rij, veld en reden gemeld
(alle staan in afgewezen.csv na 'lsp-monitor report'). Schrijft alleen in de database,
geen bestanden; kolommen die de monitor niet kent, worden gemeld en niet bewaard.
Een nieuwe import van dezelfde bron en hetzelfde jaar vervangt de vorige; de melding zegt welke
(bestand, datum, rijen), en de vorige blijft bewaard ('lsp-monitor imports restore' zet haar terug).
Een bestand zonder bruikbare rijen, of met minder dan de helft van de rijen die het vervangt,
wordt geweigerd tenzij --replace is gegeven; de database blijft dan zoals hij was.
Een nieuwe bron in een jaar dat al bronnen heeft, komt naast die bronnen: de melding noemt ze.
'lsp-monitor imports --year <jaar>' toont de imports van een jaar.
Met --source survey leest het een zelfevaluatie op de tien kenmerken in (kolommen naam,
gemeente of locatie-id, kenmerk 1 … kenmerk 10 met ja / in enige mate / nee / weet ik niet);
de antwoorden worden gekoppeld aan de steunpunten van het (gebouwde) jaar. Met --source
vektis-epa leest het het EPA-aandeel per gemeente van Vektis in (puntkomma-CSV met de
gemeentenamen zoals Vektis ze schrijft); het jaar van de cijfers komt uit een kolom jaar, uit de
bestandsnaam (…_2022.csv) of uit de instelling year van de bron, niet uit --year. Een
kostenbestand van Vektis (Zorgverzekeringswet, zonder EPA-kolom) wordt geweigerd. Met --source
regional-corrections leest het correcties van een regiocoördinator in (kolommen naam, gemeente,
plaats, iza-regio, soort: gesloten / geen steunpunt / nieuw / potentieel / grootte, grootte,
opmerking, locatie-id); die worden als correcties bewaard en het jaar en elk later gebouwd jaar
worden opnieuw gebouwd, in één transactie.

Opties:
  --year <jaar>        monitorjaar (verplicht)
  --source <naam>      naam van de bron (standaard: de bestandsnaam)
  --sheet <werkblad>   werkblad in een XLSX-bestand (standaard: het eerste)
  --replace            vervang de vorige import van deze bron ook als het nieuwe bestand
                       geen of veel minder bruikbare rijen heeft

${COMMON_USAGE}`,
  options: { year: { type: 'string' }, source: { type: 'string' }, sheet: { type: 'string' }, replace: { type: 'boolean' } },
  required: ['year'],
  positionals: { min: 1, max: 1 },
};
