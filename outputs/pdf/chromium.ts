/**
 * Finds the Chromium that prints monitor.pdf: Debian's `chromium` package (never a browser that
 * playwright downloads). Looked up once per command, so a run without it says so once.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const NAMES = ['chromium', 'chromium-browser'];

/**
 * The Chromium that prints monitor.pdf, or undefined when there is none or the PDF is switched off
 * with LSP_MONITOR_PDF=uit (the test suite does so outside its PDF tests: printing costs seconds per
 * report). `skipNotice` is the one line to show, or undefined when nothing needs saying.
 */
export function pdfPrinter(): { chromium: string | undefined; skipNotice: string | undefined } {
  if (process.env['LSP_MONITOR_PDF'] === 'uit') return { chromium: undefined, skipNotice: undefined };
  const chromium = findChromium();
  return { chromium, skipNotice: chromium === undefined ? PDF_SKIPPED : undefined };
}

/** The path of an executable Chromium, or undefined when there is none. */
export function findChromium(path = process.env['PATH'] ?? '', first: readonly string[] = [DEBIAN_CHROMIUM]): string | undefined {
  const candidates = [...first, ...path.split(delimiter).filter((dir) => dir !== '').flatMap((dir) => NAMES.map((name) => join(dir, name)))];
  return candidates.find(isExecutable);
}

/** Headless, no sandbox (containers), and no traffic of its own: no updates, sync or QUIC. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** The one line a run prints when it writes no PDF. */
export const PDF_SKIPPED = "monitor.pdf overgeslagen: Chromium niet gevonden; installeer het met 'apt-get install chromium' en maak de monitor opnieuw.";

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
