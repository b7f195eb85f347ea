import { TIME_ZONE } from '../../../sources/archive/dutch-date.ts';
import { COMMON_USAGE, type CommandHelp } from '../command.ts';
import { DEFAULT_ARCHIVE } from '../defaults.ts';


export const SCHEDULE_USAGE = `Gebruik: lsp-monitor schedule --cron "<uitdrukking>" [--then build,report] [--source <bron>]
                            [--archive <map>] [--strict] [--year <jaar>] [--reports <map>]

Blijft draaien en haalt op de tijden van de cron-uitdrukking (tijdzone ${TIME_ZONE}) de bronnen op,
zoals 'lsp-monitor fetch --online', en doet daarna de stappen van --then. Een run die nog loopt
wordt niet nog eens gestart, ook niet door een ander lsp-monitor-proces (vergrendeling naast de
database). Een mislukte run komt in het log en het schema gaat door. Stoppen: Ctrl-C.
Schrijft de momentopnamen in het archief; met --then report de monitor van --year naar
<map>/<jaar>/, met --then run alle jaren naar <map>/ (<map>: --reports, standaard reports/).

Opties:
  --cron <uitdrukking> wanneer (verplicht), bijvoorbeeld "0 4 * * 1" voor elke maandag om 04:00
  --then <stappen>     daarna, met komma's: build, report, run
  --source <bron>      alleen deze bron
  --archive <map>      archief met momentopnamen (standaard: ./${DEFAULT_ARCHIVE})
  --strict             een bron die niet kan worden opgehaald laat de run mislukken
  --year <jaar>        monitorjaar voor build en report (standaard: het jaar waarin de run start)
  --reports <map>      map voor de rapporten per jaar (standaard: de map reports/ van lsp-monitor)

${COMMON_USAGE}`;

export const scheduleHelp: CommandHelp = {
  name: 'schedule',
  summary: 'haal de bronnen op schema op (cron), eventueel gevolgd door build en report',
  usage: SCHEDULE_USAGE,
  options: {
    cron: { type: 'string' },
    then: { type: 'string' },
    source: { type: 'string' },
    archive: { type: 'string' },
    strict: { type: 'boolean' },
    year: { type: 'string' },
    reports: { type: 'string' },
  },
  required: ['cron'],
  positionals: { min: 0, max: 0 },
};
