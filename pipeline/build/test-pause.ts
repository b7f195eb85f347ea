/**
 * A test-only pause inside the build's transaction, so the crash test can SIGKILL a real build
 * exactly there: the year's previous build cleared and its new locations and coverage written, but
 * nothing committed. Inert unless the environment variable LSP_MONITOR_TEST_PAUSE is
 * `build-in-transactie`; nobody sets it outside test/e2e/crash-safety.test.ts.
 */
const MOMENT = 'build-in-transactie';
const PAUSE_MS = 120_000;

export async function pauseBuildForTest(): Promise<void> {
  if (process.env['LSP_MONITOR_TEST_PAUSE'] !== MOMENT) return;
  process.stderr.write(`test-pauze: ${MOMENT}\n`);
  await new Promise((done) => setTimeout(done, PAUSE_MS));
}
