/**
 * A test-only pause at a named moment of taking in corrections, so the crash tests can SIGKILL a
 * real process exactly there (after the changes are stored, after the rebuild, after the commit).
 * Inert unless the environment variable LSP_MONITOR_TEST_PAUSE names the moment; nobody sets it
 * outside test/e2e/corrections-atomic.test.ts.
 */
export type PauseMoment = 'correcties-bewaard' | 'correcties-gebouwd' | 'correcties-vastgelegd';

const PAUSE_MS = 120_000;

export async function pauseForTest(moment: PauseMoment): Promise<void> {
  if (process.env['LSP_MONITOR_TEST_PAUSE'] !== moment) return;
  process.stderr.write(`test-pauze: ${moment}\n`);
  await new Promise((done) => setTimeout(done, PAUSE_MS));
}
