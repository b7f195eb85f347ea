/**
 * The tidy exports of a monitor year, one declarative column list per file. Each column carries
 * its codebook entry (type, unit, Dutch meaning, allowed values) beside the code that writes it,
 * so the codebook (outputs/csv/codebook.ts) is generated from the same declaration and cannot
 * drift. Column names are also documented in reports/README.md; change both together.
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
} from '../../pipeline/read/read-monitor.ts';
import { CLASSIFIED_SIZES, LOCATION_STATUSES } from '../../sources/vocabulary.ts';
import type { SizeBasis } from '../../pipeline/build/classify-size.ts';
import { targetFigures } from '../../pipeline/read/target-figures.ts';
import { csvLines, toCsv, type CsvColumn } from './csv.ts';

/** A column's codebook entry, in Dutch for the researcher who reads it. */
export interface ColumnDoc {
  type: 'tekst' | 'geheel getal' | 'getal';
  unit?: string;
  meaning: string;
  /** Allowed values, when the column has a closed list. */
  values?: readonly string[];
}

export type DocumentedColumn<Row> = CsvColumn<Row> & { doc: ColumnDoc };

/** What the codebook needs of a column: no row type, so every file's columns fit one list. */
export interface ColumnDeclaration {
  header: string;
  decimals?: number;
  doc: ColumnDoc;
}

export interface ExportColumns {
  name: string;
  columns: readonly ColumnDeclaration[];
}

/** The build parameters that decide which columns a year's exports have. */
export interface ExportParameters {
  participationPct: readonly number[];
  distance: { thresholdsKm: readonly number[] };
}

const text = (meaning: string, values?: readonly string[]): ColumnDoc => (values ? { type: 'tekst', meaning, values } : { type: 'tekst', meaning });
const count = (meaning: string, unit: string): ColumnDoc => ({ type: 'geheel getal', unit, meaning });
const amount = (meaning: string, unit: string): ColumnDoc => ({ type: 'getal', unit, meaning });

const SIZE_BASES = ['opgegeven', 'bezoekers', 'dagdelen', 'openingstijden', 'onbekend'] as const satisfies readonly SizeBasis[];
// Fails to compile when classify-size.ts gains a basis the codebook does not list.
const ALL_SIZE_BASES_LISTED: Exclude<SizeBasis, (typeof SIZE_BASES)[number]> extends never ? true : never = true;
void ALL_SIZE_BASES_LISTED;
const YES_NO = ['ja', 'nee'] as const;
/** Shared meanings of columns that appear in several files. */
export const COMMON_DOCS = {
  locationId: text('vaste id van het steunpunt (LSP- + hash van organisatie, naam en gemeente); blijft gelijk over de jaren'),
  gmCode: text('CBS-gemeentecode van de huidige gemeente (GMxxxx); leeg als onbekend'),
  municipality: text('naam van de huidige CBS-gemeente; leeg als onbekend'),
  province: text('provincie'),
  izaRegion: text('IZA-regio; leeg als onbekend'),
  population: count('inwoners in het bevolkingsjaar van de methode, op de huidige gemeenten', 'personen'),
} as const;

/** A file of a report with its whole text. */
export interface TextFile {
  name: string;
  content: string;
}

/** A file of a report with its bytes. */
export interface BinaryFile {
  name: string;
  content: Uint8Array;
}

/** A file of a report made as it is written: `chunks()` gives its text piece by piece, once per call. */
export interface StreamedFile {
  name: string;
  chunks: () => Iterable<string>;
}

export type ExportFile = TextFile | StreamedFile;

function coverageColumns(participation: readonly number[], desiredDecimals: number): DocumentedColumn<CoverageRow>[] {
  const figures = (row: CoverageRow, p: number) => targetFigures(row, p, desiredDecimals);
  return [
    { header: 'inwoners', value: (row) => row.population, doc: COMMON_DOCS.population },
    { header: 'epa_aandeel_pct', value: (row) => row.epa_pct, decimals: 2, doc: amount('EPA-prevalentie: deel van de inwoners met een ernstige psychische aandoening', '%') },
    { header: 'epa_aantal', value: (row) => row.epa_count, doc: count('inwoners met een EPA (inwoners × epa_aandeel_pct / 100)', 'personen') },
    { header: 'epa_basis', value: (row) => row.epa_basis, doc: text('waar het EPA-aandeel vandaan komt', ['provincie', 'gemeente']) },
    { header: 'in_beeld', value: (row) => row.in_view, doc: count('steunpunten met status actief', 'steunpunten') },
    { header: 'potentieel', value: (row) => row.potential, doc: count('steunpunten met status potentieel (tellen niet mee in beeld)', 'steunpunten') },
    { header: 'gewogen', value: (row) => row.weighted, decimals: 1, doc: amount('gewogen aantal steunpunten in beeld', 'steunpunten') },
    ...participation.map((p) => ({
      header: `gewenst_${p}`, value: (row: CoverageRow) => figures(row, p).desired, decimals: desiredDecimals,
      doc: amount(`gewenst aantal steunpunten bij ${p}% deelname: epa_aantal / capaciteit per steunpunt × ${p} / 100`, 'steunpunten'),
    })),
    ...participation.map((p) => ({
      header: `tekort_${p}`, value: (row: CoverageRow) => figures(row, p).shortfall, decimals: Math.max(1, desiredDecimals),
      doc: amount(`gewenst_${p} − gewogen (negatief: meer dan gewenst)`, 'steunpunten'),
    })),
    ...participation.map((p) => ({
      header: `dekking_${p}_pct`, value: (row: CoverageRow) => figures(row, p).coverage, decimals: 1,
      doc: amount(`gewogen / gewenst_${p} × 100; leeg als niets gewenst is`, '%'),
    })),
  ];
}

export const LOCATION_COLUMNS: DocumentedColumn<LocationRow>[] = [
  { header: 'location_id', value: (row) => row.location_id, doc: COMMON_DOCS.locationId },
  { header: 'naam', value: (row) => row.name, doc: text('naam van het steunpunt zoals de bron die geeft') },
  { header: 'organisatie', value: (row) => row.organisation, doc: text('organisatie die het steunpunt draagt, zoals de bron die geeft') },
  { header: 'adres', value: (row) => row.address, doc: text('adres zoals de bron die geeft') },
  { header: 'postcode', value: (row) => row.postcode, doc: text('postcode zoals de bron die geeft') },
  { header: 'plaats', value: (row) => row.place, doc: text('plaats zoals de bron die geeft') },
  { header: 'gemeentecode', value: (row) => row.gm_code, doc: COMMON_DOCS.gmCode },
  { header: 'gemeente', value: (row) => row.municipality, doc: COMMON_DOCS.municipality },
  { header: 'provincie', value: (row) => row.province, doc: text('provincie van de gemeente (of van de IZA-regio als de gemeente onbekend is)') },
  { header: 'iza_regio', value: (row) => row.iza_region, doc: COMMON_DOCS.izaRegion },
  { header: 'grootte', value: (row) => row.size_class, doc: text('grootteklasse', CLASSIFIED_SIZES) },
  { header: 'grootte_basis', value: (row) => row.size_basis, doc: text('waar de grootte vandaan komt', SIZE_BASES) },
  { header: 'gewicht', value: (row) => row.weight, decimals: 1, doc: amount('gewicht in het gewogen aantal (klein 0,5, middelgroot 1, groot 2, onbekend 1; instelbaar)', 'steunpunten') },
  { header: 'status', value: (row) => row.status, doc: text('status van het steunpunt: actief is in beeld; potentieel, gesloten en uitgesloten tellen niet mee', LOCATION_STATUSES) },
  { header: 'bronnen', value: (row) => row.sources, doc: text('bron en rijnummer(s) van de records achter dit steunpunt, gescheiden door ;') },
  { header: 'signalen', value: (row) => row.flags, doc: text('signalen over de datakwaliteit, gescheiden door ;, bijvoorbeeld gemeente onbekend, grootte onbekend, openingstijden niet te lezen: …, alleen als organisatie genoemd (geen vaste lijst)') },
  { header: 'opmerking', value: (row) => row.note, doc: text('opmerking uit de bron') },
];

const REJECT_COLUMNS: DocumentedColumn<RejectRow>[] = [
  { header: 'bron', value: (row) => row.source, doc: text('bron (de naam waaronder het bestand is ingelezen)') },
  { header: 'bestand', value: (row) => row.file_name, doc: text('bestandsnaam') },
  { header: 'rij', value: (row) => row.row_number, doc: count('rij zoals een spreadsheet die toont (kopregel = 1)', 'rij') },
  { header: 'veld', value: (row) => row.field, doc: text('kolomkop van het veld') },
  { header: 'reden', value: (row) => row.reason, doc: text('waarom de rij niet bruikbaar is') },
];

const REVIEW_COLUMNS: DocumentedColumn<ReviewRow>[] = [
  { header: 'paar_id', value: (row) => row.pair_id, doc: text('vaste id van het paar: hetzelfde paar houdt zijn id in elke run') },
  { header: 'fase', value: (row) => row.stage, doc: text('binnen jaar: twee bronnen van dit jaar; tussen jaren: dit jaar tegen een eerdere locatie', ['binnen jaar', 'tussen jaren']) },
  { header: 'locatie_a', value: (row) => row.location_a, doc: text('location_id van de eerste locatie') },
  { header: 'naam_a', value: (row) => row.name_a, doc: text('naam van de eerste locatie') },
  { header: 'plaats_a', value: (row) => row.place_a, doc: text('plaats van de eerste locatie') },
  { header: 'locatie_b', value: (row) => row.location_b, doc: text('location_id van de tweede locatie') },
  { header: 'naam_b', value: (row) => row.name_b, doc: text('naam van de tweede locatie') },
  { header: 'plaats_b', value: (row) => row.place_b, doc: text('plaats van de tweede locatie') },
  { header: 'score', value: (row) => row.score, decimals: 3, doc: amount('Jaro-Winkler-gelijkenis van de namen, 0 tot 1', 'fractie') },
  { header: 'reden', value: (row) => row.rule, doc: text('de regel die het paar twijfelachtig maakte') },
  { header: 'beslissing', value: () => null, doc: text('leeg; vul in het Excel-overzicht zelfde of verschillend in', ['zelfde', 'verschillend']) },
];

function accessibilityColumns(thresholdsKm: readonly number[]): DocumentedColumn<AccessibilityRow>[] {
  return [
    { header: 'gemeentecode', value: (row) => row.gm_code, doc: COMMON_DOCS.gmCode },
    { header: 'gemeente', value: (row) => row.municipality, doc: COMMON_DOCS.municipality },
    { header: 'provincie', value: (row) => row.province, doc: COMMON_DOCS.province },
    { header: 'inwoners', value: (row) => row.population, doc: COMMON_DOCS.population },
    { header: 'punten_basis', value: (row) => row.point_basis, doc: text('pc4: de bewoonde PC4-punten van de gemeente, elk met een gelijk deel van de inwoners; centrum: het middelpunt van de gemeente', ['pc4', 'centrum']) },
    { header: 'dichtstbijzijnde_location_id', value: (row) => row.nearest_location_id, doc: text('location_id van het dichtstbijzijnde steunpunt in beeld, vanaf het middelpunt') },
    { header: 'dichtstbijzijnde_naam', value: (row) => row.nearest_name, doc: text('naam van dat steunpunt') },
    { header: 'afstand_centrum_km', value: (row) => row.centre_km, decimals: 1, doc: amount('hemelsbrede afstand van het middelpunt van de gemeente tot het dichtstbijzijnde steunpunt', 'km') },
    { header: 'afstand_gemiddeld_km', value: (row) => row.mean_km, decimals: 1, doc: amount('hemelsbrede afstand tot het dichtstbijzijnde steunpunt, gemiddeld over de bewoonde punten naar inwoners', 'km') },
    { header: 'afstand_max_km', value: (row) => row.max_km, decimals: 1, doc: amount('grootste hemelsbrede afstand van een bewoond punt tot het dichtstbijzijnde steunpunt', 'km') },
    ...thresholdsKm.map((km) => ({
      header: `inwoners_binnen_${km}km`, value: (row: AccessibilityRow) => row.within[String(km)],
      doc: count(`inwoners binnen ${km} km (hemelsbreed) van een steunpunt in beeld`, 'personen'),
    })),
  ];
}

const REACH_COLUMNS: DocumentedColumn<ReachRow>[] = [
  { header: 'niveau', value: (row) => row.level, doc: text('niveau van het gebied', ['nederland', 'provincie']) },
  { header: 'gebied', value: (row) => row.area, doc: text('Nederland of de naam van de provincie') },
  { header: 'km', value: (row) => row.km, doc: count('afstandsgrens (hemelsbreed)', 'km') },
  { header: 'inwoners_binnen', value: (row) => row.population, doc: count('inwoners binnen die afstand van een steunpunt in beeld', 'personen') },
  { header: 'aandeel_pct', value: (row) => row.share * 100, decimals: 1, doc: amount('inwoners_binnen als deel van alle inwoners van het gebied', '%') },
];

const WHITE_SPOT_COLUMNS: DocumentedColumn<WhiteSpotRow>[] = [
  { header: 'rang', value: (row) => row.rank, doc: count('rang naar aantal inwoners (1 = meeste)', 'rang') },
  { header: 'gemeentecode', value: (row) => row.gm_code, doc: COMMON_DOCS.gmCode },
  { header: 'gemeente', value: (row) => row.municipality, doc: COMMON_DOCS.municipality },
  { header: 'provincie', value: (row) => row.province, doc: COMMON_DOCS.province },
  { header: 'inwoners', value: (row) => row.population, doc: COMMON_DOCS.population },
  { header: 'afstand_centrum_km', value: (row) => row.centre_km, decimals: 1, doc: amount('hemelsbrede afstand van het middelpunt van de gemeente tot het dichtstbijzijnde steunpunt', 'km') },
  { header: 'dichtstbijzijnde_steunpunt', value: (row) => row.nearest_name, doc: text('naam van het dichtstbijzijnde steunpunt in beeld') },
  { header: 'dichtstbijzijnde_plaats', value: (row) => row.nearest_place, doc: text('plaats van dat steunpunt') },
  { header: 'deels_binnen_bereik', value: (row) => (row.partly_within_reach ? 'ja' : 'nee'), doc: text('ja als een deel van de bewoonde punten binnen de afstand ligt', YES_NO) },
];

const CHARACTERISTIC_COLUMNS: DocumentedColumn<CharacteristicRow & { share: number }>[] = [
  { header: 'kenmerk', value: (row) => row.characteristic, doc: count('nummer van het kenmerk (1 tot 10) in de zelfevaluatie', 'nummer') },
  { header: 'antwoord', value: (row) => row.answer, doc: text('gegeven antwoord') },
  { header: 'steunpunten', value: (row) => row.locations, doc: count('steunpunten in beeld die dit antwoord gaven (laatste antwoord per steunpunt)', 'steunpunten') },
  { header: 'aandeel_pct', value: (row) => row.share, decimals: 1, doc: amount('deel van de steunpunten die dit kenmerk beantwoordden', '%') },
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

/** Every export file's columns, in the order the files are written; the rows come from csvExports. */
function exportTables(parameters: ExportParameters) {
  const participation = parameters.participationPct;
  const areaColumns = coverageColumns(participation, AREA_DESIRED_DECIMALS);
  return {
    locations: { name: 'locaties.csv', columns: LOCATION_COLUMNS },
    national: {
      name: 'nederland.csv',
      columns: [{ header: 'gebied', value: (row: CoverageRow) => row.area_name, doc: text('Nederland') }, ...areaColumns],
    },
    provinces: {
      name: 'provincies.csv',
      columns: [
        { header: 'provincie', value: (row: CoverageRow) => row.area_name, doc: COMMON_DOCS.province },
        { header: 'gemeenten', value: (row: CoverageRow) => row.municipalities, doc: count('gemeenten in de provincie', 'gemeenten') },
        ...areaColumns,
      ],
    },
    regions: {
      name: 'iza-regios.csv',
      columns: [
        { header: 'iza_regio', value: (row: CoverageRow) => row.area_name, doc: text('IZA-regio') },
        { header: 'provincie', value: (row: CoverageRow) => row.province, doc: text('provincie waar de meeste inwoners van de regio wonen') },
        { header: 'gemeenten', value: (row: CoverageRow) => row.municipalities, doc: count('gemeenten in de regio', 'gemeenten') },
        ...areaColumns,
      ],
    },
    municipalities: {
      name: 'gemeenten.csv',
      columns: [
        { header: 'gemeentecode', value: (row: CoverageRow) => row.area, doc: text('CBS-gemeentecode (GMxxxx)') },
        { header: 'gemeente', value: (row: CoverageRow) => row.area_name, doc: text('naam van de CBS-gemeente') },
        { header: 'provincie', value: (row: CoverageRow) => row.province, doc: COMMON_DOCS.province },
        { header: 'iza_regio', value: (row: CoverageRow) => row.iza_region, doc: COMMON_DOCS.izaRegion },
        ...coverageColumns(participation, MUNICIPALITY_DESIRED_DECIMALS),
      ],
    },
    rejects: { name: 'afgewezen.csv', columns: REJECT_COLUMNS },
    review: { name: 'te-beoordelen.csv', columns: REVIEW_COLUMNS },
    accessibility: { name: 'afstand.csv', columns: accessibilityColumns(parameters.distance.thresholdsKm) },
    reach: { name: 'bereik.csv', columns: REACH_COLUMNS },
    whiteSpots: { name: 'witte-vlekken.csv', columns: WHITE_SPOT_COLUMNS },
    characteristics: { name: 'kenmerken.csv', columns: CHARACTERISTIC_COLUMNS },
  } satisfies Record<string, ExportColumns>;
}

/** The columns of every file csvExports writes, for the codebook. */
export function exportColumns(parameters: ExportParameters): ExportColumns[] {
  return Object.values(exportTables(parameters));
}

/**
 * The exports of a year. The files with a row per steunpunt, record or pair (a million records give
 * some 100 MB) are made line by line as they are written; the others, a row per area, whole.
 */
export function csvExports(data: MonitorData): ExportFile[] {
  const tables = exportTables(data.parameters);
  const file = <Row>(table: { name: string; columns: readonly DocumentedColumn<Row>[] }, rows: readonly Row[]): TextFile =>
    ({ name: table.name, content: toCsv(table.columns, rows) });
  const streamed = <Row>(table: { name: string; columns: readonly DocumentedColumn<Row>[] }, rows: readonly Row[]): StreamedFile =>
    ({ name: table.name, chunks: () => csvLines(table.columns, rows) });
  return [
    streamed(tables.locations, data.locations),
    file(tables.national, [data.national]),
    file(tables.provinces, data.provinces),
    file(tables.regions, data.regions),
    file(tables.municipalities, data.municipalities),
    streamed(tables.rejects, data.rejects),
    streamed(tables.review, data.review),
    file(tables.accessibility, data.accessibility),
    file(tables.reach, data.reach),
    file(tables.whiteSpots, data.whiteSpots),
    file(tables.characteristics, characteristicShares(data.characteristics)),
  ];
}
