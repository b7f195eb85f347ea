import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, pdfPrinter, PDF_SKIPPED } from '../../../outputs/pdf/chromium.ts';
import { scratchDir } from '../../helpers/cli.ts';

describe('finding Chromium for monitor.pdf', () => {
  it('finds none where PATH holds no chromium, and the skip line says how to get it in one Dutch line', () => {
    expect(findChromium(scratchDir(), [])).toBeUndefined();
    expect(PDF_SKIPPED).not.toContain('\n');
    expect(PDF_SKIPPED).toContain("apt-get install chromium");
  });

  it('finds an executable chromium on PATH, and passes over one that cannot run', () => {
    const notRunnable = scratchDir();
    writeFileSync(join(notRunnable, 'chromium'), '');
    const runnable = scratchDir();
    writeFileSync(join(runnable, 'chromium'), '#!/bin/sh\n');
    chmodSync(join(runnable, 'chromium'), 0o755);
    expect(findChromium(`${notRunnable}:${runnable}`, [])).toBe(join(runnable, 'chromium'));
  });

  it('is switched off, without a notice, by LSP_MONITOR_PDF=uit, and on otherwise', () => {
    const before = process.env['LSP_MONITOR_PDF'];
    try {
      process.env['LSP_MONITOR_PDF'] = 'uit';
      expect(pdfPrinter()).toEqual({ chromium: undefined, skipNotice: undefined });
      process.env['LSP_MONITOR_PDF'] = 'aan';
      const printer = pdfPrinter();
      expect(printer.chromium).toBe(findChromium());
      expect(printer.skipNotice).toBe(printer.chromium === undefined ? PDF_SKIPPED : undefined);
    } finally {
      if (before === undefined) delete process.env['LSP_MONITOR_PDF'];
      else process.env['LSP_MONITOR_PDF'] = before;
    }
  });
});
