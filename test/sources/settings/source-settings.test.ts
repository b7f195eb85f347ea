/** sources/adapters/sources.settings.json (the `sources` part of the settings): one checked object per web source, defaults from the site descriptions. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CBS_STATLINE_SITE } from '../../../sources/adapters/cbs-statline.site.ts';
import { MIND_ATLAS_SITE } from '../../../sources/adapters/mind-atlas.site.ts';
import { NVZH_SITE } from '../../../sources/adapters/nvzh.site.ts';
import { SOURCE_ADAPTERS } from '../../../sources/adapters/registry.ts';
import { readSettings } from '../../../sources/settings/settings.ts';
import { parseSourceSettings } from '../../../sources/settings/source-settings.ts';
import { checkSettings } from '../../../sources/archive/settings-check.ts';
import { MonitorError } from '../../../sources/errors.ts';

const readSourceSettings = (adapters: typeof SOURCE_ADAPTERS, path?: string) => readSettings('sources', { adapters, path });
const parse = (raw: unknown) => parseSourceSettings(SOURCE_ADAPTERS, raw, 'sources.settings.json');

describe('source settings', () => {
  it('the committed file is valid; every web source has its entry, Vektis lacks its url until one is known', () => {
    const settings = readSourceSettings(SOURCE_ADAPTERS);
    const ready = Object.fromEntries(
      SOURCE_ADAPTERS.flatMap((adapter) => (adapter.origin === 'web' ? [[adapter.id, checkSettings(adapter, settings(adapter.id))] as const] : [])),
    );
    expect(Object.keys(ready)).toEqual(['mind-atlas', 'nvzh', 'cbs-statline', 'vektis-epa']);
    expect(ready['vektis-epa']).toEqual({ ready: false, missing: ['url'] });
    expect(ready['mind-atlas']).toEqual({ ready: true, settings: { startUrl: MIND_ATLAS_SITE.startUrl } });
    expect(ready['nvzh']).toEqual({ ready: true, settings: { storeSearchUrl: NVZH_SITE.storeSearch.url, memberListUrl: NVZH_SITE.memberList.url } });
    expect(ready['cbs-statline']).toEqual({
      ready: true,
      settings: {
        populationBaseUrl: CBS_STATLINE_SITE.population.baseUrl,
        populationTable: '03759ned',
        populationYears: [2019, 2024, 2025, 2026],
        catalogueUrl: CBS_STATLINE_SITE.gebieden.catalogueUrl,
        gebiedenBaseUrl: CBS_STATLINE_SITE.gebieden.apiBaseUrl,
        gebiedenYears: [2024, 2025, 2026],
      },
    });
  });

  it('gives a source its settings as written, and {} for a source not in the file', () => {
    const settings = parse({ 'vektis-epa': { url: 'https://example.org/epa.csv' }, 'cbs-statline': { gebiedenYears: [2026] } });
    expect(settings('vektis-epa')).toEqual({ url: 'https://example.org/epa.csv' });
    expect(settings('cbs-statline')).toEqual({ gebiedenYears: [2026] });
    expect(settings('nvzh')).toEqual({});
  });

  it.each([
    [[], 'bestand sources.settings.json: bron-instellingen: moet een JSON-object zijn'],
    [{ nvzh: 'https://nvzh.nl' }, "bestand sources.settings.json, veld 'nvzh': bron-instellingen: moet een object zijn (instellingen van één bron)"],
    [{ mind: {} }, "bestand sources.settings.json: onbekende bron 'mind' (bekend: mind-atlas, nvzh, cbs-statline, vektis-epa, regional-corrections, survey)"],
    [{ survey: { sheet: 'Blad1' } }, "bestand sources.settings.json, veld 'survey': bron survey komt binnen als bestand en heeft geen instellingen"],
    [{ 'vektis-epa': { url: 'epa.csv' } }, "bestand sources.settings.json, veld 'vektis-epa.url': bron vektis-epa: instelling 'url': moet een http(s)-adres zijn"],
    [{ 'cbs-statline': { tabel: '03759ned' } }, "bestand sources.settings.json, veld 'cbs-statline': bron cbs-statline: onbekende sleutel 'tabel' (bekend: populationBaseUrl, populationTable, populationYears, catalogueUrl, gebiedenBaseUrl, gebiedenYears)"],
    [{ 'cbs-statline': { populationTabel: '03759ned' } }, "bestand sources.settings.json, veld 'cbs-statline': bron cbs-statline: onbekende sleutel 'populationTabel' (bedoelt u 'populationTable'?)"],
    [{ 'cbs-statline': { gebiedenYears: [] } }, "bestand sources.settings.json, veld 'cbs-statline.gebiedenYears': bron cbs-statline: instelling 'gebiedenYears': moet minstens één jaar bevatten"],
  ])('refuses %j', (raw, message) => {
    expect(() => parse(raw)).toThrow(MonitorError);
    expect(() => parse(raw)).toThrow(message);
  });

  it('names the file in Dutch when it cannot be read, and reads one saved with a byte order mark', () => {
    expect(() => readSourceSettings(SOURCE_ADAPTERS, '/bestaat/niet/sources.settings.json')).toThrow(
      new MonitorError('instellingenbestand /bestaat/niet/sources.settings.json kan niet worden gelezen: die map of dat bestand bestaat niet'),
    );
    const path = join(mkdtempSync(join(tmpdir(), 'lsp-source-settings-')), 'sources.settings.json');
    writeFileSync(path, '\uFEFF{ "nvzh": {} }');
    expect(readSourceSettings(SOURCE_ADAPTERS, path)('nvzh')).toEqual({});
  });
});
