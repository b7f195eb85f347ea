/**
 * `run` stops the report's worker as soon as the last year is drawn (run-years.ts,
 * stoppedAfterRender), so that the thread's teardown runs on the other core while the main thread
 * writes the folder. Nothing else shows it: the worker is closed at the end of the command anyway,
 * with the same output. Here `runYears` renders the bundled 2024 in this thread through a renderer
 * that records when it is closed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startReportRenderer, type ReportRenderer } from '../../outputs/report-renderer.ts';
import { runYears } from '../../pipeline/cli/run-years.ts';
import { scratchDir } from '../helpers/cli.ts';

describe('run, for its last year', () => {
  it('stops the renderer once the year is drawn, not before', async () => {
    vi.stubEnv('LSP_MONITOR_PDF', 'uit');
    const drawing = startReportRenderer();
    const events: string[] = [];
    const renderer: ReportRenderer = {
      render(input) {
        events.push(`render ${input.data.year}`);
        const parts = drawing.render(input);
        void parts.site.then(() => events.push('site drawn'), () => undefined);
        return parts;
      },
      expectDivision: (rows) => drawing.expectDivision(rows),
      async close() {
        events.push('closed');
        await drawing.close();
      },
    };
    const root = scratchDir();
    mkdirSync(join(root, 'archief'));
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    await runYears({ db: join(root, 'monitor.duckdb'), reports: join(root, 'reports'), archive: join(root, 'archief') }, io, renderer);
    expect(lines.at(-1)).toMatch(/^Monitor 2024 geschreven naar .*: \d+ bestanden\.$/);
    expect(events).toEqual(['render 2024', 'site drawn', 'closed']);
  }, 120_000);
});
