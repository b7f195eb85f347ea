/**
 * No personal data, by construction (issue 11, observation 3): only recognised fields are stored,
 * unknown columns never are, and the import names the columns it ignored. A list with columns of
 * names, BSN numbers, phone numbers and e-mail addresses leaves none of them anywhere in the
 * database or the report folder.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { freshDatabase } from '../helpers/fresh-database.ts';
import { queryRows } from '../helpers/database-state.ts';

/** Each value is personal data that must not survive the import. */
const PERSONAL = {
  Contact: ['Jan Jansen', 'Fatima el Amrani'],
  BSN: ['123456782', '987654321'],
  '06-nummer': ['06-12345678', '0687654321'],
  'Bereikbaar via': ['j.jansen@example.nl', 'fatima.amrani@example.org'],
  'Naam beheerder': ['Pieter de Vries', 'Anneke Bos'],
  Coördinator: ['Henk Hoekstra', 'Mieke Visser'],
} as const;

async function allDatabaseText(db: string): Promise<string> {
  const tables = await queryRows(db, "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'BASE TABLE'");
  const parts: string[] = [];
  for (const [table] of tables) parts.push(JSON.stringify(await queryRows(db, `SELECT * FROM "${String(table)}"`)));
  return parts.join('\n');
}

async function allReportText(folder: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (entry.name.endsWith('.xlsx')) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      workbook.eachSheet((sheet) => sheet.eachRow((row) => parts.push(JSON.stringify(row.values))));
    } else {
      parts.push(readFileSync(path, 'latin1'), readFileSync(path, 'utf8'));
    }
  }
  return parts.join('\n');
}

describe('personal data', () => {
  it('stores no column about people, names the ignored columns, and counts every steunpunt', async () => {
    const scratch = scratchDir('lsp-monitor-personal-');
    const db = await freshDatabase(scratch);
    const file = join(scratch, 'regio-west.csv');
    const headers = ['Naam', 'Gemeente', ...Object.keys(PERSONAL), 'Website'];
    const row = (index: 0 | 1, name: string, municipality: string) =>
      [name, municipality, ...Object.values(PERSONAL).map((values) => values[index]), 'https://www.inloop.example.nl'].join(';');
    writeFileSync(file, [headers.join(';'), row(0, 'Inloophuis De Brug', 'Leiden'), row(1, 'Herstelcafé Delft', 'Delft')].join('\n'));

    const imported = await runCli(['import', file, '--year', '2025', '--db', db]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('2 rijen ingelezen, 0 afgewezen');
    for (const header of Object.keys(PERSONAL)) expect(imported.stdout).toContain(`'${header}'`);
    expect((await runCli(['build', '--year', '2025', '--db', db])).code).toBe(0);
    const out = join(scratch, 'out');
    expect((await runCli(['report', '--year', '2025', '--out', out, '--db', db])).code).toBe(0);

    const stored = await allDatabaseText(db);
    const written = await allReportText(out);
    expect(stored).toContain('Inloophuis De Brug');
    expect(written).toContain('Herstelcafé Delft');
    for (const value of Object.values(PERSONAL).flat()) {
      expect(stored, `database holds '${value}'`).not.toContain(value);
      expect(written, `report holds '${value}'`).not.toContain(value);
    }
  });
});
