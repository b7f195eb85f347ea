/** CLI conventions: Dutch help on every command, exit 0 / 1 / 2, no stack traces without --debug. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.ts';

describe('lsp-monitor command line', () => {
  it('lists its commands', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const name of ['import', 'build', 'report', 'diff', 'run', 'fetch', 'schedule']) expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it.each(['import', 'build', 'report', 'diff', 'run', 'fetch', 'schedule'])('%s --help shows Dutch usage and exits 0', async (name) => {
    const result = await runCli([name, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Gebruik: lsp-monitor ${name}`));
  });

  it.each([
    [['bestaat-niet'], "fout: onbekend commando 'bestaat-niet' (zie lsp-monitor --help)"],
    [['build', '--jaar', '2024'], "fout: onbekende optie '--jaar' (zie lsp-monitor build --help)"],
    [['build'], 'fout: optie --year ontbreekt'],
    [['build', '--year', 'twintig'], "fout: optie --year: 'twintig' is geen monitorjaar (verwacht een jaartal van 2019 tot en met 2099)"],
    [['build', '--year', '1899'], "fout: optie --year: '1899' is geen monitorjaar (verwacht een jaartal van 2019 tot en met 2099)"],
    [['import', '--year', '2024'], "fout: verkeerd aantal argumenten voor 'import': verwacht 1, gekregen 0 (zie lsp-monitor import --help)"],
    [['import', 'x.csv', '--year', '2024', '--source', 'Mijn Bron'], "fout: bronnaam 'Mijn Bron' mag alleen kleine letters, cijfers en '-' bevatten"],
  ])('bad usage %j exits 2 with a Dutch message', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
  });

  it('says its version, the one in package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) expect(await runCli([flag])).toEqual({ code: 0, stdout: `lsp-monitor ${version}`, stderr: '' });
  });

  it('a failed run exits 1 with the file named and no stack trace', async () => {
    const result = await runCli(['import', 'bestaat-niet.csv', '--year', '2024', '--db', join(scratchDir(), 'm.duckdb')]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'fout: bestand bestaat-niet.csv: bestand niet gevonden' });
  });

  it('report before build says what to do', async () => {
    const result = await runCli(['report', '--year', '2030', '--out', scratchDir(), '--db', join(scratchDir(), 'm.duckdb')]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: "fout: monitor 2030 is nog niet gebouwd; gebruik eerst 'lsp-monitor build --year 2030'" });
  });
});
