/** Toelichting: what the workbook is, how it was computed, and how to edit and send it back. */
import type ExcelJS from 'exceljs';
import type { MonitorData } from '../../../read/read-monitor.ts';
import { formatNumberNl } from '../../../format-nl.ts';
import { protect, setText } from '../cells.ts';
import type { OverviewExtras, OverviewImage } from '../../extras.ts';
import { LOCATION_COLUMNS, REVIEW_HEADERS, SHEETS, SPARE_LOCATION_ROWS, YEAR_LABEL, locationColumn, printedLocationColumns } from '../../layout.ts';

const MAX_IMAGE_WIDTH_PX = 900;
const ROW_HEIGHT_PX = 20;

/**
 * The sheet with its text; the figures (extras.images) go below it, added by
 * `addExplanationImages` at the returned row, so they may come once they are drawn.
 */
export function addExplanationSheet(workbook: ExcelJS.Workbook, data: MonitorData, extras: OverviewExtras): { sheet: ExcelJS.Worksheet; imagesRow: number } {
  const sheet = workbook.addWorksheet(SHEETS.explanation);
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 110;
  const title = sheet.getCell('A1');
  title.value = `Stand van het land ${data.year}: overzicht van de laagdrempelige steunpunten`;
  title.font = { bold: true, size: 14 };

  let row = 3;
  const line = (label: string, text: string | number) => {
    const labelCell = sheet.getCell(row, 1);
    labelCell.value = label;
    labelCell.font = { bold: true };
    labelCell.alignment = { vertical: 'top' };
    const textCell = sheet.getCell(row, 2);
    if (typeof text === 'number') textCell.value = text;
    else setText(textCell, text);
    textCell.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    row += 1;
  };
  const gap = () => {
    row += 1;
  };

  line('Wat is dit', 'Het bewerkbare overzicht van de monitor: dezelfde gegevens als de CSV-bestanden en monitor.md, met de tabellen als formules, zodat een wijziging in de lijst met locaties direct doorrekent.');
  line(YEAR_LABEL, data.year);
  for (const text of methodLines(data)) line('Methode', text);
  gap();
  if (data.sources.length === 0) line('Bronnen', 'geen ingelezen bronnen');
  for (const source of data.sources) {
    line(
      'Bron',
      `${source.source}: ${source.file_name} (sha256 ${source.sha256}); ${source.rows_read} rijen gelezen, ${source.rows_imported} ingelezen, ${source.rows_rejected} afgewezen`,
    );
  }
  gap();
  for (const text of editingLines(data.year)) line('Bewerken', text);
  gap();
  for (const text of printingLines()) line('Afdrukken', text);
  gap();
  for (const [name, text] of sheetLines(extras)) line(name, text);

  protect(sheet);
  return { sheet, imagesRow: row + 1 };
}

/** The figures as PNG below the text, each with its caption (none: nothing). */
export function addExplanationImages(workbook: ExcelJS.Workbook, explanation: { sheet: ExcelJS.Worksheet; imagesRow: number }, images: readonly OverviewImage[]): void {
  addExplanationImageSlots(workbook, explanation, images.map((image) => ({ name: image.name, ...pngSize(image.png), png: image.png })));
}

/** An image of Toelichting by its caption and size, with its PNG or, while it is drawn, no bytes yet. */
export interface ImageSlot {
  name: string;
  width: number;
  height: number;
  png: Uint8Array;
}

/**
 * As addExplanationImages, the size of each image given: the layout depends on it alone, so the
 * workbook can be written before the PNGs are drawn and their bytes put in when it is packed
 * (../overview.ts). Image i is the workbook's entry `xl/media/image<i + 1>.png`.
 */
export function addExplanationImageSlots(workbook: ExcelJS.Workbook, explanation: { sheet: ExcelJS.Worksheet; imagesRow: number }, slots: readonly ImageSlot[]): void {
  if (slots.length > 0) addImages(workbook, explanation.sheet, explanation.imagesRow, slots);
}

function methodLines(data: MonitorData): string[] {
  const { parameters, method } = data;
  const weights = Object.entries(parameters.weights)
    .map(([size, weight]) => `${size} ${formatNumberNl(weight, Number.isInteger(weight) ? 0 : 1)}`)
    .join(', ');
  return [
    `${method.name}: ${method.description}.`,
    `Inwonertal ${method.populationYear}, EPA-aandeel ${method.epaYear}, op de huidige gemeentelijke indeling.`,
    `Gewenst aantal = inwoners × EPA-aandeel / 100 / capaciteit × deelnamepercentage / 100; capaciteit ${parameters.capacityPerWeek} bezoekers per week, deelname ${parameters.participationPct.join(', ')}%. Tekort = gewenst − gewogen; dekking = gewogen / gewenst × 100.`,
    `Gewogen telling van de steunpunten met status actief; gewicht per grootte: ${weights}.`,
    method.provinceOfLocation === 'iza-regio'
      ? `Een steunpunt telt mee in de provincie van zijn IZA-regio (kolom ${label('telt_in_provincie')} op Locaties), zoals De Galan (2024) de regio’s optelde.`
      : `Een steunpunt telt mee in de provincie van zijn gemeente (kolom ${label('telt_in_provincie')} op Locaties).`,
  ];
}

/** A Locaties column as the sheet names it. */
const label = (header: string) => locationColumn(header).label;

/** Labels of the Locaties columns with a role, as a Dutch enumeration ("A, B en C"). */
function labelsOf(role: (typeof LOCATION_COLUMNS)[number]['role']): string {
  const labels = LOCATION_COLUMNS.filter((column) => column.role === role && !/^kenmerk_/.test(column.header)).map((column) => column.label);
  return labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} en ${labels[labels.length - 1]}`;
}

function editingLines(year: number): string[] {
  return [
    `Op Locaties kunt u deze kolommen wijzigen: ${labelsOf('editable')}. Kies ${label('grootte')} en ${label('status')} uit de keuzelijst.`,
    `${label('location_id')}, ${labelsOf('derived')} en de kenmerken 1 tot en met 10 komen uit de berekening en zijn beveiligd (zonder wachtwoord); ${label('gewicht')} volgt uit ${label('grootte')} en het blad Parameters.`,
    'Is een steunpunt gesloten? Zet de status op gesloten. Verwijder geen rijen: een ontbrekende locatie wordt als fout gemeld.',
    `Een nieuw steunpunt voegt u toe in een lege rij onder de lijst (er zijn ${SPARE_LOCATION_ROWS} lege rijen), zonder ${label('location_id')}. Het telt in de tabellen mee nadat de correcties zijn verwerkt.`,
    'Grootte en status rekenen direct door in alle tabellen. Een gewijzigde gemeentecode telt direct mee op Gemeenten, op IZA-regio’s en Provincies pas na verwerking.',
    'Typ waarden, geen formules: een formule in een gegevenscel wordt niet overgenomen en als fout gemeld. Tekst die met =, +, - of @ begint, staat er met een apostrof voor; die apostrof hoort er niet bij.',
    'Wijzigingen op Parameters zijn om te verkennen (wat als); ze worden niet overgenomen.',
    'Wijzig de kolomkoppen niet en voeg geen kolommen toe: de kolommen worden bij het terugnemen op hun kop herkend.',
    `Sla het bestand op als .xlsx en stuur het terug. Verwerken: lsp-monitor corrections <bestand> --year ${year}`,
  ];
}

function printingLines(): string[] {
  const printed = printedLocationColumns().labels;
  return [
    'Elk werkblad wordt afgedrukt op A4 liggend, zo breed als één pagina, met de kopregel bovenaan elke pagina en paginanummers.',
    `Van Locaties worden alleen de kolommen ${printed.slice(0, -1).join(', ')} en ${printed[printed.length - 1]} van de steunpunten in de lijst afgedrukt, zodat de tekst leesbaar blijft; de andere kolommen en nieuw toegevoegde rijen staan alleen op het scherm (Excel: Pagina-indeling → Afdrukbereik wist of verandert dit).`,
  ];
}

function sheetLines(extras: OverviewExtras): [string, string][] {
  const whiteSpotKm = extras.whiteSpots?.thresholdKm;
  return [
    [SHEETS.locations, 'Eén rij per steunpunt; de bewerkbare lijst.'],
    [SHEETS.provinces, 'Dekking per provincie, met onderaan Nederland als geheel; alle cijfers zijn formules op Locaties en Parameters.'],
    [SHEETS.regions, 'Dekking per IZA-regio.'],
    [SHEETS.municipalities, 'Dekking per gemeente (gewenst aantal met twee decimalen).'],
    [SHEETS.parameters, 'Capaciteit, deelnamepercentages en gewichten die de formules gebruiken.'],
    [SHEETS.yearOnYear, 'In beeld en gewogen per gebied, vergeleken met het vorige monitorjaar.'],
    [
      SHEETS.whiteSpots,
      whiteSpotKm === undefined
        ? 'Gemeenten ver van een steunpunt.'
        : `Gemeenten waarvan het centrum verder dan ${formatNumberNl(whiteSpotKm, Number.isInteger(whiteSpotKm) ? 0 : 1)} km van een steunpunt ligt.`,
    ],
    [SHEETS.review, `Mogelijk dubbele locaties: kies in de kolom ${REVIEW_HEADERS.decision} zelfde of verschillend.`],
    [SHEETS.rejects, 'Rijen uit de bronnen die niet konden worden gebruikt, met de reden.'],
  ];
}

function addImages(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, firstRow: number, images: readonly ImageSlot[]): number {
  let row = firstRow;
  for (const image of images) {
    const caption = sheet.getCell(row, 1);
    setText(caption, image.name);
    caption.font = { bold: true };
    const { width, height } = image;
    const scale = Math.min(1, MAX_IMAGE_WIDTH_PX / width);
    const id = workbook.addImage({ buffer: imageBuffer(image.png), extension: 'png' });
    sheet.addImage(id, { tl: { col: 0, row }, ext: { width: Math.round(width * scale), height: Math.round(height * scale) } });
    row += Math.ceil((height * scale) / ROW_HEIGHT_PX) + 2;
  }
  return row;
}

/**
 * The PNG's bytes as exceljs takes them (given as base64, its zip decoded them again in JavaScript).
 * exceljs's typing declares its own `Buffer` as an ArrayBuffer; at run time it takes Node's.
 */
function imageBuffer(png: Uint8Array): NonNullable<ExcelJS.Image['buffer']> {
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength) as unknown as NonNullable<ExcelJS.Image['buffer']>;
}

/** Width and height from the PNG header (IHDR follows the 8-byte signature). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((byte, index) => png[index] !== byte)) throw new Error('overview image is not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
