import { MonitorError, UsageError } from '../../../sources/errors.ts';
import { parseMonitorYear } from '../../config/config.ts';
import { createContext } from '../../context.ts';
import { SOURCE_ADAPTERS } from '../../../sources/adapters/registry.ts';
import { importFileSource, importsFilesOf } from '../../stages/import-file-source.ts';
import { dutchTime } from '../../stages/import-ledger.ts';
import { importInventory, type ImportSummary } from '../../stages/import-inventory.ts';
import { COMMON_USAGE, withWritableDatabase, requiredOption, stringOption, type Command, type Io } from '../command.ts';

const MAX_REJECTS_SHOWN = 20;

export const importCommand: Command = {
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
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    const year = parseMonitorYear(requiredOption(values, 'year'));
    const source = stringOption(values, 'source');
    if (source !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(source)) {
      throw new UsageError(`bronnaam '${source}' mag alleen kleine letters, cijfers en '-' bevatten`);
    }
    const sheet = stringOption(values, 'sheet');
    const context = createContext({ configPath: stringOption(values, 'config') });
    const fileSource = SOURCE_ADAPTERS.find((adapter) => adapter.id === source && importsFilesOf(adapter.id));
    if (fileSource) {
      const lines = await withWritableDatabase(values, 'import', (database) =>
        importFileSource(database, context, fileSource, { path: positionals[0]!, year, ...(sheet === undefined ? {} : { sheet }) }),
      );
      for (const line of lines) io.out(line);
      return;
    }
    const summary = await withWritableDatabase(values, 'import', (database) =>
      importInventory(database, context, {
        path: positionals[0]!,
        year,
        ...(source === undefined ? {} : { source }),
        ...(sheet === undefined ? {} : { sheet }),
        replace: values['replace'] === true,
      }),
    );
    printImportSummary(summary, io);
  },
};

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
