import { COMMON_USAGE, type CommandHelp } from '../command.ts';

// 'inputs.json' is INPUTS_FILE of sources/inventories/index.ts, written out: that module brings
// zod, which --help does not need (test/cli/lazy-commands.test.ts checks they agree).
const INPUTS_FILE = 'inputs.json';

export const runHelp: CommandHelp = {
  name: 'run',
  summary: 'de hele monitor op de meegeleverde gegevens: import, build en report per jaar',
  usage: `Gebruik: lsp-monitor run [--reports <map>] [--inventories <map>] [--replace] [--db <bestand>]

Leest per monitorjaar de meegeleverde invoer in: elke map in sources/inventories/ met een
${INPUTS_FILE} (jaar, titel en de bestanden in volgorde: de lijst, daarna eventueel regionale
correcties, zelfevaluaties, een EPA-tabel of het bewerkte Excel-overzicht (bron correcties) van
dat jaar; 2024: De Galan). Voor een jaar zonder meegeleverde lijst speelt het de momentopnamen van de bronnen (MIND-atlas, NVZH) van dat jaar
af: uit het archief van 'lsp-monitor fetch --online', anders de meegeleverde. Bouwt daarna elk
jaar en schrijft het naar <map>/<jaar>/ (standaard: de map reports/ van lsp-monitor), met
monitor.pdf als Chromium er is (apt-get install chromium); zonder Chromium zegt run in één regel
dat de PDF is overgeslagen. Heeft geen netwerk nodig. Twee keer draaien geeft byte voor byte
dezelfde bestanden (behalve monitor.pdf en overzicht.xlsx, die niet in git staan).
Een jaar waarvan <map>/<jaar>/ al bestaat (een gepubliceerde monitor) maar waarvan de invoer
ontbreekt, wordt niet overgeslagen: run stopt dan voordat er iets verandert en zegt welk jaar.

Opties:
  --reports <map>      map voor de rapporten per jaar
  --inventories <map>  map met de meegeleverde invoer per jaar (standaard: sources/inventories)
  --archive <map>      archief met momentopnamen (standaard: ./archief)
  --replace            neem een momentopname ook over als ze geen of minder dan de helft van
                       de bruikbare rijen heeft van de momentopname die ze vervangt (ook de
                       EPA-tabel van Vektis: minder dan de helft van de gemeenten van een jaar)

${COMMON_USAGE}`,
  options: { reports: { type: 'string' }, inventories: { type: 'string' }, archive: { type: 'string' }, replace: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
};
