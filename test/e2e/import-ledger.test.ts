/**
 * Imports are explicit, visible and reversible (issue 11, observations 1 and 2): a file that would
 * leave a source with no or far fewer usable rows is refused, a replacement says what it
 * replaces, a new source says which sources the year already has, and `lsp-monitor imports`
 * lists, removes and restores, losing nothing.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withDatabase } from '../../pipeline/db/database.ts';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';
import { monitor2024Database } from '../helpers/monitor-2024.ts';

const REGIONAL_BODIES = fileURLToPath(new URL('../fixtures/sources/snapshots/regional-corrections/bodies/', import.meta.url));
const TIME = String.raw`\d{2}-\d{2}-\d{4} \d{2}:\d{2}`;
const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('<TIME>', TIME)}$`);

/** A coordinator's list as they send it: semicolons, their own column names. */
const LIST_HEADER = 'Locatienaam;Organisatie;Adres;Plaats;Gemeente';
const OOST = [
  'Herstelcafé Deventer;Dimence;Brink 12;Deventer;Deventer',
  'Inloop Hengelo;Mediant;Marktstraat 3;Hengelo;Hengelo',
  'Stadskamer Zwolle;Stichting Kompanan;Thorbeckegracht 7;Zwolle;Zwolle',
  'Herstelwerkplaats Enschede;Mediant;Oldenzaalsestraat 20;Enschede;Enschede',
];

function writeList(dir: string, name: string, rows: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[LIST_HEADER, ...rows].join('\r\n')}\r\n`);
  return path;
}

async function inView(db: string, year: string): Promise<string> {
  const built = await runCli(['build', '--year', year, '--db', db]);
  expect(built.code, built.stderr).toBe(0);
  return /(\d+) steunpunten in beeld/.exec(built.stdout)![1]!;
}

async function importEvents(db: string) {
  return withDatabase(db, (database) =>
    database.query(
      z.object({ source: z.string(), action: z.string(), file_name: z.string(), rows_imported: z.number() }),
      'SELECT source, action, file_name, rows_imported FROM import_event ORDER BY happened_at, action',
    ),
  );
}

describe('observation 1: an import whose rows are all unusable', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');

  beforeAll(async () => {
    // 2024 as `lsp-monitor run` leaves it on a fresh database: the suite's one run, copied.
    await monitor2024Database(scratch);
  });

  it('is refused after run, says what would be lost, and the next build still has 278 steunpunten', async () => {
    const file = join(scratch, 'locations.csv');
    writeFileSync(file, 'naam,gemeente\nInloop Atlantis,Atlantis\n');
    const eventsBefore = await importEvents(db);

    const result = await runCli(['import', file, '--year', '2024', '--source', 'galan2024', '--db', db]);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const [reject, refusal, ...rest] = result.stderr.split('\n');
    expect(rest).toEqual([]);
    expect(reject).toBe("  afgewezen: rij 2, veld 'gemeente': gemeente 'Atlantis' niet gevonden; ook geen IZA-regio opgegeven");
    expect(refusal).toMatch(
      exact(
        'fout: locations.csv: geen enkele rij is bruikbaar (1 afgewezen); deze import zou de 278 rijen van bron galan2024 voor 2024 ' +
          '(locations.csv, ingelezen <TIME>) vervangen door niets. Er is niets veranderd. ' +
          "Verbeter het bestand; moet de bron echt weg, gebruik dan 'lsp-monitor imports remove --year 2024 --source galan2024'",
      ),
    );
    expect(await importEvents(db)).toEqual(eventsBefore);
    expect(await inView(db, '2024')).toBe('278');
  });

  it('imports --year lists every kind of intake of the year: inventories, self-assessments and corrections files', async () => {
    const survey = join(scratch, 'zelfevaluatie.csv');
    const kenmerken = Array.from({ length: 10 }, (_, index) => `kenmerk ${index + 1}`).join(';');
    writeFileSync(survey, `naam;gemeente;${kenmerken}\nHerstelruimte Emmen;Emmen;${Array(10).fill('ja').join(';')}\n`);
    expect((await runCli(['import', survey, '--year', '2024', '--source', 'survey', '--db', db])).code).toBe(0);
    const corrections = join(scratch, 'correcties-regio.csv');
    copyFileSync(join(REGIONAL_BODIES, readdirSync(REGIONAL_BODIES).find((name) => name.endsWith('.csv'))!), corrections);
    const corrected = await runCli(['import', corrections, '--year', '2024', '--source', 'regional-corrections', '--db', db]);
    expect(corrected.code, corrected.stderr).toBe(0);

    const listed = await runCli(['imports', '--year', '2024', '--db', db]);
    expect(listed.code).toBe(0);
    const sections = listed.stdout.split('\n\n');
    expect(sections[0]).toBe('Imports voor 2024:');
    expect(sections[1]).toMatch(new RegExp(`^Steunpunten per bron:\n.*\n  galan2024  locations\\.csv  [0-9a-f]{12}  ${TIME}  278      278        0$`));
    expect(sections[2]).toMatch(/^Zelfevaluaties:\n  bron    bestand            antwoorden  steunpunten  gekoppeld\n  survey  zelfevaluatie\.csv  10          1            1$/);
    expect(sections[3]).toMatch(
      new RegExp(`^Correcties \\(overzicht van de werkgroep, regiocoördinatoren\\):\n.*\n  correcties-regio\\.csv  [0-9a-f]{12}  ${TIME}  \\d+\\s*$`),
    );
    expect(sections).toHaveLength(4);
  });
});

describe('replacing an import of the same source and year', () => {
  it('says what it replaces, refuses a file with fewer than half the rows unless --replace, and keeps what it replaced', async () => {
    const scratch = scratchDir();
    const db = await freshDatabase(scratch);
    const first = await runCli(['import', writeList(scratch, 'regio oost.csv', OOST), '--year', '2025', '--source', 'regio-oost', '--db', db]);
    expect(first).toMatchObject({ code: 0, stdout: 'regio oost.csv (bron regio-oost, 2025): 4 rijen ingelezen, 0 afgewezen.' });

    const corrected = [...OOST.slice(0, 3), 'Herstelwerkplaats Enschede;Mediant;Oldenzaalsestraat 22;Enschede;Enschede'];
    const second = await runCli(['import', writeList(scratch, 'regio oost v2.csv', corrected), '--year', '2025', '--source', 'regio-oost', '--db', db]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout.split('\n')).toEqual([
      'regio oost v2.csv (bron regio-oost, 2025): 4 rijen ingelezen, 0 afgewezen.',
      expect.stringMatching(exact('  vervangt de vorige import van bron regio-oost voor 2025: regio oost.csv, ingelezen <TIME>, 4 rijen.')),
    ]);

    const partial = writeList(scratch, 'regio oost deel.csv', OOST.slice(0, 1));
    const refused = await runCli(['import', partial, '--year', '2025', '--source', 'regio-oost', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      exact(
        'fout: regio oost deel.csv: 1 bruikbare rij (0 afgewezen), minder dan de helft van de 4 rijen van bron regio-oost voor 2025 ' +
          '(regio oost v2.csv, ingelezen <TIME>); 3 rijen zouden verdwijnen. Er is niets veranderd. Klopt dit toch, importeer dan opnieuw met --replace',
      ),
    );
    expect(await inView(db, '2025')).toBe('4');

    const confirmed = await runCli(['import', partial, '--year', '2025', '--source', 'regio-oost', '--replace', '--db', db]);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toMatch(/^regio oost deel\.csv \(bron regio-oost, 2025\): 1 rijen ingelezen, 0 afgewezen\.\n {2}vervangt de vorige import/);
    expect(await inView(db, '2025')).toBe('1');

    const listed = await runCli(['imports', '--year', '2025', '--db', db]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Imports voor 2025:',
      '',
      'Steunpunten per bron:',
      '  bron        bestand              sha256        ingelezen op      gelezen  ingelezen  afgewezen',
      expect.stringMatching(new RegExp(`^  regio-oost  regio oost deel\\.csv  [0-9a-f]{12}  ${TIME}  1        1          0$`)),
    ]);
    expect(lines.slice(5, 8)).toEqual([
      '',
      "Verwijderd of vervangen, terug te zetten met 'lsp-monitor imports restore --year 2025 --source <bron>' (de bovenste per bron eerst):",
      '  bron        bestand            sha256        ingelezen op      ingelezen  afgewezen  wat        wanneer',
    ]);
    expect(lines.slice(8)).toEqual([
      expect.stringMatching(new RegExp(`^  regio-oost  regio oost v2\\.csv  [0-9a-f]{12}  ${TIME}  4          0          vervangen  ${TIME}$`)),
      expect.stringMatching(new RegExp(`^  regio-oost  regio oost\\.csv     [0-9a-f]{12}  ${TIME}  4          0          vervangen  ${TIME}$`)),
    ]);

    const restored = await runCli(['imports', 'restore', '--year', '2025', '--source', 'regio-oost', '--db', db]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(
      exact(
        'Import van bron regio-oost voor 2025 teruggezet: regio oost v2.csv, ingelezen <TIME>, 4 rijen. ' +
          'Die vervangt regio oost deel.csv (1 rijen), die bewaard is en zo weer terug te zetten. ' +
          "Bouw het jaar opnieuw met 'lsp-monitor build --year 2025'.",
      ),
    );
    expect(await inView(db, '2025')).toBe('4');
  });

  it('reads the same file again without archiving a copy of itself', async () => {
    const scratch = scratchDir();
    const db = await freshDatabase(scratch);
    const file = writeList(scratch, 'regio oost.csv', OOST);
    await runCli(['import', file, '--year', '2025', '--source', 'regio-oost', '--db', db]);
    const again = await runCli(['import', file, '--year', '2025', '--source', 'regio-oost', '--db', db]);
    expect(again.stdout.split('\n')[1]).toMatch(
      exact('  vervangt de vorige import van bron regio-oost voor 2025: regio oost.csv, ingelezen <TIME>, 4 rijen (hetzelfde bestand).'),
    );
    expect((await runCli(['imports', '--year', '2025', '--db', db])).stdout).not.toContain('Verwijderd of vervangen');
  });
});

describe('observation 2: a corrected copy under a new file name', () => {
  it('lands next to the original, and the import says so and how to replace or remove instead', async () => {
    const scratch = scratchDir();
    const db = await freshDatabase(scratch);
    expect((await runCli(['import', writeList(scratch, 'inventaris.csv', OOST), '--year', '2025', '--db', db])).code).toBe(0);
    const copy = await runCli(['import', writeList(scratch, 'inventaris excel v2.csv', OOST), '--year', '2025', '--db', db]);
    expect(copy.code, copy.stderr).toBe(0);
    expect(copy.stdout.split('\n')).toEqual([
      'inventaris excel v2.csv (bron inventaris-excel-v2, 2025): 4 rijen ingelezen, 0 afgewezen.',
      '  let op: 2025 had al een andere bron; de rijen van bron inventaris-excel-v2 komen daarnaast:',
      '    inventaris: inventaris.csv, 4 rijen',
      '  Een steunpunt dat in twee bronnen staat, telt alleen als één steunpunt als het als hetzelfde wordt herkend; anders telt het dubbel. ' +
        'Is inventaris excel v2.csv een nieuwe versie van een van deze bestanden, importeer het dan met --source <die bron> (dat vervangt de vorige), ' +
        "of verwijder deze import met 'lsp-monitor imports remove --year 2025 --source inventaris-excel-v2'.",
    ]);
  });
});

describe('lsp-monitor imports remove / restore', () => {
  it('removes a source from the year without losing its rows, marks the build stale, and restores it', async () => {
    const scratch = scratchDir();
    const db = await freshDatabase(scratch);
    await runCli(['import', writeList(scratch, 'regio oost.csv', OOST), '--year', '2025', '--source', 'regio-oost', '--db', db]);
    const west = 'Inloop Leiden;Rivierduinen;Breestraat 1;Leiden;Leiden';
    await runCli(['import', writeList(scratch, 'regio west.csv', [west]), '--year', '2025', '--source', 'regio-west', '--db', db]);
    expect(await inView(db, '2025')).toBe('5');

    const removed = await runCli(['imports', 'remove', '--year', '2025', '--source', 'regio-oost', '--db', db]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(
      exact(
        'Import van bron regio-oost voor 2025 verwijderd: regio oost.csv, ingelezen <TIME>, 4 rijen. ' +
          "De rijen zijn bewaard; 'lsp-monitor imports restore --year 2025 --source regio-oost' zet ze terug. " +
          "Bouw het jaar opnieuw met 'lsp-monitor build --year 2025'.",
      ),
    );
    // The time of the change is what the freshness check compares with build_run.built_at.
    const stale = await withDatabase(db, (database) =>
      database.query(
        z.object({ stale: z.boolean() }),
        'SELECT (SELECT max(happened_at) FROM import_event WHERE year = 2025) > built_at AS stale FROM build_run WHERE year = 2025',
      ),
    );
    expect(stale).toEqual([{ stale: true }]);
    expect(await inView(db, '2025')).toBe('1');

    const again = await runCli(['imports', 'remove', '--year', '2025', '--source', 'regio-oost', '--db', db]);
    expect(again).toEqual({
      code: 1,
      stdout: '',
      stderr: "fout: 2025 heeft geen import van bron 'regio-oost' (bronnen van 2025: regio-west); 'lsp-monitor imports --year 2025' toont ze",
    });

    const restored = await runCli(['imports', 'restore', '--year', '2025', '--source', 'regio-oost', '--db', db]);
    expect(restored.stdout).toMatch(
      exact("Import van bron regio-oost voor 2025 teruggezet: regio oost.csv, ingelezen <TIME>, 4 rijen. Bouw het jaar opnieuw met 'lsp-monitor build --year 2025'."),
    );
    expect(await inView(db, '2025')).toBe('5');
    expect(await importEvents(db)).toEqual([
      { source: 'regio-oost', action: 'ingelezen', file_name: 'regio oost.csv', rows_imported: 4 },
      { source: 'regio-west', action: 'ingelezen', file_name: 'regio west.csv', rows_imported: 1 },
      { source: 'regio-oost', action: 'verwijderd', file_name: 'regio oost.csv', rows_imported: 4 },
      { source: 'regio-oost', action: 'teruggezet', file_name: 'regio oost.csv', rows_imported: 4 },
    ]);

    const nothing = await runCli(['imports', 'restore', '--year', '2025', '--source', 'regio-oost', '--db', db]);
    expect(nothing.stderr).toBe(
      "fout: 2025 heeft geen verwijderde of vervangen import van bron 'regio-oost' om terug te zetten; 'lsp-monitor imports --year 2025' toont wat er is",
    );
  });

  it('explains itself in Dutch and refuses an unknown action', async () => {
    const help = await runCli(['imports', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Gebruik: lsp-monitor imports --year <jaar>/);
    const wrong = await runCli(['imports', 'wis', '--year', '2025', '--db', join(scratchDir(), 'm.duckdb')]);
    expect(wrong).toEqual({
      code: 2,
      stdout: '',
      stderr: "fout: onbekende actie 'wis' voor 'imports'; kies remove of restore, of laat de actie weg om de imports te tonen",
    });
    const empty = await runCli(['imports', '--year', '2031', '--db', join(scratchDir(), 'm.duckdb')]);
    expect(empty).toEqual({ code: 0, stdout: 'Voor 2031 is niets ingelezen.', stderr: '' });
  });
});
