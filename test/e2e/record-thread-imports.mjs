// Preloaded with `node --import` (test/helpers/recorded-report-2024.ts, test/cli/bundled-packages.test.ts),
// in the main thread and (worker threads inherit the option) in every worker: each thread writes
// the modules it loads to its own file, LSP_MONITOR_IMPORT_LOG.<threadId> (0: the main thread),
// with the hooks of test/cli/record-imports.
import { register } from 'node:module';
import { threadId } from 'node:worker_threads';

const log = process.env.LSP_MONITOR_IMPORT_LOG;
if (log !== undefined) register('../cli/record-imports-hooks.mjs', import.meta.url, { data: { log: `${log}.${threadId}` } });
