// Preloaded with `node --import` by lazy-commands.test.ts: writes every module the process loads
// to the file named in LSP_MONITOR_IMPORT_LOG, one URL a line: ES modules as they load (a loader
// hook), CommonJS modules loaded with require() (which that hook does not see) when the process exits.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.LSP_MONITOR_IMPORT_LOG;
register('./record-imports-hooks.mjs', import.meta.url, { data: { log } });
process.on('exit', () => {
  // Module._cache is what require.cache is: the CommonJS modules loaded so far, by file name.
  const required = Object.keys(Module._cache).map((file) => pathToFileURL(file).href);
  if (log !== undefined && required.length > 0) appendFileSync(log, `${required.join('\n')}\n`);
});
