/**
 * One schema for the three settings files (sources/settings/settings.ts): the committed files
 * together are one valid `Settings`, and `readSettings` reads each part from its file, checked by
 * its part of that schema, with Dutch messages naming the file and the key.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_ADAPTERS } from '../../../sources/adapters/registry.ts';
import { readSettings, Settings, SETTINGS_FILES } from '../../../sources/settings/settings.ts';
import { scratchDir } from '../../helpers/cli.ts';

const committed = (part: keyof typeof SETTINGS_FILES): Record<string, unknown> => JSON.parse(readFileSync(SETTINGS_FILES[part].path, 'utf8'));

describe('the settings', () => {
  it('are three files a person edits, named where they are', () => {
    expect(Object.fromEntries(Object.entries(SETTINGS_FILES).map(([part, file]) => [part, file.path.split('/').slice(-3).join('/')]))).toEqual({
      monitor: 'pipeline/config/monitor.config.json',
      fetch: 'sources/fetch/fetch.settings.json',
      sources: 'sources/adapters/sources.settings.json',
    });
  });

  it('form one schema: the committed files together are valid, given a contact address', () => {
    const all = Settings.parse({ monitor: committed('monitor'), fetch: { ...committed('fetch'), userAgentContact: 'monitor@example.org' }, sources: committed('sources') });
    expect(all.monitor.capacityPerWeek).toBe(100);
    expect(all.fetch.retries).toBe(3);
    expect(Object.keys(all.sources)).toEqual(['mind-atlas', 'nvzh', 'cbs-statline', 'vektis-epa']);
  });

  it('are read part by part, each checked by its part of the schema', () => {
    expect(readSettings('monitor', {}).weights).toEqual({ klein: 0.5, middelgroot: 1, groot: 2, onbekend: 1 });
    expect(readSettings('fetch', { env: { LSP_MONITOR_CONTACT: 'monitor@example.org' } }).userAgentContact).toBe('monitor@example.org');
    expect(readSettings('sources', { adapters: SOURCE_ADAPTERS })('nvzh')).toEqual({});
  });

  it('name the file and the key of a mistake, in Dutch', () => {
    const directory = scratchDir('lsp-settings-');
    const monitor = join(directory, 'mijn.config.json');
    writeFileSync(monitor, JSON.stringify({ ...committed('monitor'), weigths: {} }));
    expect(() => readSettings('monitor', { path: monitor })).toThrow(`configuratie ${monitor} klopt niet: onbekende sleutel 'weigths' (bedoelt u 'weights'?)`);
    const fetch = join(directory, 'fetch.settings.json');
    writeFileSync(fetch, JSON.stringify({ retries: 11 }));
    expect(() => readSettings('fetch', { path: fetch, env: { LSP_MONITOR_CONTACT: 'a@example.org' } })).toThrow(
      "bestand fetch.settings.json, veld 'retries': ongeldige fetch-instelling: mag hoogstens 10 zijn",
    );
    const sources = join(directory, 'sources.settings.json');
    writeFileSync(sources, JSON.stringify({ nvzh: { startUrl: 'https://nvzh.nl' } }));
    expect(() => readSettings('sources', { path: sources, adapters: SOURCE_ADAPTERS })).toThrow("bestand sources.settings.json, veld 'nvzh': bron nvzh: onbekende sleutel 'startUrl'");
  });
});
