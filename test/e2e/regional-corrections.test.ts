/**
 * Corrections from regiocoördinatoren (here: what the 2024 report's Bijlage 2 says about
 * GroeiRijk, Stichting Herstelproces and Power by Peers) change the monitor on import, are kept
 * as a source of their own, and are not applied twice.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';
import { readCsv } from '../helpers/csv.ts';

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
    expect((await runCli(['run', '--db', db, '--reports', join(scratch, 'reports')])).code).toBe(0);
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
});
