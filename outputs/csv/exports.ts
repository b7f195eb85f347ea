/**
 * The tidy exports of a monitor year, one declarative column list per file. Column names are
 * documented in reports/README.md; change both together.
 */
import type {
  AccessibilityRow,
  CharacteristicRow,
  CoverageRow,
  LocationRow,
  MonitorData,
  ReachRow,
  RejectRow,
  ReviewRow,
  WhiteSpotRow,
} from '../../pipeline/read-monitor.ts';
import { roundHalfAway, toCsv, type CsvColumn } from './csv.ts';

export interface ExportFile {
  name: string;
  content: string;
}

/** Desired numbers as shown (rounded), and shortfall and coverage computed from what is shown. */
export function targetFigures(row: CoverageRow, participation: number, decimals: number) {
  const exact = row.desired[String(participation)];
  if (exact === undefined) return { desired: null, shortfall: null, coverage: null };
  const desired = roundHalfAway(exact, decimals);
  return {
    desired,
    shortfall: desired - row.weighted,
    coverage: desired > 0 ? (row.weighted / desired) * 100 : null,
  };
}

function coverageColumns(participation: readonly number[], desiredDecimals: number): CsvColumn<CoverageRow>[] {
  const figures = (row: CoverageRow, p: number) => targetFigures(row, p, desiredDecimals);
  return [
    { header: 'inwoners', value: (row) => row.population },
    { header: 'epa_aandeel_pct', value: (row) => row.epa_pct, decimals: 2 },
    { header: 'epa_aantal', value: (row) => row.epa_count },
    { header: 'epa_basis', value: (row) => row.epa_basis },
    { header: 'in_beeld', value: (row) => row.in_view },
    { header: 'potentieel', value: (row) => row.potential },
    { header: 'gewogen', value: (row) => row.weighted, decimals: 1 },
    ...participation.map((p) => ({ header: `gewenst_${p}`, value: (row: CoverageRow) => figures(row, p).desired, decimals: desiredDecimals })),
    ...participation.map((p) => ({ header: `tekort_${p}`, value: (row: CoverageRow) => figures(row, p).shortfall, decimals: Math.max(1, desiredDecimals) })),
    ...participation.map((p) => ({ header: `dekking_${p}_pct`, value: (row: CoverageRow) => figures(row, p).coverage, decimals: 1 })),
  ];
}

const LOCATION_COLUMNS: CsvColumn<LocationRow>[] = [
  { header: 'location_id', value: (row) => row.location_id },
  { header: 'naam', value: (row) => row.name },
  { header: 'organisatie', value: (row) => row.organisation },
  { header: 'adres', value: (row) => row.address },
  { header: 'postcode', value: (row) => row.postcode },
  { header: 'plaats', value: (row) => row.place },
  { header: 'gemeentecode', value: (row) => row.gm_code },
  { header: 'gemeente', value: (row) => row.municipality },
  { header: 'provincie', value: (row) => row.province },
  { header: 'iza_regio', value: (row) => row.iza_region },
  { header: 'grootte', value: (row) => row.size_class },
  { header: 'grootte_basis', value: (row) => row.size_basis },
  { header: 'gewicht', value: (row) => row.weight, decimals: 1 },
  { header: 'status', value: (row) => row.status },
  { header: 'bronnen', value: (row) => row.sources },
  { header: 'signalen', value: (row) => row.flags },
  { header: 'opmerking', value: (row) => row.note },
];

const REJECT_COLUMNS: CsvColumn<RejectRow>[] = [
  { header: 'bron', value: (row) => row.source },
  { header: 'bestand', value: (row) => row.file_name },
  { header: 'rij', value: (row) => row.row_number },
  { header: 'veld', value: (row) => row.field },
  { header: 'reden', value: (row) => row.reason },
];

const REVIEW_COLUMNS: CsvColumn<ReviewRow>[] = [
  { header: 'paar_id', value: (row) => row.pair_id },
  { header: 'fase', value: (row) => row.stage },
  { header: 'locatie_a', value: (row) => row.location_a },
  { header: 'naam_a', value: (row) => row.name_a },
  { header: 'plaats_a', value: (row) => row.place_a },
  { header: 'locatie_b', value: (row) => row.location_b },
  { header: 'naam_b', value: (row) => row.name_b },
  { header: 'plaats_b', value: (row) => row.place_b },
  { header: 'score', value: (row) => row.score, decimals: 3 },
  { header: 'reden', value: (row) => row.rule },
  { header: 'beslissing', value: () => null },
];

function accessibilityColumns(thresholdsKm: readonly number[]): CsvColumn<AccessibilityRow>[] {
  return [
    { header: 'gemeentecode', value: (row) => row.gm_code },
    { header: 'gemeente', value: (row) => row.municipality },
    { header: 'provincie', value: (row) => row.province },
    { header: 'inwoners', value: (row) => row.population },
    { header: 'punten_basis', value: (row) => row.point_basis },
    { header: 'dichtstbijzijnde_location_id', value: (row) => row.nearest_location_id },
    { header: 'dichtstbijzijnde_naam', value: (row) => row.nearest_name },
    { header: 'afstand_centrum_km', value: (row) => row.centre_km, decimals: 1 },
    { header: 'afstand_gemiddeld_km', value: (row) => row.mean_km, decimals: 1 },
    { header: 'afstand_max_km', value: (row) => row.max_km, decimals: 1 },
    ...thresholdsKm.map((km) => ({ header: `inwoners_binnen_${km}km`, value: (row: AccessibilityRow) => row.within[String(km)] })),
  ];
}

const REACH_COLUMNS: CsvColumn<ReachRow>[] = [
  { header: 'niveau', value: (row) => row.level },
  { header: 'gebied', value: (row) => row.area },
  { header: 'km', value: (row) => row.km },
  { header: 'inwoners_binnen', value: (row) => row.population },
  { header: 'aandeel_pct', value: (row) => row.share * 100, decimals: 1 },
];

const WHITE_SPOT_COLUMNS: CsvColumn<WhiteSpotRow>[] = [
  { header: 'rang', value: (row) => row.rank },
  { header: 'gemeentecode', value: (row) => row.gm_code },
  { header: 'gemeente', value: (row) => row.municipality },
  { header: 'provincie', value: (row) => row.province },
  { header: 'inwoners', value: (row) => row.population },
  { header: 'afstand_centrum_km', value: (row) => row.centre_km, decimals: 1 },
  { header: 'dichtstbijzijnde_steunpunt', value: (row) => row.nearest_name },
  { header: 'dichtstbijzijnde_plaats', value: (row) => row.nearest_place },
  { header: 'deels_binnen_bereik', value: (row) => (row.partly_within_reach ? 'ja' : 'nee') },
];

const CHARACTERISTIC_COLUMNS: CsvColumn<CharacteristicRow & { share: number }>[] = [
  { header: 'kenmerk', value: (row) => row.characteristic },
  { header: 'antwoord', value: (row) => row.answer },
  { header: 'steunpunten', value: (row) => row.locations },
  { header: 'aandeel_pct', value: (row) => row.share, decimals: 1 },
];

/** Answers per characteristic with each answer's share of the steunpunten that answered it. */
export function characteristicShares(rows: readonly CharacteristicRow[]): (CharacteristicRow & { share: number })[] {
  const answered = new Map<number, number>();
  for (const row of rows) answered.set(row.characteristic, (answered.get(row.characteristic) ?? 0) + row.locations);
  return rows.map((row) => ({ ...row, share: (row.locations / answered.get(row.characteristic)!) * 100 }));
}

/** Desired numbers at province, region and national level are whole steunpunten, as the report shows them. */
const AREA_DESIRED_DECIMALS = 0;
const MUNICIPALITY_DESIRED_DECIMALS = 2;

export function csvExports(data: MonitorData): ExportFile[] {
  const participation = data.parameters.participationPct;
  const areaColumns = coverageColumns(participation, AREA_DESIRED_DECIMALS);
  return [
    { name: 'locaties.csv', content: toCsv(LOCATION_COLUMNS, data.locations) },
    {
      name: 'nederland.csv',
      content: toCsv([{ header: 'gebied', value: (row) => row.area_name }, ...areaColumns], [data.national]),
    },
    {
      name: 'provincies.csv',
      content: toCsv(
        [{ header: 'provincie', value: (row) => row.area_name }, { header: 'gemeenten', value: (row) => row.municipalities }, ...areaColumns],
        data.provinces,
      ),
    },
    {
      name: 'iza-regios.csv',
      content: toCsv(
        [
          { header: 'iza_regio', value: (row) => row.area_name },
          { header: 'provincie', value: (row) => row.province },
          { header: 'gemeenten', value: (row) => row.municipalities },
          ...areaColumns,
        ],
        data.regions,
      ),
    },
    {
      name: 'gemeenten.csv',
      content: toCsv(
        [
          { header: 'gemeentecode', value: (row) => row.area },
          { header: 'gemeente', value: (row) => row.area_name },
          { header: 'provincie', value: (row) => row.province },
          { header: 'iza_regio', value: (row) => row.iza_region },
          ...coverageColumns(participation, MUNICIPALITY_DESIRED_DECIMALS),
        ],
        data.municipalities,
      ),
    },
    { name: 'afgewezen.csv', content: toCsv(REJECT_COLUMNS, data.rejects) },
    { name: 'te-beoordelen.csv', content: toCsv(REVIEW_COLUMNS, data.review) },
    { name: 'afstand.csv', content: toCsv(accessibilityColumns(data.parameters.distance.thresholdsKm), data.accessibility) },
    { name: 'bereik.csv', content: toCsv(REACH_COLUMNS, data.reach) },
    { name: 'witte-vlekken.csv', content: toCsv(WHITE_SPOT_COLUMNS, data.whiteSpots) },
    { name: 'kenmerken.csv', content: toCsv(CHARACTERISTIC_COLUMNS, characteristicShares(data.characteristics)) },
  ];
}
