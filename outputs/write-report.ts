/**
 * Writes every output of a monitor year into one folder, as a unit: readers and a killed run see
 * the whole previous report or the whole new one (outputs/write-atomic.ts, replaceFolder).
 */
import type { BinaryFile, ExportFile } from './csv/exports.ts';
import { csvExports } from './csv/exports.ts';
import { codebookExports } from './csv/codebook.ts';
import { diffExports } from './csv/diff-exports.ts';
import { monitorPdf, PDF_FILE, type PdfOptions } from './pdf/monitor-pdf.ts';
import type { ReportRenderer } from './report-renderer.ts';
import { reportTitle, type ReportInput } from './report-input.ts';
import { overviewImages, overviewTables } from './overview-extras.ts';
import { loadOverviewWriter, overviewBytesWhenImages } from '../pipeline/workbook/write/overview.ts';
import { ownedBySite } from './site/slug.ts';
import { loadResvg, pngSizeOf, svgToPngAsync } from './figures/render-png.ts';
import { checkFolderTarget, replaceFolder } from './write-atomic.ts';

export interface ReportOptions extends PdfOptions {
  /** Renders the figures and the site (report-renderer.ts); default: one started for this report. */
  renderer?: ReportRenderer;
}

/**
 * The published files of a year (committed under reports/), and the Excel overview (not committed).
 * The figures and the site are rendered by `renderer`, in a worker thread where there is one, while
 * this thread writes the workbook and Chromium prints the PDF.
 */
export async function reportFiles(input: ReportInput, options: ReportOptions = {}): Promise<(ExportFile | BinaryFile)[]> {
  const renderer = options.renderer ?? (await import('./report-renderer.ts')).startReportRenderer();
  try {
    const parts = renderer.render(input);
    // The workbook's sheets are composed while the figures are drawn, and written while their PNGs
    // are drawn on libuv's threads; the PNGs' bytes are packed in when they come.
    const images = parts.figures.then(async (figures) => overviewImages(figures, await Promise.all(figures.map((figure) => svgToPngAsync(figure.svg)))));
    images.catch(() => undefined); // awaited by the overview once its sheets are written
    const expected = parts.figures.then((figures) => figures.map((figure) => ({ name: figure.title, ...pngSizeOf(figure.svg) })));
    expected.catch(() => undefined); // the same
    const overview = overviewBytesWhenImages(input.data, overviewTables(input), expected, images);
    overview.catch(() => undefined); // awaited below; not unhandled should the text fail first
    // The tables need no figure either.
    const tables = [
      ...csvExports(input.data),
      ...(input.previous ? diffExports(input.previous.diff) : []),
      ...codebookExports(input.data.parameters),
    ];
    const figures = await parts.figures;
    const { markdown, html } = await parts.text;
    const pdf = monitorPdf(input, markdown, figures, reportTitle(input.data.year), options);
    pdf.catch(() => undefined); // the same
    const texts = [
      ...tables,
      ...figures.map((figure) => ({ name: figure.file, content: figure.svg })),
      { name: 'monitor.md', content: markdown },
      { name: 'monitor.html', content: html },
    ];
    const [workbook, site, printed] = await Promise.all([overview, parts.site, pdf]);
    return [{ name: OVERVIEW_FILE, content: workbook }, ...texts, ...site, ...printed];
  } finally {
    if (options.renderer === undefined) await renderer.close();
  }
}

export const OVERVIEW_FILE = 'overzicht.xlsx';

/** Loads what reportFiles loads when first used (exceljs for the workbook, resvg for its images), for a caller with time for it now. */
export async function loadReportWriters(): Promise<void> {
  await loadOverviewWriter();
  loadResvg();
}

/** The figures folder is the report's own; its SVG files are figures of an earlier report. */
const FIGURES_FOLDER = 'figuren';
/** Written only when an earlier year was built: an earlier report in the folder may hold them. */
const FILES_WITH_AN_EARLIER_YEAR = ['verschillen.csv', 'verschillen-per-regio.csv'];
/** Written only where Chromium is (not committed: its bytes depend on the Chromium version): an earlier report may hold one. */
const FILES_WITH_CHROMIUM = [PDF_FILE];
/** What file browsers leave in any folder they show: not a person's work, so replaced with the folder. */
const FOLDER_CLUTTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * Replaces `directory` by the year's report. A folder holding anything a report does not write
 * (a person's own notes, an office lock file of an open overzicht.xlsx) is refused, naming it.
 */
export async function writeReport(input: ReportInput, directory: string, options: ReportOptions = {}): Promise<string[]> {
  await checkFolderTarget(directory); // before seconds of rendering
  const files = await reportFiles(input, options);
  const names = new Set([...files.map((file) => file.name), ...FILES_WITH_AN_EARLIER_YEAR, ...FILES_WITH_CHROMIUM, FIGURES_FOLDER]);
  const owned = (name: string) =>
    names.has(name) || new RegExp(`^${FIGURES_FOLDER}/[a-z0-9-]+\\.svg$`).test(name) || FOLDER_CLUTTER.has(name.split('/').pop() ?? '') || ownedBySite(name);
  await replaceFolder(directory, files, owned);
  return files.map((file) => file.name);
}
