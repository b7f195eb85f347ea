/**
 * Corrections from regiocoördinatoren (here: what the 2024 report's Bijlage 2 says about
 * GroeiRijk, Stichting Herstelproces and Power by Peers) change the monitor on import, are kept
 * as a source of their own, and are not applied twice.
 */
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { monitor2024Database } from '../helpers/monitor-2024.ts';
import { readCsv } from '../helpers/csv.ts';
import { queryRows } from '../helpers/database-state.ts';

const bodies = fileURLToPath(new URL('../fixtures/sources/snapshots/regional-corrections/bodies/', import.meta.url));

describe('regional corrections', () => {
  const scratch = scratchDir();
  const db = join(scratch, 'monitor.duckdb');
  const file = join(scratch, 'correcties-regio.csv');
  let imported: Awaited<ReturnType<typeof runCli>>;
  let locations: Record<string, string>[];
  let national: Record<string, string>;

  beforeAll(async () => {
    copyFileSync(join(bodies, readdirSync(bodies).find((name) => name.endsWith('.csv'))!), file);
    // 2024 as `lsp-monitor run` leaves it on a fresh database: the suite's one run, copied.
    await monitor2024Database(scratch);
    imported = await runCli(['import', file, '--year', '2024', '--source', 'regional-corrections', '--db', db]);
    expect((await runCli(['report', '--year', '2024', '--out', join(scratch, 'out'), '--db', db])).code).toBe(0);
    locations = readCsv(join(scratch, 'out/locaties.csv'));
    national = readCsv(join(scratch, 'out/nederland.csv'))[0]!;
  });

  it('closes, excludes and adds as the regiocoördinator says, and names what it could not find', () => {
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('niet gevonden, niet toegepast: Het BinnensteBuiten (Zeist): gesloten');
    expect(locations.find((row) => row['naam'] === 'GroeiRijk')).toMatchObject({ status: 'gesloten' });
    expect(locations.find((row) => row['naam'] === 'Stichting Herstelproces')).toMatchObject({ status: 'uitgesloten' });
    expect(locations.find((row) => row['naam'] === 'Power by Peers')).toMatchObject({ status: 'potentieel', gemeente: 'Utrecht' });
    expect(Number(national['in_beeld'])).toBeLessThan(278);
    expect(Number(national['potentieel'])).toBeGreaterThanOrEqual(1);
  });

  it('does not apply the same file twice', async () => {
    const again = await runCli(['import', file, '--year', '2024', '--source', 'regional-corrections', '--db', db]);
    expect(again.stdout).toBe('correcties-regio.csv: dit bestand is al eerder overgenomen voor 2024; er is niets veranderd.');
  });

  it('passes the guard: formula-looking names are data, control characters and an oversized row are refused with the reason, unknown columns are not stored', async () => {
    const hostile = join(scratch, 'correcties-vijandig.csv');
    writeFileSync(
      hostile,
      [
        'Naam;Gemeente;Plaats;IZA-regio;Soort;Grootte;Opmerking;Locatie-id;Contactpersoon;Telefoon',
        '"=HYPERLINK(""http://x"",""klik"")";Utrecht;Utrecht;;nieuw;;;;Jan Jansen;06-12345678',
        '@SUM(1+1);Utrecht;Utrecht;;nieuw;;;;;',
        'Inloop \u001b[31mRood;Utrecht;Utrecht;;nieuw;;;;;',
        'Inloop \u202egnirtS;Utrecht;Utrecht;;nieuw;;;;;',
        '@ease Utrecht;Utrecht;Utrecht;;nieuw;klein;;;;',
        '+Plus Inloop;Amersfoort;Amersfoort;;nieuw;;;;;',
        '-Herstelcafé-;Zeist;Zeist;;nieuw;;;;;',
        `Lange rij;Utrecht;Utrecht;;nieuw;;${'a'.repeat(20_000)};;;`,
      ].join('\r\n'),
    );
    const result = await runCli(['import', hostile, '--year', '2024', '--source', 'regional-corrections', '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('correcties-vijandig.csv (bron regional-corrections, 2024): 5 correctie(s) overgenomen, 3 afgewezen.');
    expect(result.stdout).toContain("niet gelezen en niet bewaard: kolom 'Contactpersoon', 'Telefoon'");
    expect(result.stdout).toContain("afgewezen: correcties-vijandig.csv, rij 4, veld 'Naam': bevat een onzichtbaar stuurteken (U+001B)");
    expect(result.stdout).toContain("afgewezen: correcties-vijandig.csv, rij 5, veld 'Naam': bevat een onzichtbaar stuurteken (U+202E)");
    expect(result.stdout).toMatch(/afgewezen: correcties-vijandig\.csv, rij 9, veld 'Opmerking': rij is 20\.\d{3} tekens lang; de grens is 16\.000 per rij/);

    const names = ['=HYPERLINK("http://x","klik")', '@SUM(1+1)', '@ease Utrecht', '+Plus Inloop', '-Herstelcafé-'];
    const stored = (await queryRows(db, 'SELECT name FROM location WHERE year = 2024')).map(([name]) => String(name));
    for (const name of names) expect(stored, name).toContain(name);
    expect(stored.filter((name) => /[\u001b\u202e]/u.test(name) || name.startsWith('Lange rij'))).toEqual([]);
    const leaked = await queryRows(
      db,
      "SELECT count(*) FROM (SELECT extra::VARCHAR AS t FROM inventory_record UNION ALL SELECT concat_ws('|', old_value, new_value) FROM correction) WHERE t LIKE '%Jansen%' OR t LIKE '%12345678%'",
    );
    expect(Number(leaked[0]?.[0])).toBe(0);

    expect((await runCli(['report', '--year', '2024', '--out', join(scratch, 'out-vijandig'), '--db', db])).code).toBe(0);
    const written = readCsv(join(scratch, 'out-vijandig/locaties.csv')).map((row) => row['naam']);
    // Neutralised where written (outputs/csv/csv.ts): a leading quote, so a spreadsheet shows text.
    for (const name of names) expect(written, name).toContain(`'${name}`);
    const after = readCsv(join(scratch, 'out-vijandig/nederland.csv'))[0]!;
    expect(Number(after['in_beeld'])).toBe(Number(national['in_beeld']) + 5);
  });
});
