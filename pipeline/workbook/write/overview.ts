/**
 * The editable Excel overview of a monitor year (overzicht.xlsx): the locations as a list the
 * working group corrects, and the coverage tables as live formulas on that list. Read back by
 * ../read/read-corrections.ts. Pure: the same data gives the same workbook content.
 */
import type ExcelJS from 'exceljs';
import { loadWorkbookClass } from '../exceljs-workbook.ts';
import type { MonitorData } from '../../read/read-monitor.ts';
import { writeFileAtomic } from '../../../sources/write-file-atomic.ts';
import type { OverviewExtras, OverviewImage } from '../extras.ts';
import { SHEETS } from '../layout.ts';
import { withQuotedSheetNames } from './defined-names.ts';
import { worksheetPart, withDirectRows, type DirectRows } from './direct-rows.ts';
import { setPrint } from './print.ts';
import { repackZip, type EntryReplacements, type EntryRewrites } from './repack-zip.ts';
import { fitWrappedRows } from './row-height.ts';
import { addCoverageSheet } from './sheets/coverage.ts';
import { coverageSpecs } from './sheets/coverage-specs.ts';
import { addExplanationImages, addExplanationImageSlots, addExplanationSheet, pngSize, type ImageSlot } from './sheets/explanation.ts';
import { addListsSheet } from './sheets/lists.ts';
import { addLocationsSheet } from './sheets/locations.ts';
import { addParametersSheet, parameterRefs } from './sheets/parameters.ts';
import { addRejectsSheet } from './sheets/rejects.ts';
import { addReviewSheet } from './sheets/review.ts';
import { addWhiteSpotsSheet } from './sheets/white-spots.ts';
import { addYearOnYearSheet } from './sheets/year-on-year.ts';

/**
 * The workbook as exceljs holds it, and the rows of Locaties and the coverage sheets, which are
 * written into their sheets directly when the bytes are made (direct-rows.ts).
 */
export async function composeOverview(data: MonitorData, extras: OverviewExtras = {}): Promise<{ workbook: ExcelJS.Workbook; directRows: DirectRows[] }> {
  const { workbook, directRows, addImages } = await composeSheets(data, extras);
  addImages(extras.images ?? []);
  return { workbook, directRows };
}

/** The workbook as xlsx bytes; the same data and extras give the same bytes. */
export async function overviewBytes(data: MonitorData, extras: OverviewExtras = {}): Promise<Uint8Array> {
  return workbookBytes(data.year, await composeOverview(data, extras));
}

/** An image still being drawn: its caption and the width and height its PNG will have. */
export interface ExpectedImage {
  name: string;
  width: number;
  height: number;
}

/**
 * As overviewBytes with `extras.images` still being drawn: the sheets are composed at once; once
 * `expected` tells the images' sizes (all the layout depends on), the workbook is written with
 * their places empty while they are drawn, and packed with their bytes when they come
 * (reportFiles composes while the figures are drawn, and writes while they are turned into PNG).
 * Should a PNG not have the size expected, the workbook is made again with it: the same bytes as
 * overviewBytes either way.
 */
export async function overviewBytesWhenImages(
  data: MonitorData,
  extras: Omit<OverviewExtras, 'images'>,
  expected: Promise<readonly ExpectedImage[]>,
  images: Promise<readonly OverviewImage[]>,
): Promise<Uint8Array> {
  const { workbook, directRows, addSlots } = await composeSheets(data, extras);
  const slots = await expected;
  addSlots(slots.map((slot) => ({ ...slot, png: new Uint8Array(0) })));
  const stored = await storedBytes(workbook);
  const drawn = await images;
  const asExpected =
    drawn.length === slots.length && drawn.every((image, index) => image.name === slots[index]!.name && sameSize(pngSize(image.png), slots[index]!));
  if (!asExpected) return overviewBytes(data, { ...extras, images: drawn });
  return packed(data.year, workbook, directRows, stored, Object.fromEntries(drawn.map((image, index) => [mediaEntry(index), image.png])));
}

/** Where exceljs puts the workbook's i-th image (Toelichting's are its only ones). */
function mediaEntry(index: number): string {
  return `xl/media/image${index + 1}.png`;
}

function sameSize(a: { width: number; height: number }, b: { width: number; height: number }): boolean {
  return a.width === b.width && a.height === b.height;
}

/** Loads what the writer needs of exceljs (also done when composing): a caller may start it early. */
export const loadOverviewWriter = loadWorkbookClass;

/** Every sheet, Toelichting without its images, which `addImages` puts below its text. */
async function composeSheets(
  data: MonitorData,
  extras: OverviewExtras,
): Promise<{
  workbook: ExcelJS.Workbook;
  directRows: DirectRows[];
  addImages: (images: readonly OverviewImage[]) => void;
  addSlots: (slots: readonly ImageSlot[]) => void;
}> {
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  workbook.creator = 'lsp-monitor';
  workbook.title = `Stand van het land ${data.year}`;
  workbook.created = fixedTime(data.year);
  workbook.modified = fixedTime(data.year);
  // Excel and LibreOffice recalculate on opening; the cached results are the pipeline's figures.
  workbook.calcProperties.fullCalcOnLoad = true;

  const explanation = addExplanationSheet(workbook, data, extras);
  const parameters = parameterRefs(data);
  const locations = addLocationsSheet(workbook, data, parameters);
  const coverageRows = coverageSpecs(data).map((spec) => addCoverageSheet(workbook, spec, locations.ranges, parameters).rows);
  addParametersSheet(workbook, data);
  addYearOnYearSheet(workbook, data.year, extras.yearOnYear);
  addWhiteSpotsSheet(workbook, extras.whiteSpots);
  addReviewSheet(workbook, extras.reviewPairs);
  addRejectsSheet(workbook, data.rejects);
  addListsSheet(workbook);
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue;
    fitWrappedRows(sheet);
    // A sheet with a frozen first row has a header row; Toelichting's title is not repeated.
    const headerRow = sheet.views[0]?.state === 'frozen' && sheet.views[0].ySplit === 1;
    setPrint(sheet, { year: data.year, headerRow, ...(sheet.name === SHEETS.locations ? { area: locations.printArea } : {}) });
  }
  // The images' captions are not wrapped and their rows keep the default height: fitWrappedRows has nothing to do there.
  return {
    workbook,
    directRows: [locations.rows, ...coverageRows],
    addImages: (images) => addExplanationImages(workbook, explanation, images),
    addSlots: (slots) => addExplanationImageSlots(workbook, explanation, slots),
  };
}

async function workbookBytes(year: number, { workbook, directRows }: { workbook: ExcelJS.Workbook; directRows: readonly DirectRows[] }): Promise<Uint8Array> {
  return packed(year, workbook, directRows, await storedBytes(workbook));
}

/** Stored uncompressed by exceljs; `packed` adds the direct rows and deflates with native zlib. */
async function storedBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
}

function packed(year: number, workbook: ExcelJS.Workbook, directRows: readonly DirectRows[], stored: Uint8Array, replacements: EntryReplacements = {}): Uint8Array {
  const sheetNames = workbook.worksheets.map((sheet) => sheet.name);
  const rewrites: EntryRewrites = {
    ...Object.fromEntries(directRows.map((rows) => [worksheetPart(rows), (xml: string) => withDirectRows(xml, rows)])),
    'xl/workbook.xml': (xml) => Buffer.from(withQuotedSheetNames(xml, sheetNames), 'utf8'),
  };
  return repackZip(stored, fixedTime(year), rewrites, replacements);
}

/** Writes the overview to `path` (temporary file, then rename). */
export async function writeOverview(data: MonitorData, path: string, extras?: OverviewExtras): Promise<void> {
  await writeFileAtomic(path, await overviewBytes(data, extras));
}

/** Not the time of writing, so that writing again gives the same bytes. */
function fixedTime(year: number): Date {
  return new Date(Date.UTC(year, 0, 1));
}
