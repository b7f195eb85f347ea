// Preloaded with `node --import` by lazy-commands.test.ts: writes every module URL the process
// loads to the file named in LSP_MONITOR_IMPORT_LOG, one a line.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url, { data: { log: process.env.LSP_MONITOR_IMPORT_LOG } });
