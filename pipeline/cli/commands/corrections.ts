import { basename } from 'node:path';
import { MonitorError } from '../../../sources/errors.ts';
import { readInventoryFile } from '../../../sources/inventory/read-table.ts';
import { sha256Hex } from '../../../sources/sha256.ts';
import { parseMonitorYear } from '../../config/config.ts';
import { createContext } from '../../context.ts';
import { correctionsSummaryNl } from '../../corrections/summary.ts';
import { applyCorrections, type AppliedCorrections } from '../../corrections/apply.ts';
import { buildsOf, takenBeforeLineNl } from '../../corrections/applied-summary.ts';
import { cappedLines } from '../../corrections/capped-lines.ts';
import { alreadyApplied } from '../../corrections/store.ts';
import { workbookCorrections, workbookSnapshot } from '../../intake/intake-workbook.ts';
import { requiredOption, stringOption, type Command, type Io } from '../command.ts';
import { correctionsHelp } from '../help/corrections.ts';
import { printBuildSummary } from '../summaries.ts';
import { withWritableDatabase } from '../writable-database.ts';

export const correctionsCommand: Command = {
  ...correctionsHelp,
  async run({ positionals, values }, io) {
    const year = parseMonitorYear(requiredOption(values, 'year'));
    const path = positionals[0]!;
    const file = basename(path);
    const context = createContext({ configPath: stringOption(values, 'config') });
    const bytes = await readInventoryFile(path, context.config.maxInputBytes);
    const sha256 = sha256Hex(bytes);
    const corrections = { year, name: file, sha256 };
    await withWritableDatabase(values, 'corrections', async (database) => {
      if (await alreadyApplied(database, year, sha256)) {
        // Taken in before: nothing to read, but a build that does not contain it yet is made now.
        printApplied(file, year, values['dry-run'] ? { outcome: 'already-applied' } : await applyCorrections(database, context, corrections, []), io);
        return;
      }
      // Read as every intake is (intake-workbook.ts); what is applied (--partial, --dry-run) is this command's to decide.
      const { changes, errors, ignoredColumns } = await workbookCorrections(database, year).parse(workbookSnapshot(path, bytes, new Date().toISOString()));
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
