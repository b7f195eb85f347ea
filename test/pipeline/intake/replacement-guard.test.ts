/**
 * Every intake that replaces what a source holds for a year goes through one guard
 * (pipeline/intake/replacement-guard.ts). Here the web snapshots, which had none: a MIND-atlas
 * snapshot in the bundled shape whose entries all resolve nowhere, and one cut to its first page,
 * are refused with what they would drop, and the stored batch stays as it was; and survey answers,
 * which were only refused when none was usable, and EPA shares, which had none either.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Snapshot } from '../../../sources/adapter.ts';
import { mindAtlas } from '../../../sources/adapters/mind-atlas.ts';
import { survey } from '../../../sources/adapters/survey.ts';
import { vektisEpa } from '../../../sources/adapters/vektis-epa.ts';
import { readBundledSnapshot } from '../../../sources/snapshots/bundled.ts';
import { buildYear } from '../../../pipeline/build/build-year.ts';
import { createContext, type MonitorContext } from '../../../pipeline/context.ts';
import { MonitorDatabase } from '../../../pipeline/db/database.ts';
import { importFileSource } from '../../../pipeline/intake/import-file-source.ts';
import { takeIn } from '../../../pipeline/intake/intake.ts';
import { replacementRefusal } from '../../../pipeline/intake/replacement-guard.ts';
import { FIXTURES, readFixtureSnapshot } from '../../fixtures/sources/fixture-snapshots.ts';
import { scratchDir } from '../../helpers/cli.ts';

const YEAR = 2031;

/** The snapshot with every page's HTML changed. */
function changed(snapshot: Snapshot, change: (html: string) => string): Snapshot {
  return {
    ...snapshot,
    files: snapshot.files.map((file) => ({ ...file, bytes: new TextEncoder().encode(change(new TextDecoder().decode(file.bytes))) })),
  };
}

/** Every entry still has a place, but one no municipality table knows: the site wrote "op aanvraag" instead. */
const placeOnRequest = (html: string) =>
  html
    .replace(/<span class="atlas-result__postcode">[^<]*<\/span>/g, '')
    .replace(/<p class="atlas-result__municipality">[^<]*<\/p>/g, '')
    .replace(/<span class="atlas-result__place">[^<]*<\/span>/g, '<span class="atlas-result__place">op aanvraag</span>');

/** Only the first page: its link to the next one is gone. */
const firstPageOnly = (html: string) => html.replace(/<a rel="next"[^>]*>[^<]*<\/a>/, '');

describe('the replacement guard on a web snapshot', () => {
  let database: MonitorDatabase;
  let context: MonitorContext;
  let bundled: Snapshot;
  const target = (replace: boolean, file: string) => ({ database, context, year: YEAR, source: 'mind-atlas', file, sha256: file, replace });
  const stored = async () =>
    (await database.query(z.object({ n: z.number() }), 'SELECT count(*)::INTEGER AS n FROM inventory_record WHERE year = $1 AND source = $2', [YEAR, 'mind-atlas']))[0]!.n;

  beforeAll(async () => {
    context = createContext();
    database = await MonitorDatabase.open(join(scratchDir('guard'), 'monitor.duckdb'));
    bundled = await readBundledSnapshot('mind-atlas');
  });
  afterAll(() => database.close());

  it('takes the bundled snapshot in', async () => {
    const summary = await takeIn(mindAtlas, bundled, target(false, 'mind-atlas/bundled'));
    expect(summary.refusal).toBeUndefined();
    expect(summary.imported).toBeGreaterThan(170);
    expect(await stored()).toBe(summary.imported);
  });

  it('refuses a snapshot without one usable row, saying what it would replace, and changes nothing', async () => {
    const before = await stored();
    const summary = await takeIn(mindAtlas, changed(bundled, placeOnRequest), target(false, 'mind-atlas/op-aanvraag'));
    expect(summary.imported).toBe(0);
    expect(summary.refusal).toMatch(
      new RegExp(
        `^mind-atlas/op-aanvraag: geen enkele rij is bruikbaar \\(${summary.rejectedRows} afgewezen\\); deze import zou de ${before} rijen van bron mind-atlas voor ${YEAR} ` +
          `\\(mind-atlas/bundled, ingelezen [0-9-]+ [0-9:]+\\) vervangen door niets\\. Er is niets veranderd\\. Verbeter het bestand; moet de bron echt weg, ` +
          `gebruik dan 'lsp-monitor imports remove --year ${YEAR} --source mind-atlas'$`,
      ),
    );
    expect(summary.rejectedRows).toBe(summary.rowsRead);
    expect(await stored()).toBe(before);
  });

  it('refuses a snapshot with fewer than half the rows, unless run --replace confirms it', async () => {
    const before = await stored();
    const cut = changed(bundled, firstPageOnly);
    const refused = await takeIn(mindAtlas, cut, target(false, 'mind-atlas/pagina-1'));
    expect(refused.imported).toBeLessThan(before / 2);
    expect(refused.refusal).toContain(
      `mind-atlas/pagina-1: ${refused.imported} bruikbare rijen (${refused.rejectedRows} afgewezen), minder dan de helft van de ${before} rijen van bron mind-atlas voor ${YEAR}`,
    );
    expect(refused.refusal).toContain(`${before - refused.imported} rijen zouden verdwijnen. Er is niets veranderd. Klopt dit toch, draai dan 'lsp-monitor run --replace'`);
    expect(await stored()).toBe(before);

    const confirmed = await takeIn(mindAtlas, cut, target(true, 'mind-atlas/pagina-1'));
    expect(confirmed.refusal).toBeUndefined();
    expect(await stored()).toBe(refused.imported);
  });
});

describe('replacementRefusal', () => {
  const inUse = { count: 40, described: 'de 40 antwoorden van bron survey voor 2025 (zelfevaluatie.csv)', unit: { one: 'antwoord', many: 'antwoorden' } };
  const base = { file: 'nieuw.csv', rejected: 2, confirmHow: 'importeer dan opnieuw met --replace' };

  it('lets a first file with usable rows, a replacement of at least half, and a confirmed one go ahead', () => {
    expect(replacementRefusal({ ...base, usable: 1, inUse: undefined, confirmed: false })).toBeUndefined();
    expect(replacementRefusal({ ...base, usable: 20, inUse, confirmed: false })).toBeUndefined();
    expect(replacementRefusal({ ...base, usable: 0, inUse, confirmed: true })).toBeUndefined();
  });

  it('refuses a first file without a usable row, and names what is counted', () => {
    expect(replacementRefusal({ ...base, usable: 0, inUse: undefined, confirmed: false })).toBe('nieuw.csv: geen enkele rij is bruikbaar (2 afgewezen); er is niets ingelezen');
    expect(replacementRefusal({ ...base, usable: 19, inUse, confirmed: false })).toBe(
      'nieuw.csv: 19 bruikbare antwoorden (2 afgewezen), minder dan de helft van de 40 antwoorden van bron survey voor 2025 (zelfevaluatie.csv); ' +
        '21 antwoorden zouden verdwijnen. Er is niets veranderd. Klopt dit toch, importeer dan opnieuw met --replace',
    );
    expect(replacementRefusal({ ...base, usable: 0, inUse, confirmed: false })).toBe(
      'nieuw.csv: geen enkele rij is bruikbaar (2 afgewezen); deze import zou de 40 antwoorden van bron survey voor 2025 (zelfevaluatie.csv) vervangen door niets. ' +
        'Er is niets veranderd. Verbeter het bestand',
    );
  });
});

describe('the replacement guard on survey answers', () => {
  let database: MonitorDatabase;
  let context: MonitorContext;
  const target = (replace: boolean, file: string) => ({ database, context, year: YEAR, source: 'survey', file, sha256: file, replace });

  beforeAll(async () => {
    context = createContext();
    database = await MonitorDatabase.open(join(scratchDir('guard-survey'), 'monitor.duckdb'));
    // Answers are linked to the year's steunpunten: a built year.
    await takeIn(mindAtlas, await readBundledSnapshot('mind-atlas'), { ...target(false, 'mind-atlas/bundled'), source: 'mind-atlas' });
    await buildYear(database, context, YEAR);
  });
  afterAll(() => database.close());

  it('refuses a file with fewer than half the answers it replaces, unless --replace confirms it', async () => {
    const full = await readFixtureSnapshot(FIXTURES.surveyCsv);
    const lines = (await takeIn(survey, full, target(false, 'zelfevaluatie.csv'))).lines;
    const answers = Number(/: (\d+) antwoorden/.exec(lines[0]!)?.[1]);
    expect(answers).toBeGreaterThan(4);
    // The same file with the first steunpunt's row left out.
    const cut = changed(full, (csv) => csv.split('\n').filter((_, index) => index !== 1).join('\n'));
    await expect(takeIn(survey, cut, target(false, 'zelfevaluatie-deel.csv'))).rejects.toThrow(
      new RegExp(
        `^zelfevaluatie-deel\\.csv: \\d+ bruikbare antwoorden \\(0 afgewezen\\), minder dan de helft van de ${answers} antwoorden van bron survey voor ${YEAR} ` +
          `\\(zelfevaluatie\\.csv\\); \\d+ antwoorden zouden verdwijnen\\. Er is niets veranderd\\. Klopt dit toch, importeer dan opnieuw met --replace$`,
      ),
    );
    expect((await takeIn(survey, cut, target(true, 'zelfevaluatie-deel.csv'))).lines[0]).toMatch(/^zelfevaluatie-deel\.csv \(bron survey, 2031\): \d+ antwoorden/);
  });
});

describe('the replacement guard on EPA shares', () => {
  let database: MonitorDatabase;
  let context: MonitorContext;
  const vektis = fileURLToPath(new URL('../../fixtures/sources/vektis/epa-per-gemeente_2022.csv', import.meta.url));

  beforeAll(async () => {
    context = createContext();
    database = await MonitorDatabase.open(join(scratchDir('guard-epa'), 'monitor.duckdb'));
  });
  afterAll(() => database.close());

  it('refuses a table with fewer than half the municipalities of a year it replaces, unless --replace confirms it', async () => {
    const first = await importFileSource(database, context, vektisEpa, { path: vektis, year: 2025 });
    const municipalities = Number(/EPA-aandeel van (\d+) gemeenten ingelezen voor 2022/.exec(first[0]!)?.[1]);
    expect(municipalities).toBeGreaterThan(3);
    const cut = join(scratchDir('guard-epa-file'), 'epa-deel_2022.csv');
    writeFileSync(cut, readFileSync(vektis, 'utf8').split('\n').slice(0, 2).join('\n'));
    await expect(importFileSource(database, context, vektisEpa, { path: cut, year: 2025 })).rejects.toThrow(
      `epa-deel_2022.csv: 1 bruikbare gemeente (0 afgewezen), minder dan de helft van de EPA-aandelen van ${municipalities} gemeenten voor 2022 ` +
        `(epa-per-gemeente_2022.csv); ${municipalities - 1} gemeenten zouden verdwijnen. Er is niets veranderd. Klopt dit toch, herhaal de opdracht dan met --replace`,
    );
    expect((await importFileSource(database, context, vektisEpa, { path: cut, year: 2025, replace: true }))[0]).toContain('EPA-aandeel van 1 gemeente ingelezen voor 2022');
  });
});

describe('replacementRefusal, in words', () => {
  it('names one usable row in the singular and counts in Dutch', () => {
    const refusal = replacementRefusal({
      file: 'lijst.csv', usable: 1, rejected: 1_204, confirmed: false, confirmHow: 'importeer dan opnieuw met --replace',
      inUse: { count: 1_500, described: 'de 1.500 rijen van bron regio-oost voor 2025' },
    });
    expect(refusal).toBe(
      'lijst.csv: 1 bruikbare rij (1.204 afgewezen), minder dan de helft van de 1.500 rijen van bron regio-oost voor 2025; ' +
        '1.499 rijen zouden verdwijnen. Er is niets veranderd. Klopt dit toch, importeer dan opnieuw met --replace',
    );
  });
});
