/**
 * Printing with Chromium: the same page gives the same bytes (the print date is left out), and a
 * Chromium that cannot print costs the PDF, not the report, with one Dutch line saying so.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../outputs/pdf/chromium.ts';
import { monitorPdf } from '../../../outputs/pdf/monitor-pdf.ts';
import { printPdf } from '../../../outputs/pdf/print-pdf.ts';
import { withoutPrintDate } from '../../../outputs/pdf/reproducible.ts';
import type { ReportInput } from '../../../outputs/report-input.ts';
import { scratchDir } from '../../helpers/cli.ts';

const chromium = findChromium();

describe.skipIf(chromium === undefined && !process.env['CI'])('printing a page to PDF (needs chromium; skipped without it outside CI)', () => {
  it('gives the same bytes for the same page, without the moment of printing', async () => {
    const html = '<!doctype html><html lang="nl"><head><title>Proef</title></head><body><h1>Proef</h1><p>Tekst</p></body></html>';
    const first = withoutPrintDate(await printPdf(html, chromium!));
    await new Promise((done) => setTimeout(done, 1100)); // the print date has a resolution of a second
    const second = withoutPrintDate(await printPdf(html, chromium!));
    const head = Buffer.from(first.subarray(0, 1024)).toString('latin1');
    expect(head).toContain('%PDF-');
    expect(head).not.toMatch(/CreationDate|ModDate/);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});

describe('a Chromium that cannot print', () => {
  it('writes no monitor.pdf and says so in one Dutch line naming it', async () => {
    const broken = join(scratchDir(), 'chromium');
    writeFileSync(broken, '#!/bin/sh\nexit 1\n');
    chmodSync(broken, 0o755);
    const notices: string[] = [];
    const input = { data: { year: 2024, method: { populationYear: 2019, epaYear: 2019 } } } as unknown as ReportInput;
    const files = await monitorPdf(input, '# Titel\n\n## Samenvatting\n', [], 'Titel', { chromium: broken, notice: (line) => notices.push(line) });
    expect(files).toEqual([]);
    expect(notices).toEqual([`monitor.pdf overgeslagen: Chromium (${broken}) kon de PDF niet maken; controleer het met '${broken} --version' en maak de monitor opnieuw.`]);
  });
});
