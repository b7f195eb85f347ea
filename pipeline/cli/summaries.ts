/** The lines a person reads after an import or a build, printed alike by import, build, corrections and run. */
import { MonitorError } from '../../sources/errors.ts';
import type { BuildSummary } from '../build/build-year.ts';
import { dutchTime } from '../intake/import-ledger.ts';
import type { ImportSummary } from '../intake/store-list.ts';
import type { Io } from './command.ts';

const MAX_REJECTS_SHOWN = 20;

export function printBuildSummary(summary: BuildSummary, io: Io): void {
  io.out(
    `Monitor ${summary.year} gebouwd (methode ${summary.method}): ${summary.inView} steunpunten in beeld, gewogen ${summary.weighted}.`,
  );
}

export function printImportSummary(summary: ImportSummary, io: Io): void {
  if (summary.refusal) {
    printRejects(summary, io, 'afgewezen rijen.');
    throw new MonitorError(summary.refusal);
  }
  io.out(
    `${summary.file} (bron ${summary.source}, ${summary.year}): ${summary.imported} rijen ingelezen, ${summary.rejectedRows} afgewezen.`,
  );
  if (summary.replaced) {
    const { file_name: file, imported_ms: at, rows_imported: rows, sha256 } = summary.replaced;
    const same = sha256 === summary.sha256 ? ' (hetzelfde bestand)' : '';
    io.out(`  vervangt de vorige import van bron ${summary.source} voor ${summary.year}: ${file}, ingelezen ${dutchTime(at)}, ${rows} rijen${same}.`);
  }
  const others = summary.otherSources ?? [];
  if (others.length > 0) {
    io.out(`  let op: ${summary.year} had al ${others.length === 1 ? 'een andere bron' : `${others.length} andere bronnen`}; de rijen van bron ${summary.source} komen daarnaast:`);
    for (const other of others) io.out(`    ${other.source}: ${other.file_name}, ${other.rows_imported} rijen`);
    io.out(
      '  Een steunpunt dat in twee bronnen staat, telt alleen als één steunpunt als het als hetzelfde wordt herkend; anders telt het dubbel. ' +
        `Is ${summary.file} een nieuwe versie van een van deze bestanden, importeer het dan met --source <die bron> (dat vervangt de vorige), ` +
        `of verwijder deze import met 'lsp-monitor imports remove --year ${summary.year} --source ${summary.source}'.`,
    );
  }
  if (summary.titleRows.length > 0) {
    io.out(`  ${summary.titleRows.length === 1 ? 'rij' : 'rijen'} ${summary.titleRows.join(', ')} boven de kopregel overgeslagen (titel)`);
  }
  if (summary.skippedColumns.length > 0) {
    io.out(`  niet gelezen en niet bewaard: kolom ${summary.skippedColumns.map((column) => `'${column}'`).join(', ')}`);
  }
  for (const note of summary.notes.slice(0, MAX_REJECTS_SHOWN)) {
    io.out(`  let op: rij ${note.row}, veld '${note.field}': ${note.reason}; het steunpunt telt mee`);
  }
  if (summary.notes.length > MAX_REJECTS_SHOWN) {
    io.out(`  … en nog ${summary.notes.length - MAX_REJECTS_SHOWN}; zie de signalen in locaties.csv na 'lsp-monitor report'.`);
  }
  printRejects(summary, io, "zie afgewezen.csv na 'lsp-monitor report'.");
}

function printRejects(summary: ImportSummary, io: Io, more: string): void {
  for (const reject of summary.rejects.slice(0, MAX_REJECTS_SHOWN)) {
    io.err(`  afgewezen: rij ${reject.row ?? '–'}, veld '${reject.field ?? '–'}': ${reject.reason}`);
  }
  if (summary.rejects.length > MAX_REJECTS_SHOWN) {
    io.err(`  … en nog ${summary.rejects.length - MAX_REJECTS_SHOWN}; ${more}`);
  }
}
