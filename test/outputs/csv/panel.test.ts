/** panel.csv as written from panel rows: the columns of locaties.csv, and what a missing location keeps. */
import { describe, expect, it } from 'vitest';
import { PANEL_FILE, panelFile } from '../../../outputs/csv/panel.ts';
import { LocationRow } from '../../../pipeline/read/read-monitor.ts';
import type { PanelRow } from '../../../pipeline/read/read-panel.ts';

// A row as the 2024 inventory gives it after a build (reports/2024/locaties.csv, row of Emmen).
const unknown = Object.fromEntries(Object.keys(LocationRow.shape).map((field) => [field, null]));
const location = LocationRow.parse({
  ...unknown, location_id: 'LSP-6f6a041e5d', name: 'Herstelruimte Emmen', organisation: 'Herstelruimte Emmen', place: 'Emmen',
  gm_code: 'GM0114', municipality: 'Emmen', province: 'Drenthe', iza_region: 'Drenthe', size_class: 'onbekend', size_basis: 'onbekend',
  weight: 1, status: 'actief', sources: 'galan2024:57', flags: 'grootte onbekend',
});

const lines = (rows: PanelRow[]) => panelFile(rows).content.trimEnd().split('\n');

describe('panel.csv', () => {
  it('writes the year, the columns of locaties.csv and the change', () => {
    const file = panelFile([{ year: 2024, location, missing: false, change: 'eerste jaar', details: '' }]);
    expect(file.name).toBe(PANEL_FILE);
    expect(file.content).toBe(
      'jaar,location_id,naam,organisatie,adres,postcode,plaats,gemeentecode,gemeente,provincie,iza_regio,grootte,grootte_basis,gewicht,status,bronnen,signalen,opmerking,verandering,toelichting\n' +
        '2024,LSP-6f6a041e5d,Herstelruimte Emmen,Herstelruimte Emmen,,,Emmen,GM0114,Emmen,Drenthe,Drenthe,onbekend,onbekend,1.0,actief,galan2024:57,grootte onbekend,,eerste jaar,\n',
    );
  });

  it('keeps who and where a missing location was, and leaves what only a year’s list says empty', () => {
    const [, row] = lines([{ year: 2025, location, missing: true, change: 'niet meer in beeld', details: 'niet meer genoemd door de bronnen' }]);
    expect(row).toBe('2025,LSP-6f6a041e5d,Herstelruimte Emmen,Herstelruimte Emmen,,,Emmen,GM0114,Emmen,Drenthe,Drenthe,,,,,,,,niet meer in beeld,niet meer genoemd door de bronnen');
  });

  it('guards text that looks like a formula, as every export does', () => {
    const [, row] = lines([{ year: 2025, location: { ...location, name: '@ease Emmen' }, missing: false, change: 'gewijzigd', details: 'naam: Herstelruimte Emmen → @ease Emmen' }]);
    expect(row).toContain(`,"'@ease Emmen",`);
  });
});
