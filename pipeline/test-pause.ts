/**
 * Test-only pauses at named moments, so the crash tests can SIGKILL a real process exactly there:
 * inside the build's transaction (crash-safety), while corrections are taken in
 * (corrections-atomic) and while a report folder is swapped (report-atomic). Inert unless the
 * environment variable LSP_MONITOR_TEST_PAUSE names the moment; only those tests set it.
 */
export type PauseMoment =
  | 'build-in-transactie'
  | 'correcties-bewaard'
  | 'correcties-gebouwd'
  | 'correcties-vastgelegd'
  | 'rapport-half-geschreven'
  | 'rapport-oud-opzij'
  | 'rapport-nieuw-geplaatst';

/** Longer than any test waits for the process to be killed. */
const PAUSE_MS = 120_000;

export async function pauseForTest(moment: PauseMoment): Promise<void> {
  if (process.env['LSP_MONITOR_TEST_PAUSE'] !== moment) return;
  process.stderr.write(`test-pauze: ${moment}\n`);
  await new Promise((done) => setTimeout(done, PAUSE_MS));
}
