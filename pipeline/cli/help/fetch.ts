import { COMMON_USAGE, type CommandHelp } from '../command.ts';
import { DEFAULT_ARCHIVE } from '../defaults.ts';

export const SETTINGS_FILE = 'sources/adapters/sources.settings.json';

export const FETCH_USAGE = `Gebruik: lsp-monitor fetch [--online | --check] [--source <bron>] [--archive <map>] [--strict]

Zonder --online wordt niets opgehaald: per webbron staat er welke momentopname wordt gebruikt, de
laatste goede uit het archief of anders de meegeleverde. Met --online wordt elke webbron (of alleen
--source) opgehaald, als nieuwe momentopname in het archief bewaard (standaard ./archief) en
gecontroleerd. Lukt dat niet, dan blijft de vorige goede momentopname in gebruik en staat er een
waarschuwing (LET OP). fetch schrijft alleen in het archief; 'lsp-monitor run' leest het.

Bronnen die als bestand binnenkomen worden niet opgehaald: lees ze in met
'lsp-monitor import <bestand> --source <bron>'. Instellingen per bron (adressen, tabellen, jaren)
staan in ${SETTINGS_FILE}; een webbron zonder een verplichte instelling wordt overgeslagen
("niet ingesteld").

Met --check wordt per bron met een onzekere sitebeschrijving (mind-atlas, nvzh) één pagina per
adres opgehaald en niets bewaard: per verwacht onderdeel (lijstitem, veld, sleutel, vervolglink)
staat er hoe vaak het gevonden is, of dat het ontbreekt. Ontbreekt er iets, pas dan de
sitebeschrijving aan (sources/adapters/<bron>.site.ts; gegevens, geen code). Fout (1) als een
verplicht onderdeel ontbreekt. Net als --online is een contactadres nodig
(omgevingsvariabele LSP_MONITOR_CONTACT) en wordt robots.txt gevolgd.

Vektis (vektis-epa) levert geen open EPA-cijfers: deze bron leest een EPA-tabel per gemeente
(kolommen gemeentenaam zoals Vektis die schrijft, percentage_epa of aantal_epa en
aantal_verzekerden; het jaar uit een kolom jaar, de instelling year of de bestandsnaam
…_2022.csv). Een kostenbestand van Vektis (Zorgverzekeringswet) wordt met reden geweigerd.
Zie sources/adapters/README.md, "Vektis".

Opties:
  --online             haal de bronnen echt op (standaard: niets ophalen)
  --check              controleer de sitebeschrijving tegen één pagina van de bron; bewaart niets
  --source <bron>      alleen deze bron
  --archive <map>      archief met momentopnamen (standaard: ./${DEFAULT_ARCHIVE})
  --strict             stop met een fout als een bron niet kan worden opgehaald

${COMMON_USAGE}`;

export const fetchHelp: CommandHelp = {
  name: 'fetch',
  summary: 'haal de bronnen op in het archief (met --online), of toon welke momentopnamen worden gebruikt',
  usage: FETCH_USAGE,
  options: {
    online: { type: 'boolean' },
    source: { type: 'string' },
    archive: { type: 'string' },
    strict: { type: 'boolean' },
    check: { type: 'boolean' },
  },
  positionals: { min: 0, max: 0 },
};
