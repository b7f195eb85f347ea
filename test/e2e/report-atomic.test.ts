/**
 * A report folder is all old or all new (issue #11, observations 7 and 10). The real CLI, as a
 * separate process, is killed with SIGKILL at several moments of writing a report over an earlier
 * one (paused there by the test-only LSP_MONITOR_TEST_PAUSE, see outputs/write-atomic.ts), and
 * made to fail mid-write by a file-size limit standing in for a full disk. The previous folder
 * must stay whole with no temporary file in it, and the next report must complete and leave no
 * leftover beside it. The killed and failing processes start together, each on its own copy of the
 * old report, and each test checks its own. A bad --out fails at once, naming the path.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { folderTree as tree } from '../helpers/folder-tree.ts';
import { startKill, type KilledRun } from '../helpers/kill-at-pause.ts';
import { small2025Database, small2025Report } from '../helpers/small-2025.ts';

const CLI = fileURLToPath(new URL('../../pipeline/cli/lsp-monitor.mjs', import.meta.url));
const YEAR = '2025';

/** Runs the CLI in its own process, after `shellPrefix` (a ulimit) when given; resolves with its output once it ends. */
function runProcess(args: string[], options: { shellPrefix?: string } = {}) {
  const child = options.shellPrefix
    ? spawn('sh', ['-c', `${options.shellPrefix}; exec "$0" "$@"`, process.execPath, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((done) =>
    child.once('close', (code, signal) => done({ code, signal, stdout, stderr })),
  );
}

describe('report folder written as a unit', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');
  /** The report of the list before Huiskamer Oost was added (test/helpers/small-2025.ts), to read only. */
  let oldFolder: string;
  let oldReport: Record<string, string>;
  let newReport: Record<string, string>;
  /** The processes of the kill and full-disk cases, started together in beforeAll (each on its own copy of the old report) and checked by their tests. */
  const killed = new Map<string, Promise<KilledRun>>();
  let fullDisk: ReturnType<typeof runProcess>;

  beforeAll(async () => {
    // The database once the list grew and was built again: what every report below writes.
    await small2025Database('nieuw', scratch);
    oldFolder = await small2025Report('oud');
    oldReport = tree(oldFolder);
    newReport = tree(await small2025Report('nieuw'));
    expect(newReport['locaties.csv']).not.toEqual(oldReport['locaties.csv']);
    for (const [name, moment] of [['half', 'rapport-half-geschreven'], ['opzij', 'rapport-oud-opzij'], ['geplaatst', 'rapport-nieuw-geplaatst']] as const) {
      copyFileSync(db, caseDatabase(name));
      killed.set(name, startKill(moment, reportArgs(previousFolder(name).target, caseDatabase(name))));
    }
    copyFileSync(db, caseDatabase('vol'));
    // 100 KiB: the workbook (the first and largest file) cannot be written.
    fullDisk = runProcess(reportArgs(previousFolder('vol').target, caseDatabase('vol')), { shellPrefix: 'ulimit -f 100' });
  }, 240_000);

  /** A fresh copy of the old report at <case>/rapport, the folder a report then replaces. */
  function previousFolder(name: string): { parent: string; target: string } {
    const parent = join(scratch, name);
    if (!existsSync(parent)) {
      mkdirSync(parent);
      cpSync(oldFolder, join(parent, 'rapport'), { recursive: true });
    }
    return { parent, target: join(parent, 'rapport') };
  }

  /** A case's own copy of the database, beside its folder: one process at a time may hold a database. */
  const caseDatabase = (name: string) => join(scratch, `${name}.duckdb`);

  /** The folders of a case started in beforeAll, once its process was killed at its moment. */
  async function killedCase(name: string): Promise<{ parent: string; target: string }> {
    await killed.get(name);
    return previousFolder(name);
  }

  function reportArgs(target: string, database = db): string[] {
    return ['report', '--year', YEAR, '--out', target, '--db', database];
  }

  /** The next report (on the database the killed one held) completes the folder and leaves nothing beside it. */
  async function nextReportCompletes(name: string, parent: string, target: string): Promise<void> {
    const next = await runCli(reportArgs(target, caseDatabase(name)));
    expect(next.code, next.stderr).toBe(0);
    expect(tree(target)).toEqual(newReport);
    expect(readdirSync(parent)).toEqual(['rapport']);
  }

  it('killed while writing the new files: the previous folder is untouched, with no temporary file in it', async () => {
    const name = 'half';
    const { parent, target } = await killedCase(name);
    expect(tree(target)).toEqual(oldReport);
    expect(readdirSync(parent).filter((entry) => entry !== 'rapport')).toEqual([expect.stringMatching(/^\.rapport\.new-\d+-[0-9a-f]{8}$/)]);
    await nextReportCompletes(name, parent, target);
  }, 120_000);

  it('killed between moving the old folder aside and putting the new one in place: the next report restores and replaces it', async () => {
    const name = 'opzij';
    const { parent, target } = await killedCase(name);
    const aside = readdirSync(parent).find((entry) => entry.startsWith('.rapport.old-'));
    expect(aside).toBeDefined();
    expect(tree(join(parent, aside!))).toEqual(oldReport);
    expect(existsSync(target)).toBe(false);
    await nextReportCompletes(name, parent, target);
  }, 120_000);

  it('killed after the swap, before the old copy is removed: the new folder is complete, the next report removes the old copy', async () => {
    const name = 'geplaatst';
    const { parent, target } = await killedCase(name);
    expect(tree(target)).toEqual(newReport);
    expect(readdirSync(parent).filter((entry) => entry !== 'rapport')).toEqual([expect.stringMatching(/^\.rapport\.old-\d+-[0-9a-f]{8}$/)]);
    await nextReportCompletes(name, parent, target);
  }, 120_000);

  it('a write that fails (a file-size limit standing in for a full disk) leaves the previous folder intact and says so in Dutch', async () => {
    const { parent, target } = previousFolder('vol');
    const failed = await fullDisk;
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stderr.trim()).toBe(`fout: geen ruimte meer op de schijf bij het schrijven van de monitor naar ${target} (de vorige inhoud is ongewijzigd)`);
    expect(tree(target)).toEqual(oldReport);
    expect(readdirSync(parent)).toEqual(['rapport']);
  }, 120_000);

  it("refuses a folder holding a file the report does not write, and leaves it as it was", async () => {
    const { target } = previousFolder('eigen');
    writeFileSync(join(target, 'notities.txt'), 'mijn aantekeningen\n');
    writeFileSync(join(target, 'figuren', '.~lock.kaart.svg#'), '');
    const refused = await runCli(reportArgs(target));
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: `fout: map ${target} bevat bestanden die de monitor niet schrijft: figuren/.~lock.kaart.svg#, notities.txt; de monitor vervangt de hele map, dus verplaats ze of kies een andere map`,
    });
    expect(tree(target)).toEqual({ ...oldReport, 'notities.txt': expect.any(String), 'figuren/.~lock.kaart.svg#': '' });
  }, 60_000);

  it("replaces a report that had an earlier year's verschillen.csv (and a .DS_Store) by one without", async () => {
    const { target } = previousFolder('verschillen');
    writeFileSync(join(target, 'verschillen.csv'), 'location_id\n');
    writeFileSync(join(target, '.DS_Store'), ''); // a file browser's, replaced with the folder
    const replaced = await runCli(reportArgs(target));
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(tree(target)).toEqual(newReport);
  }, 60_000);

  describe('a bad --out fails at once, naming the path', () => {
    it('an existing file', async () => {
      const file = join(scratch, 'een-bestand.txt');
      writeFileSync(file, 'x');
      expect(await runCli(reportArgs(file))).toEqual({ code: 1, stdout: '', stderr: `fout: ${file} is een bestand, geen map; kies een map voor de monitor` });
    });

    it('a path under a file', async () => {
      const file = join(scratch, 'ook-een-bestand.txt');
      writeFileSync(file, 'x');
      const result = await runCli(reportArgs(join(file, 'rapport')));
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: `fout: ${file} is een bestand, geen map; de monitor kan niet naar ${join(file, 'rapport')} worden geschreven`,
      });
    });

    it('a folder nobody may write in (/sys, unwritable even for root)', async () => {
      const result = await runCli(reportArgs('/sys/lsp-monitor-rapport'));
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: 'fout: geen schrijfrechten voor /sys; de monitor kan niet naar /sys/lsp-monitor-rapport worden geschreven',
      });
    }, 60_000);

    it('/proc/x, where mkdir answers ENOENT for a parent that exists (used to spin at 100% CPU)', async () => {
      const started = Date.now();
      const result = await runProcess(reportArgs('/proc/x'), { shellPrefix: 'ulimit -t 60' });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr.trim()).toBe('fout: de monitor kan niet naar /proc/x worden geschreven');
      expect(Date.now() - started).toBeLessThan(30_000);
    }, 90_000);
  });

  it('--help says what report writes', async () => {
    const help = await runCli(['report', '--help']);
    for (const written of ['monitor.html', 'figuren/', 'overzicht.xlsx', 'locaties.csv', 'als geheel vervangen']) expect(help.stdout).toContain(written);
    expect(help.stdout).not.toContain('Markdown en CSV');
  });
});
