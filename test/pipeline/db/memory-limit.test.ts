/**
 * DuckDB runs under a memory limit of the monitor's own (database.ts): a run that needs more fails
 * with a Dutch message naming the limit and how to raise it, and a wrong setting is named too.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MonitorError } from '../../../sources/errors.ts';
import { DEFAULT_MEMORY_LIMIT, MEMORY_VARIABLE, memoryLimitFrom, withDatabase } from '../../../pipeline/db/database.ts';
import { scratchDir } from '../../helpers/cli.ts';

const Setting = z.object({ limit: z.string() });

describe('DuckDB memory limit', () => {
  it('is the default unless the variable gives another size', () => {
    expect(memoryLimitFrom(undefined)).toBe(DEFAULT_MEMORY_LIMIT);
    expect(memoryLimitFrom(' ')).toBe(DEFAULT_MEMORY_LIMIT);
    expect(memoryLimitFrom('4GB')).toBe('4GB');
    expect(memoryLimitFrom(' 1.5 GiB ')).toBe('1.5 GiB');
  });

  it('names a variable that holds no size, in Dutch', () => {
    expect(() => memoryLimitFrom('veel')).toThrow(MonitorError);
    expect(() => memoryLimitFrom('4')).toThrow(`${MEMORY_VARIABLE} '4' is geen hoeveelheid geheugen`);
  });

  it('is what DuckDB runs under', async () => {
    const limits = await withDatabase(join(scratchDir('memory-limit'), 'monitor.duckdb'), async (database) => {
      const [given] = await database.query(Setting, `SELECT current_setting('memory_limit') AS limit`);
      await database.run(`SET memory_limit = $limit`, { limit: DEFAULT_MEMORY_LIMIT });
      const [expected] = await database.query(Setting, `SELECT current_setting('memory_limit') AS limit`);
      await database.run(`RESET memory_limit`);
      const [own] = await database.query(Setting, `SELECT current_setting('memory_limit') AS limit`);
      // The setting is the process's DuckDB instance's, which the next database of this worker shares.
      await database.run(`SET memory_limit = $limit`, { limit: DEFAULT_MEMORY_LIMIT });
      return { given: given?.limit, expected: expected?.limit, own: own?.limit };
    });
    expect(limits.given).toBe(limits.expected);
    // Without it DuckDB takes 80 % of the RAM: the limit is really set, not DuckDB's default.
    expect(limits.own).not.toBe(limits.given);
  });

  it('turns DuckDB running out of it into a Dutch error that says how to raise it', async () => {
    const failure = await withDatabase(
      join(scratchDir('memory-limit'), 'monitor.duckdb'),
      // A list aggregate is held in memory whole: 10 million numbers do not fit in 20 MB.
      (database) => database.run('SELECT length(list(i)) FROM range(10000000) t(i)').then(() => undefined, (error: unknown) => error),
      { memoryLimit: '20MB' },
    );
    expect(failure).toBeInstanceOf(MonitorError);
    expect((failure as MonitorError).message).toBe(
      `de database had meer werkgeheugen nodig dan de 20MB die lsp-monitor haar geeft; geef meer met de omgevingsvariabele ${MEMORY_VARIABLE} (bijvoorbeeld ${MEMORY_VARIABLE}=4GB) en probeer het opnieuw`,
    );
    expect(((failure as MonitorError).cause as Error).message).toMatch(/^Out of Memory Error:/);
  });
});
