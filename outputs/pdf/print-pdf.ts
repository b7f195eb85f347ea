/**
 * Prints the report page to an A4 PDF with Debian's Chromium, driven by playwright-core. Each
 * print gets a fresh, throw-away browser profile, and the page may not reach the network.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './chromium.ts';

/** Page number and count at the foot of every page ("3 van 41"). */
const FOOTER = `<div style="width:100%;font-family:'DejaVu Sans',Arial,sans-serif;font-size:8pt;color:#555;text-align:center;">
<span class="pageNumber"></span> van <span class="totalPages"></span></div>`;

export async function printPdf(html: string, executablePath: string): Promise<Uint8Array> {
  // Loaded only when a PDF is printed: a run with the PDF switched off or without Chromium never pays for it.
  // A CommonJS package: its exports are the module's default both in Node and in the dist/ bundle
  // (where the named exports are absent, pipeline/cli/build.mjs).
  const { chromium } = (await import('playwright-core')).default;
  const profile = await mkdtemp(join(tmpdir(), 'lsp-monitor-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: [...CHROMIUM_ARGS], timeout: 120_000 });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
        outline: true,
        tagged: true,
      });
    } finally {
      await context.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
