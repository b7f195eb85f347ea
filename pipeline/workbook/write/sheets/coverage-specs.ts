/** The three coverage sheets: which rows, which area columns, how locations are counted, rounding as in the CSV exports. */
import type { MonitorData } from '../../../read/read-monitor.ts';
import { SHEETS } from '../../layout.ts';
import type { CoverageSheetSpec } from './coverage.ts';

/** Whole steunpunten for provinces, regions and the country; two decimals for municipalities (as the CSV exports). */
const AREA_DESIRED_DECIMALS = 0;
const MUNICIPALITY_DESIRED_DECIMALS = 2;

export function coverageSpecs(data: MonitorData): CoverageSheetSpec[] {
  return [
    {
      name: SHEETS.provinces,
      rows: data.provinces,
      labels: [
        { header: 'provincie', width: 16, value: (row) => row.area_name },
        { header: 'gemeenten', width: 11, value: (row) => row.municipalities },
      ],
      countBy: 'telt_in_provincie',
      desiredDecimals: AREA_DESIRED_DECIMALS,
      total: data.national,
    },
    {
      name: SHEETS.regions,
      rows: data.regions,
      labels: [
        { header: 'iza_regio', width: 30, value: (row) => row.area_name },
        { header: 'provincie', width: 15, value: (row) => row.province },
        { header: 'gemeenten', width: 11, value: (row) => row.municipalities },
      ],
      countBy: 'iza_regio',
      desiredDecimals: AREA_DESIRED_DECIMALS,
    },
    {
      name: SHEETS.municipalities,
      rows: data.municipalities,
      labels: [
        { header: 'gemeentecode', width: 14, value: (row) => row.area },
        { header: 'gemeente', width: 24, value: (row) => row.area_name },
        { header: 'provincie', width: 15, value: (row) => row.province },
        { header: 'iza_regio', width: 26, value: (row) => row.iza_region },
      ],
      countBy: 'gemeentecode',
      desiredDecimals: MUNICIPALITY_DESIRED_DECIMALS,
    },
  ];
}
