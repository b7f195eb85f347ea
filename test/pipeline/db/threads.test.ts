/**
 * DuckDB's worker threads: one per core unless LSP_MONITOR_DRADEN caps them (database.ts); a
 * wrong setting is named in Dutch.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MonitorError } from '../../../sources/errors.ts';
import { THREADS_VARIABLE, threadsFrom, withDatabase } from '../../../pipeline/db/database.ts';
import { scratchDir } from '../../helpers/cli.ts';

const Setting = z.object({ threads: z.coerce.number() });

describe('DuckDB threads', () => {
  it("are DuckDB's default unless the variable gives a number", () => {
    expect(threadsFrom(undefined)).toBeUndefined();
    expect(threadsFrom(' ')).toBeUndefined();
    expect(threadsFrom('1')).toBe(1);
    expect(threadsFrom(' 4 ')).toBe(4);
  });

  it('names a variable that holds no number of threads, in Dutch', () => {
    expect(() => threadsFrom('veel')).toThrow(MonitorError);
    expect(() => threadsFrom('0')).toThrow(
      `${THREADS_VARIABLE} '0' is geen aantal draden; geef bijvoorbeeld ${THREADS_VARIABLE}=1, of laat de variabele weg (standaard één per processorkern)`,
    );
    expect(() => threadsFrom('1.5')).toThrow(`${THREADS_VARIABLE} '1.5' is geen aantal draden`);
  });

  it('are what DuckDB runs with when the variable is set', async () => {
    const saved = process.env[THREADS_VARIABLE];
    const folder = scratchDir('threads');
    try {
      process.env[THREADS_VARIABLE] = '1';
      const capped = await withDatabase(join(folder, 'capped.duckdb'), (database) => database.query(Setting, `SELECT current_setting('threads') AS threads`));
      process.env[THREADS_VARIABLE] = '';
      const free = await withDatabase(join(folder, 'free.duckdb'), (database) => database.query(Setting, `SELECT current_setting('threads') AS threads`));
      expect(capped[0]?.threads).toBe(1);
      // The machine's cores: the cap is really set, not DuckDB's default (which is 1 on a 1-core machine).
      if (free[0]!.threads > 1) expect(free[0]!.threads).not.toBe(capped[0]?.threads);
    } finally {
      if (saved === undefined) delete process.env[THREADS_VARIABLE];
      else process.env[THREADS_VARIABLE] = saved;
    }
  });
});
