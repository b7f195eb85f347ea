/**
 * panel.csv: every built year in one file, a row per location and year with every column of
 * locaties.csv, the year first and the change against the previous built year last.
 */
import { PANEL_CHANGES, type PanelRow } from '../../pipeline/read/read-panel.ts';
import { toCsv } from './csv.ts';
import { LOCATION_COLUMNS, type DocumentedColumn, type TextFile } from './exports.ts';

export const PANEL_FILE = 'panel.csv';

/** Columns that still describe a location in a year it is missing from the lists: who and where it was. */
const LAST_SEEN = new Set(['location_id', 'naam', 'organisatie', 'adres', 'postcode', 'plaats', 'gemeentecode', 'gemeente', 'provincie', 'iza_regio']);

export const PANEL_COLUMNS: readonly DocumentedColumn<PanelRow>[] = [
  { header: 'jaar', value: (row) => row.year, doc: { type: 'geheel getal', unit: 'jaar', meaning: 'monitorjaar' } },
  ...LOCATION_COLUMNS.map((column) => ({
    ...column,
    value: (row: PanelRow) => (row.missing && !LAST_SEEN.has(column.header) ? null : column.value(row.location)),
  })),
  {
    header: 'verandering',
    value: (row) => row.change,
    doc: {
      type: 'tekst',
      meaning:
        'verandering tegen het vorige gebouwde monitorjaar, zoals lsp-monitor diff die geeft: eerste jaar (geen eerder jaar), ' +
        'nieuw (nieuw of weer in beeld), gewijzigd, ongewijzigd, niet meer in beeld (in beeld in het vorige jaar, nu niet; ' +
        'staat het steunpunt dit jaar in geen enkele lijst, dan heeft de rij alleen location_id tot en met iza_regio zoals het ' +
        'laatst gezien is), niet in beeld (dit jaar en het vorige jaar niet actief)',
      values: PANEL_CHANGES,
    },
  },
  {
    header: 'toelichting',
    value: (row) => row.details,
    doc: { type: 'tekst', meaning: 'bij gewijzigd: de gewijzigde velden als veld: oud → nieuw, gescheiden door ; — bij nieuw en niet meer in beeld: waarom — anders leeg' },
  },
];

export function panelFile(rows: readonly PanelRow[]): TextFile {
  return { name: PANEL_FILE, content: toCsv(PANEL_COLUMNS, rows) };
}
