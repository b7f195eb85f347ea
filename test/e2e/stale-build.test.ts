/**
 * No report from a stale build (issue #11, observation 7): `report` after an import, corrections,
 * review decisions, a rebuilt earlier year or a changed configuration, without a new build,
 * refuses and says which; the report folder it would have replaced is left as it was.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../pipeline/db/database.ts';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { inventoryCsv as inventory, small2025Database, small2025Report } from '../helpers/small-2025.ts';

const CONFIG = fileURLToPath(new URL('../../pipeline/config/monitor.config.json', import.meta.url));
/** As the database stores it (toISOString into a TIMESTAMP) and the messages show it. */
const UTC_STAMP = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/.source;

describe('report refuses a stale build', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');
  const out = join(scratch, 'rapport');
  const cli = async (...args: string[]) => runCli([...args, '--db', db]);
  const report = (year: string, ...extra: string[]) => cli('report', '--year', year, '--out', out, ...extra);
  const ok = async (...args: string[]) => {
    const result = await cli(...args);
    expect(result.code, result.stderr).toBe(0);
    return result;
  };
  let published: string;

  beforeAll(async () => {
    // Source lijst (inventaris.csv) imported, built and reported for 2025 (test/helpers/small-2025.ts).
    await small2025Database('oud', scratch);
    cpSync(await small2025Report('oud'), out, { recursive: true });
    published = readFileSync(join(out, 'locaties.csv'), 'utf8');
  }, 120_000);

  it('after an import without a build: names the source, its file and when, and leaves the folder as it was', async () => {
    const second = join(scratch, 'tweede lijst.csv');
    writeFileSync(second, inventory(['Huiskamer Oost,Humanitas,Enschede,2']));
    await ok('import', second, '--year', '2025', '--source', 'humanitas');
    const refused = await report('2025');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^fout: de build van 2025 is ouder dan de import van bron humanitas \\(tweede lijst\\.csv, ${UTC_STAMP}\\); ` +
          `gebruik eerst 'lsp-monitor build --year 2025'$`,
      ),
    );
    expect(readFileSync(join(out, 'locaties.csv'), 'utf8')).toBe(published);

    await ok('build', '--year', '2025');
    await ok('report', '--year', '2025', '--out', out);
    expect(readFileSync(join(out, 'locaties.csv'), 'utf8')).toContain('Huiskamer Oost');
  }, 120_000);

  it('after an import is removed or restored: names the source and its file', async () => {
    const refusal = (done: string) =>
      new RegExp(`^fout: de build van 2025 is ouder dan ${done} van de import van bron humanitas \\(tweede lijst\\.csv, ${UTC_STAMP}\\); gebruik eerst 'lsp-monitor build --year 2025'$`);
    await ok('imports', 'remove', '--year', '2025', '--source', 'humanitas');
    expect((await report('2025')).stderr).toMatch(refusal('het verwijderen'));
    await ok('build', '--year', '2025');
    await ok('imports', 'restore', '--year', '2025', '--source', 'humanitas');
    expect((await report('2025')).stderr).toMatch(refusal('het terugzetten'));
    await ok('build', '--year', '2025');
    await ok('report', '--year', '2025', '--out', out);
  }, 120_000);

  it('with another configuration than the build used: names the changed keys', async () => {
    const config = JSON.parse(readFileSync(CONFIG, 'utf8')) as Record<string, unknown>;
    const changed = join(scratch, 'andere-gewichten.json');
    writeFileSync(changed, JSON.stringify({ ...config, weights: { klein: 0.25, middelgroot: 1, groot: 2, onbekend: 1 } }));
    expect((await report('2025', '--config', changed)).stderr).toBe(
      "fout: de build van 2025 is ouder dan de configuratie (gewijzigd: weights); gebruik eerst 'lsp-monitor build --year 2025'",
    );
    await ok('build', '--year', '2025', '--config', changed);
    await ok('report', '--year', '2025', '--out', out, '--config', changed);
    // The default configuration is now the changed one, seen from this build.
    expect((await report('2025')).stderr).toContain('de configuratie (gewijzigd: weights)');
    await ok('build', '--year', '2025');
  }, 120_000);

  it('after corrections stored without a rebuild (a run killed in between): names the corrections file', async () => {
    await withDatabase(db, (database) =>
      database.append('correction_file', [{ year: 2025, file_name: 'overzicht-regio.xlsx', sha256: 'a'.repeat(64), applied_at: new Date().toISOString(), changes: 1 }]),
    );
    expect((await report('2025')).stderr).toMatch(
      new RegExp(`^fout: de build van 2025 is ouder dan de correcties uit overzicht-regio\\.xlsx \\(2025, ${UTC_STAMP}\\); gebruik eerst`),
    );
    await ok('build', '--year', '2025');
    await ok('report', '--year', '2025', '--out', out);
  }, 120_000);

  it('a year never built, and an earlier year rebuilt or stale, are refused the same way', async () => {
    expect((await report('2026')).stderr).toBe(
      "fout: monitor 2026 is nog niet gebouwd; gebruik eerst 'lsp-monitor build --year 2026'",
    );
    const list = join(scratch, 'lijst-2024.csv');
    writeFileSync(list, inventory(['Herstelcafé Haarlem,Stichting Anders,Haarlem,4']));
    await ok('import', list, '--year', '2024', '--source', 'lijst');
    await ok('build', '--year', '2024');
    // 2024 built after 2025: 2025's locations took their ids from an older 2024.
    expect((await report('2025')).stderr).toMatch(
      new RegExp(
        `^fout: de build van 2025 is ouder dan de build van 2024 \\(${UTC_STAMP}\\), waarvan de locaties hun id doorgeven; ` +
          `gebruik eerst 'lsp-monitor build --year 2025'$`,
      ),
    );
    await ok('build', '--year', '2025');
    await ok('report', '--year', '2025', '--out', out);
    // A stale 2024 (the year 2025 is compared with): both builds, in order.
    await ok('import', list, '--year', '2024', '--source', 'lijst');
    expect((await report('2025')).stderr).toMatch(
      new RegExp(
        `^fout: de build van 2024 \\(waarmee 2025 wordt vergeleken\\) is ouder dan de import van bron lijst \\(lijst-2024\\.csv, ${UTC_STAMP}\\); ` +
          `gebruik eerst 'lsp-monitor build --year 2024' en daarna 'lsp-monitor build --year 2025'$`,
      ),
    );
  }, 180_000);
});
