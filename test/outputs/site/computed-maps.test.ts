/**
 * The maps are stored projected in dist/ by the build (pipeline/cli/precompute.ts) and read from
 * there while dist/ is up to date (sources/reference/precomputed.ts); prepared-maps.test.ts draws
 * the 2024 site that way. Here dist/ is taken to hold nothing, as when it is older than the sources
 * or a reference file was changed: the maps are projected while drawn, to the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { withDatabase } from '../../../pipeline/db/database.ts';
import { readReportInput, type ReportInput } from '../../../pipeline/read/read-report-input.ts';
import { reportFigures } from '../../../outputs/figures/report-figures.ts';
import { siteFiles } from '../../../outputs/site/site-files.ts';
import { precomputedBytes } from '../../../sources/reference/precomputed.ts';
import { scratchDir } from '../../helpers/cli.ts';
import { monitor2024Database } from '../../helpers/monitor-2024.ts';

vi.mock('../../../sources/reference/precomputed.ts', async (original) => ({
  ...(await original<typeof import('../../../sources/reference/precomputed.ts')>()),
  precomputedBytes: vi.fn(() => undefined),
}));

const COMMITTED = fileURLToPath(new URL('../../../reports/2024/', import.meta.url));

describe('the 2024 maps projected while drawn, without what dist/ stores', () => {
  let input: ReportInput;

  beforeAll(async () => {
    const database = await monitor2024Database(scratchDir('lsp-monitor-computed-maps-'));
    input = await withDatabase(database, (db) => readReportInput(db, 2024));
  }, 180_000);

  it('leave the site byte for byte the committed one', () => {
    for (const file of siteFiles(input)) expect(file.content, file.name).toBe(readFileSync(join(COMMITTED, file.name), 'utf8'));
    expect(precomputedBytes).toHaveBeenCalledWith('siteMaps');
  });

  it('leave the distance map byte for byte the committed one', async () => {
    const map = (await reportFigures(input)).find((figure) => figure.file === 'figuren/afstand-kaart.svg');
    expect(map?.svg).toBe(readFileSync(join(COMMITTED, 'figuren/afstand-kaart.svg'), 'utf8'));
    expect(precomputedBytes).toHaveBeenCalledWith('coverageMap');
  });
});
