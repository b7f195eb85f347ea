import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { MonitorError } from '../../../sources/errors.ts';
import { readInventoryFile } from '../../../sources/inventory/read-table.ts';
import { parseMonitorYear } from '../../config/config.ts';
import { createContext } from '../../context.ts';
import { correctionsSummaryNl } from '../../corrections/index.ts';
import { applyCorrections, type AppliedCorrections } from '../../corrections/apply.ts';
import { buildsOf, takenBeforeLineNl } from '../../corrections/applied-summary.ts';
import { cappedLines } from '../../corrections/capped-lines.ts';
import { alreadyApplied } from '../../corrections/store.ts';
import { workbookChanges } from '../../corrections/workbook-changes.ts';
import { COMMON_USAGE, requiredOption, stringOption, withWritableDatabase, type Command, type Io } from '../command.ts';
import { printBuildSummary } from './build.ts';

export const correctionsCommand: Command = {
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
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    const year = parseMonitorYear(requiredOption(values, 'year'));
    const path = positionals[0]!;
    const file = basename(path);
    const context = createContext({ configPath: stringOption(values, 'config') });
    const bytes = await readInventoryFile(path, context.config.maxInputBytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const corrections = { year, name: file, sha256 };
    await withWritableDatabase(values, 'corrections', async (database) => {
      if (await alreadyApplied(database, year, sha256)) {
        // Taken in before: nothing to read, but a build that does not contain it yet is made now.
        printApplied(file, year, values['dry-run'] ? { outcome: 'already-applied' } : await applyCorrections(database, context, corrections, []), io);
        return;
      }
      const { changes, errors, ignoredColumns } = await workbookChanges(database, year, file, bytes);
      if (ignoredColumns.length > 0) io.out(`  niet gelezen en niet bewaard: kolom ${ignoredColumns.map((column) => `'${column}'`).join(', ')}`);
      for (const line of cappedLines(errors.map((error) => error.message))) io.err(`  ${line}`);
      if (errors.length > 0 && !values['partial']) {
        throw new MonitorError(`${errors.length} ongeldige wijziging(en); er is niets overgenomen (gebruik --partial om de geldige wel over te nemen)`, {
          location: { file },
        });
      }
      const accepted = changes.filter((change) => !change.rowHasErrors);
      if (accepted.length === 0) {
        io.out(`${file}: geen wijzigingen ten opzichte van monitor ${year}.`);
        return;
      }
      for (const line of cappedLines(correctionsSummaryNl(accepted))) io.out(`  ${line}`);
      if (values['dry-run']) {
        io.out(`${file}: ${accepted.length} wijziging(en) gevonden; niets overgenomen (--dry-run).`);
        return;
      }
      const applied = await applyCorrections(database, context, corrections, accepted);
      printApplied(file, year, applied, io);
    });
  },
};

function printApplied(file: string, year: number, applied: AppliedCorrections, io: Io): void {
  io.out(applied.outcome === 'applied' ? `${file}: ${applied.changes} wijziging(en) overgenomen.` : takenBeforeLineNl(file, year, applied.outcome));
  for (const build of buildsOf(applied)) printBuildSummary(build, io);
}
