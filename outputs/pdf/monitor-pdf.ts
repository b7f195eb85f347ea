/**
 * monitor.pdf of a report: printed when Chromium is there. A Chromium that fails costs the PDF,
 * not the rest of the monitor, and the run says so in one line.
 */
import type { Figure, ReportInput } from '../report-input.ts';
import { printPdf } from './print-pdf.ts';
import { withoutPrintDate } from './reproducible.ts';
import { sectionPages } from './section-pages.ts';

export const PDF_FILE = 'monitor.pdf';

/** `chromium`: the browser that prints (outputs/pdf/chromium.ts; none: no PDF); `notice`: where a skipped PDF is told. */
export interface PdfOptions {
  chromium?: string | undefined;
  notice?: (line: string) => void;
}

export async function monitorPdf(
  input: ReportInput,
  markdown: string,
  figures: readonly Figure[],
  title: string,
  { chromium, notice = () => undefined }: PdfOptions,
): Promise<{ name: string; content: Uint8Array }[]> {
  if (chromium === undefined) return [];
  // Loaded only to print: it brings marked, which the report's text otherwise needs only in its worker thread.
  const { printHtml } = await import('./print-html.ts');
  try {
    // The contents list page numbers, known only once printed: print, read where each section landed, print again.
    const draft = await printPdf(printHtml(input, markdown, figures, title), chromium);
    const pages = sectionPages(draft);
    const pdf = pages.size === 0 ? draft : await printPdf(printHtml(input, markdown, figures, title, pages), chromium);
    return [{ name: PDF_FILE, content: withoutPrintDate(pdf) }];
  } catch {
    notice(`monitor.pdf overgeslagen: Chromium (${chromium}) kon de PDF niet maken; controleer het met '${chromium} --version' en maak de monitor opnieuw.`);
    return [];
  }
}
