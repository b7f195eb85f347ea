/**
 * Messages for people, everywhere (issue #11, observations 8 and 10): a bad configuration, a bad
 * option value, a file-system error, a foreign, damaged or full database and a lock path that is a
 * folder each give one Dutch line naming the path or option and what to do; the technical cause
 * only with --debug. No English from zod, parseArgs, errno or DuckDB reaches a person.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainError } from '../../pipeline/cli/explain-error.ts';
import { withDatabase } from '../../pipeline/db/database.ts';
import { runCli, scratchDir, type CliResult } from '../helpers/cli.ts';

const CLI = fileURLToPath(new URL('../../pipeline/cli/lsp-monitor.mjs', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../pipeline/config/monitor.config.json', import.meta.url));
const INVENTORY = fileURLToPath(new URL('../fixtures/inventory/locaties-komma.csv', import.meta.url));
/** An XLSX workbook is a zip file: what someone may pass as --db by mistake. */
const ZIP = fileURLToPath(new URL('../fixtures/inventory/locaties.xlsx', import.meta.url));

/** English text that parseArgs, Node's errno, zod or DuckDB would print. */
const ENGLISH = /Error:|ENOENT|EEXIST|EISDIR|ENOTDIR|EACCES|ENOSPC|Invalid input|expected|Unrecognized|argument|ambiguous|No space|not a valid|Unknown option|interne fout/;

function expectOneDutchLine(result: CliResult, code: number, line: string): void {
  expect(result.stderr).toBe(`fout: ${line}`);
  expect(result.code).toBe(code);
  expect(result.stderr).not.toMatch(ENGLISH);
}

function configWith(change: (config: Record<string, unknown>) => void): string {
  const config = JSON.parse(readFileSync(CONFIG, 'utf8')) as Record<string, unknown>;
  change(config);
  const path = join(scratchDir(), 'monitor.config.json');
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

async function importedDatabase(): Promise<string> {
  const db = join(scratchDir(), 'monitor.duckdb');
  const imported = await runCli(['import', INVENTORY, '--year', '2024', '--db', db]);
  expect(imported.code, imported.stderr).toBe(0);
  return db;
}

describe('a configuration file is checked strictly, in Dutch', () => {
  it('a misspelt key ("weigths") is refused, naming the key and the key meant', async () => {
    const config = configWith((c) => {
      c['weigths'] = c['weights'];
      delete c['weights'];
    });
    const result = await runCli(['build', '--year', '2024', '--config', config, '--db', join(scratchDir(), 'm.duckdb')]);
    expectOneDutchLine(
      result,
      1,
      `configuratie ${config} klopt niet: onbekende sleutel 'weigths' (bedoelt u 'weights'?); sleutel 'weights' ontbreekt (verwacht een object { … })`,
    );
  });

  it('an unknown key deeper down is named by its whole path', async () => {
    const config = configWith((c) => {
      (c['sizeThresholds'] as { visitorsPerWeek: Record<string, number> }).visitorsPerWeek['smalBelow'] = 40;
    });
    const result = await runCli(['build', '--year', '2024', '--config', config, '--db', join(scratchDir(), 'm.duckdb')]);
    expectOneDutchLine(
      result,
      1,
      `configuratie ${config} klopt niet: onbekende sleutel 'sizeThresholds.visitorsPerWeek.smalBelow' (bedoelt u 'sizeThresholds.visitorsPerWeek.smallBelow'?)`,
    );
  });

  it('a value of the wrong type names the key, what is expected and what was found', async () => {
    const config = configWith((c) => {
      c['capacityPerWeek'] = '100';
    });
    const result = await runCli(['build', '--year', '2024', '--config', config, '--db', join(scratchDir(), 'm.duckdb')]);
    expectOneDutchLine(result, 1, `configuratie ${config} klopt niet: sleutel 'capacityPerWeek' moet een getal zijn, niet tekst "100"`);
  });

  it('a missing file, a folder and broken JSON are each named with the problem', async () => {
    const dir = scratchDir();
    const missing = join(dir, 'bestaat-niet.json');
    expectOneDutchLine(
      await runCli(['build', '--year', '2024', '--config', missing]),
      1,
      `configuratie ${missing} kan niet worden gelezen: die map of dat bestand bestaat niet; geef met --config een leesbaar configuratiebestand op`,
    );
    expectOneDutchLine(
      await runCli(['build', '--year', '2024', '--config', dir]),
      1,
      `configuratie ${dir} kan niet worden gelezen: dat is een map, geen bestand; geef met --config een leesbaar configuratiebestand op`,
    );
    const broken = join(dir, 'kapot.json');
    writeFileSync(broken, '{\n  "capacityPerWeek": 100,\n  "weights": { klein: 0.5 }\n}\n');
    expectOneDutchLine(await runCli(['build', '--year', '2024', '--config', broken]), 1, `configuratie ${broken} is geen geldige JSON (regel 3, kolom 16)`);
  });
});

describe('option values: one Dutch line naming the option, exit 2', () => {
  it.each([
    [['build', '--year', '-2024'], "optie --year heeft een waarde nodig, maar daarna staat '-2024'; een waarde die met '-' begint schrijft u als --year=-2024 (zie lsp-monitor build --help)"],
    [['build', '--year=-2024'], "optie --year: '-2024' is geen monitorjaar (verwacht een jaartal van 2019 tot en met 2099)"],
    [['build', '--year', '20x4'], "optie --year: '20x4' is geen monitorjaar (verwacht een jaartal van 2019 tot en met 2099)"],
    [['build', '--year', '1800'], "optie --year: '1800' is geen monitorjaar (verwacht een jaartal van 2019 tot en met 2099)"],
    [['report', '--year', '2024', '--out', 'x', '--wait', 'abc'], "optie --wait: 'abc' is geen aantal seconden (verwacht bijvoorbeeld --wait 30)"],
    [['build', '--year', '2024', '--wait', '-5'], "optie --wait heeft een waarde nodig, maar daarna staat '-5'; een waarde die met '-' begint schrijft u als --wait=-5 (zie lsp-monitor build --help)"],
    [['build', '--year', '2024', '--wait=-5'], "optie --wait: '-5' is geen aantal seconden (verwacht bijvoorbeeld --wait 30)"],
    [['build', '--jaar', '2024'], "onbekende optie '--jaar' (zie lsp-monitor build --help)"],
    [['build', '-y', '2024'], "onbekende optie '-y' (zie lsp-monitor build --help)"],
    [['build', '--year'], 'optie --year heeft een waarde nodig (zie lsp-monitor build --help)'],
    [['build', '--debug=ja', '--year', '2024'], 'optie --debug heeft geen waarde; schrijf alleen --debug (zie lsp-monitor build --help)'],
    [['build', '--year', '2024', '--db', ''], 'optie --db heeft een pad nodig, niet een lege waarde'],
    [['buidl', '--year', '2024'], "onbekend commando 'buidl'; bedoelt u 'build'? (zie lsp-monitor --help)"],
    [['raport'], "onbekend commando 'raport'; bedoelt u 'report'? (zie lsp-monitor --help)"],
    [['maak'], "onbekend commando 'maak' (zie lsp-monitor --help)"],
    [['--year', '2024', 'build'], 'het commando moet voorop staan, vóór de opties (bijvoorbeeld: lsp-monitor build --year 2024); zie lsp-monitor --help'],
  ])('%j', async (args, line) => {
    expectOneDutchLine(await runCli(args), 2, line);
  });

  it('the English of parseArgs is shown only with --debug', async () => {
    const result = await runCli(['build', '--year', '-2024', '--debug']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      "fout: optie --year heeft een waarde nodig, maar daarna staat '-2024'; een waarde die met '-' begint schrijft u als --year=-2024 (zie lsp-monitor build --help)",
    );
    expect(result.stderr).toContain("Option '--year' argument is ambiguous");
  });
});

describe('a database that cannot be used', () => {
  it('a text file given as --db is not a monitor database', async () => {
    const db = join(scratchDir(), 'notities.duckdb');
    writeFileSync(db, 'boodschappen: melk, brood\n');
    expectOneDutchLine(
      await runCli(['build', '--year', '2024', '--db', db]),
      1,
      `${db} is geen lsp-monitor-database (geen DuckDB-bestand, of beschadigd); kies met --db de juiste database, of een nieuwe bestandsnaam voor een nieuwe database`,
    );
    expect(readFileSync(db, 'utf8')).toBe('boodschappen: melk, brood\n');
  });

  it('a zip file given as --db is not a monitor database; --debug adds the cause', async () => {
    const db = join(scratchDir(), 'monitor.zip');
    copyFileSync(ZIP, db);
    const result = await runCli(['report', '--year', '2024', '--out', scratchDir(), '--db', db, '--debug']);
    expect(result.code).toBe(1);
    const [line, ...cause] = result.stderr.split('\n');
    expect(line).toBe(
      `fout: ${db} is geen lsp-monitor-database (geen DuckDB-bestand, of beschadigd); kies met --db de juiste database, of een nieuwe bestandsnaam voor een nieuwe database`,
    );
    expect(cause.join('\n')).toContain('not a valid DuckDB database file');
  });

  it('a folder given as --db', async () => {
    const db = join(scratchDir(), 'monitor.duckdb');
    mkdirSync(db);
    expectOneDutchLine(
      await runCli(['build', '--year', '2024', '--db', db]),
      1,
      `database ${db} is een map, geen bestand; geef met --db een bestandsnaam op, bijvoorbeeld ${db}/monitor.duckdb`,
    );
  });

  it('a damaged database is named as such and never to be deleted', async () => {
    const db = await importedDatabase();
    const descriptor = openSync(db, 'r+');
    writeSync(descriptor, Buffer.alloc(4096, 7), 0, 4096, 4096);
    closeSync(descriptor);
    expectOneDutchLine(
      await runCli(['build', '--year', '2024', '--db', db]),
      1,
      `database ${db} is beschadigd; zet een reservekopie terug of kies met --db een andere database`,
    );
  });

  it('a lock path that is a folder is named with what to do', async () => {
    const db = join(scratchDir(), 'monitor.duckdb');
    mkdirSync(`${db}.lock`);
    expectOneDutchLine(
      await runCli(['build', '--year', '2024', '--db', db]),
      1,
      `vergrendeling ${db}.lock is een map, geen bestand; hernoem of verplaats die map als er geen lsp-monitor-proces meer draait, of kies met --db een andere database`,
    );
  });

  it('a database in a folder that does not exist: the lock names the path', async () => {
    const db = join(scratchDir(), 'bestaat-niet', 'monitor.duckdb');
    expectOneDutchLine(
      await runCli(['build', '--year', '2024', '--db', db]),
      1,
      `kan vergrendeling ${db}.lock niet aanmaken: die map of dat bestand bestaat niet; controleer het pad bij --db`,
    );
  });

  it('a database below a file (not a folder): the lock names the path', async () => {
    const file = join(scratchDir(), 'bestand');
    writeFileSync(file, '');
    const db = join(file, 'monitor.duckdb');
    expectOneDutchLine(
      await runCli(['build', '--year', '2024', '--db', db]),
      1,
      `kan vergrendeling ${db}.lock niet aanmaken: een deel van het pad is een bestand, geen map; controleer het pad bij --db`,
    );
  });
});

/**
 * Runs the real CLI as a separate process without the right to write where it is pointed: as
 * root (who may write anywhere) it runs as the user nobody, otherwise as the user running the tests.
 */
function runWithoutPermission(args: readonly string[]): CliResult {
  // As after 'npm ci': the owner has built dist/, which nobody else may write (and need not).
  spawnSync(process.execPath, [CLI, '--version']);
  const command = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
  const result = spawnSync(command[0]!, [...command.slice(1), CLI, ...args], { encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout.trimEnd(), stderr: result.stderr.trimEnd() };
}

/** A folder anyone may enter and read, and nobody (but root) may write to. */
function readOnlyFolder(): string {
  const parent = scratchDir();
  chmodSync(parent, 0o755);
  const folder = join(parent, 'alleen-lezen');
  mkdirSync(folder, { mode: 0o555 });
  chmodSync(folder, 0o555);
  return folder;
}

describe('no permission', () => {
  it('a database in a folder nobody may write to: the lock names the path and what to do', () => {
    const db = join(readOnlyFolder(), 'monitor.duckdb');
    const result = runWithoutPermission(['build', '--year', '2024', '--db', db]);
    expectOneDutchLine(result, 1, `kan vergrendeling ${db}.lock niet aanmaken: geen toestemming; kies met --db een database in een map waar u mag schrijven`);
  });

  it('a configuration file that may not be read', () => {
    const folder = scratchDir();
    chmodSync(folder, 0o755);
    const config = join(folder, 'geheim.json');
    writeFileSync(config, readFileSync(CONFIG));
    chmodSync(config, 0o000);
    const result = runWithoutPermission(['build', '--year', '2024', '--config', config, '--db', join(scratchDir(), 'm.duckdb')]);
    expectOneDutchLine(result, 1, `configuratie ${config} kan niet worden gelezen: geen toestemming; geef met --config een leesbaar configuratiebestand op`);
  });
});

/** A small disk of our own: only root may mount one; elsewhere the unit tests below cover the translation. */
function mountSmallDisk(kilobytes: number): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = scratchDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined;
  }
}

describe('a full disk during build', () => {
  it('names the file and what to do; the original error, not a failed ROLLBACK, reaches the person', async (context) => {
    const disk = mountSmallDisk(1600);
    if (disk === undefined) return context.skip();
    const db = join(disk, 'monitor.duckdb');
    try {
      const imported = await runCli(['import', INVENTORY, '--year', '2024', '--db', db]);
      expect(imported.code, imported.stderr).toBe(0);
      const result = await runCli(['build', '--year', '2024', '--db', db, '--debug']);
      expect(result.code).toBe(1);
      const [line, ...cause] = result.stderr.split('\n');
      expect(line).toBe(
        `fout: kan niet schrijven naar ${db}.wal: de schijf is vol; maak ruimte vrij of kies met --db een database op een andere schijf, en probeer het opnieuw`,
      );
      expect(cause.join('\n')).toContain('No space left on device');
      expect(result.stderr).not.toMatch(/rollback/i);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});

describe('a transaction DuckDB has already ended', () => {
  it('a failed ROLLBACK never hides the error that caused it, and the database stays usable', async () => {
    await withDatabase(join(scratchDir(), 'monitor.duckdb'), async (database) => {
      // A ROLLBACK without a transaction fails: so the one below, after the work ended it, fails too.
      await expect(database.run('ROLLBACK')).rejects.toThrow(/no transaction is active/);
      // As on a full disk: DuckDB ends the transaction itself before the work's error reaches transaction().
      const failing = database.transaction(async () => {
        await database.run('ROLLBACK');
        throw new Error('de oorspronkelijke fout');
      });
      await expect(failing).rejects.toThrow('de oorspronkelijke fout');
      expect(await database.transaction(async () => 'daarna')).toBe('daarna');
    });
  });
});

describe('explainError: the realistic failures that are not MonitorErrors', () => {
  const out = { option: '--out', value: '/data/rapport', kind: 'map' } as const;
  const db = { option: '--db', value: '/data/monitor.duckdb', kind: 'bestand' } as const;
  /** The shape Node gives a failed system call (uvException): code, syscall, path, dest. */
  const errno = (code: string, syscall: string, path: string, dest?: string) =>
    Object.assign(new Error(`${code}: some english, ${syscall} '${path}'`), { code, errno: -1, syscall, path, ...(dest === undefined ? {} : { dest }) });

  it.each([
    [errno('EACCES', 'open', '/data/rapport/monitor.md'), 'kan /data/rapport/monitor.md niet openen: geen toestemming; kies een andere map met --out of vraag om schrijfrechten'],
    [errno('EACCES', 'write', '/data/rapport/monitor.md'), 'kan niet schrijven naar /data/rapport/monitor.md: geen toestemming; kies een andere map met --out of vraag om schrijfrechten'],
    [errno('EROFS', 'mkdir', '/data/rapport'), 'kan map /data/rapport niet aanmaken: het bestandssysteem is alleen-lezen; kies een andere map met --out of vraag om schrijfrechten'],
    [errno('ENOSPC', 'write', '/data/rapport/overzicht.xlsx'), 'kan niet schrijven naar /data/rapport/overzicht.xlsx: de schijf is vol; maak ruimte vrij of kies een andere map met --out'],
    [errno('EEXIST', 'mkdir', '/data/rapport'), 'kan map /data/rapport niet aanmaken: er bestaat al een bestand met die naam; kies een andere map met --out'],
    [errno('ENOTDIR', 'open', '/data/rapport/figuren/kaart.svg'), 'kan /data/rapport/figuren/kaart.svg niet openen: een deel van het pad is een bestand, geen map; kies een andere map met --out'],
    [errno('EPERM', 'rename', '/data/rapport.tmp-1', '/data/rapport'), 'kan /data/rapport.tmp-1 niet verplaatsen naar /data/rapport: geen toestemming; kies een andere map met --out of vraag om schrijfrechten'],
    [errno('EMFILE', 'open', '/data/rapport/a.csv'), "kan /data/rapport/a.csv niet openen: te veel bestanden tegelijk open; sluit andere programma's en probeer het opnieuw"],
    [errno('EACCES', 'open', '/data/monitor.duckdb.lock'), 'kan /data/monitor.duckdb.lock niet openen: geen toestemming; kies een ander bestand met --db of vraag om schrijfrechten'],
    [errno('ENOENT', 'scandir', '/elders/archief'), 'kan map /elders/archief niet lezen: die map of dat bestand bestaat niet; controleer het pad'],
    [new Error('TransactionContext Error: Failed to commit: Could not write file "/data/monitor.duckdb.wal": No space left on device'), 'kan niet schrijven naar /data/monitor.duckdb.wal: de schijf is vol; maak ruimte vrij of kies met --db een database op een andere schijf, en probeer het opnieuw'],
    [new Error('IO Error: Could not write file "/data/monitor.duckdb": No space left on device'), 'kan niet schrijven naar /data/monitor.duckdb: de schijf is vol; maak ruimte vrij of kies met --db een database op een andere schijf, en probeer het opnieuw'],
    [new Error('IO Error: Cannot open file "/data/monitor.duckdb": Permission denied'), 'kan database /data/monitor.duckdb niet gebruiken: geen toestemming; kies met --db een database in een map waar u mag schrijven'],
    [new Error('IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2 in block at location 4096'), 'database /data/monitor.duckdb is beschadigd; zet een reservekopie terug of kies met --db een andere database'],
    [wrapped(errno('ENOSPC', 'write', '/data/rapport/monitor.html')), 'kan niet schrijven naar /data/rapport/monitor.html: de schijf is vol; maak ruimte vrij of kies een andere map met --out'],
  ])('%s', (error, line) => {
    const explained = explainError(error, [out, db], '/data/monitor.duckdb');
    expect(explained?.message).toBe(line);
    expect(explained?.exitCode).toBe(1);
    expect(explained?.cause).toBe(error);
  });

  it('a bug stays a bug: an error that is neither errno nor DuckDB I/O is not explained away', () => {
    expect(explainError(new TypeError("Cannot read properties of undefined (reading 'x')"), [out, db], '/data/monitor.duckdb')).toBeUndefined();
    expect(explainError(new Error('Binder Error: Referenced column "x" not found'), [out, db], '/data/monitor.duckdb')).toBeUndefined();
  });
});

function wrapped(cause: Error): Error {
  return new Error('report failed', { cause });
}
