/**
 * The overview does not depend on the database's history: the same year built into a fresh
 * database and into one whose rows lie in another physical order (reference data written again,
 * the year built again) gives the same workbook, down to the 16th digit of every cached value.
 * The national EPA share once differed there: its sums added the provinces in row order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { runCli, scratchDir } from '../../helpers/cli.ts';
import { monitor2024, monitor2024Database } from '../../helpers/monitor-2024.ts';

async function run(args: readonly string[]): Promise<void> {
  const result = await runCli(args);
  if (result.code !== 0) throw new Error(`lsp-monitor ${args.join(' ')} failed (${result.code}):\n${result.stderr}`);
}

/** Every cell of every sheet as address → value (a formula by its cached result). */
async function cellValues(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const cells: Record<string, unknown> = {};
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => row.eachCell((cell) => {
      cells[`${sheet.name}!${cell.address}`] = typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value ? cell.result : cell.value;
    }));
  }
  return cells;
}

describe('the overview of a year built into databases with different histories', () => {
  let fresh: Uint8Array;
  let rebuilt: Uint8Array;

  beforeAll(async () => {
    const scratch = scratchDir('lsp-monitor-xlsx-history-');
    // A fresh database: the suite's one run of 2024 (read only). The reused one starts as its copy.
    const shared = await monitor2024();
    expect(shared.run.code, shared.run.stderr).toBe(0);
    fresh = readFileSync(join(shared.reports, '2024', 'overzicht.xlsx'));

    const reused = await monitor2024Database(scratch, 'hergebruikt.duckdb');
    // The same municipalities written again in another order, as a reloaded reference table may be.
    await withDatabase(reused, (database) =>
      database.transaction(async () => {
        await database.run('CREATE TEMP TABLE previous_municipality AS SELECT * FROM ref_municipality');
        await database.run('DELETE FROM ref_municipality');
        await database.run('INSERT INTO ref_municipality SELECT * FROM previous_municipality ORDER BY gm_code DESC');
      }),
    );
    await run(['build', '--year', '2024', '--db', reused]);
    await run(['build', '--year', '2024', '--db', reused]);
    await run(['report', '--year', '2024', '--db', reused, '--out', join(scratch, 'daarna')]);
    rebuilt = readFileSync(join(scratch, 'daarna', 'overzicht.xlsx'));
  }, 300_000);

  it('caches the same value in every cell', async () => {
    expect(await cellValues(rebuilt)).toEqual(await cellValues(fresh));
  });

  it('has the same bytes', () => {
    expect(Buffer.compare(Buffer.from(rebuilt), Buffer.from(fresh))).toBe(0);
  });
});
