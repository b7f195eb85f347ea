import { UsageError } from '../../../sources/errors.ts';
import { parseMonitorYear } from '../../config/config.ts';
import { withDatabase } from '../../db/database.ts';
import { dutchTime, removeImport, restoreImport } from '../../intake/import-ledger.ts';
import { listImports, type YearImports } from '../../intake/list-imports.ts';
import { databasePath, requiredOption, type Command, type Io } from '../command.ts';
import { importsHelp } from '../help/imports.ts';
import { withWritableDatabase } from '../writable-database.ts';

const ACTIONS = ['remove', 'restore'] as const;

export const importsCommand: Command = {
  ...importsHelp,
  async run({ positionals, values }, io) {
    const year = parseMonitorYear(requiredOption(values, 'year'));
    const action = positionals[0];
    if (action === undefined) {
      printImports(year, await withDatabase(databasePath(values), (database) => listImports(database, year)), io);
      return;
    }
    if (!(ACTIONS as readonly string[]).includes(action)) {
      throw new UsageError(`onbekende actie '${action}' voor 'imports'; kies remove of restore, of laat de actie weg om de imports te tonen`);
    }
    const source = requiredOption(values, 'source');
    const rebuild = `Bouw het jaar opnieuw met 'lsp-monitor build --year ${year}'.`;
    if (action === 'remove') {
      const removed = await withWritableDatabase(values, 'imports remove', (database) => removeImport(database, year, source));
      io.out(
        `Import van bron ${source} voor ${year} verwijderd: ${removed.file_name}, ingelezen ${dutchTime(removed.imported_ms)}, ${removed.rows_imported} rijen. ` +
          `De rijen zijn bewaard; 'lsp-monitor imports restore --year ${year} --source ${source}' zet ze terug. ${rebuild}`,
      );
      return;
    }
    const { restored, replaced } = await withWritableDatabase(values, 'imports restore', (database) => restoreImport(database, year, source));
    io.out(
      `Import van bron ${source} voor ${year} teruggezet: ${restored.file_name}, ingelezen ${dutchTime(restored.imported_ms)}, ${restored.rows_imported} rijen.` +
        (replaced ? ` Die vervangt ${replaced.file_name} (${replaced.rows_imported} rijen), die bewaard is en zo weer terug te zetten.` : '') +
        ` ${rebuild}`,
    );
  },
};

function printImports(year: number, imports: YearImports, io: Io): void {
  const { inventories, archived, surveys, corrections, epa } = imports;
  if ([inventories, archived, surveys, corrections, epa].every((list) => list.length === 0)) {
    io.out(`Voor ${year} is niets ingelezen.`);
    return;
  }
  io.out(`Imports voor ${year}:`);
  table(
    io,
    'Steunpunten per bron',
    ['bron', 'bestand', 'sha256', 'ingelezen op', 'gelezen', 'ingelezen', 'afgewezen'],
    inventories.map((batch) => [
      batch.source, batch.file_name, batch.sha256.slice(0, 12), dutchTime(batch.imported_ms),
      String(batch.rows_read), String(batch.rows_imported), String(batch.rows_rejected),
    ]),
  );
  table(
    io,
    `Verwijderd of vervangen, terug te zetten met 'lsp-monitor imports restore --year ${year} --source <bron>' (de bovenste per bron eerst)`,
    ['bron', 'bestand', 'sha256', 'ingelezen op', 'ingelezen', 'afgewezen', 'wat', 'wanneer'],
    archived.map((batch) => [
      batch.source, batch.file_name, batch.sha256.slice(0, 12), dutchTime(batch.imported_ms),
      String(batch.rows_imported), String(batch.rows_rejected), batch.reason, dutchTime(batch.archived_ms),
    ]),
  );
  table(
    io,
    'Zelfevaluaties',
    ['bron', 'bestand', 'antwoorden', 'steunpunten', 'gekoppeld'],
    surveys.map((survey) => [survey.source, survey.file_name, String(survey.answers), String(survey.respondents), String(survey.linked)]),
  );
  table(
    io,
    'Correcties (overzicht van de werkgroep, regiocoördinatoren)',
    ['bestand', 'sha256', 'overgenomen op', 'wijzigingen'],
    corrections.map((file) => [file.file_name, file.sha256.slice(0, 12), dutchTime(file.applied_ms), String(file.changes)]),
  );
  table(
    io,
    `EPA-aandeel per gemeente (Vektis), cijfers van ${year}`,
    ['bestand', 'gemeenten'],
    epa.map((file) => [file.file_name, String(file.municipalities)]),
  );
}

function table(io: Io, title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  if (rows.length === 0) return;
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => `  ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd();
  io.out('');
  io.out(`${title}:`);
  io.out(line(header));
  for (const row of rows) io.out(line(row));
}
