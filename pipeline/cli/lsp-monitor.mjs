#!/usr/bin/env node
// Entry point of the lsp-monitor command: runs the JavaScript that build.mjs made in dist/ (at
// `npm ci`), no TypeScript compiled at run time. A source edited since then is built first, so
// the command never runs code older than its sources.
import { pathToFileURL } from 'node:url';
import { buildDist, DIST, ENTRY, staleInputs } from './build.mjs';

const debug = process.argv.includes('--debug');
const stale = staleInputs();
if (stale === undefined || stale.length > 0) {
  try {
    await buildDist();
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    process.stderr.write(
      ['EACCES', 'EPERM', 'EROFS'].includes(code)
        ? `fout: de gebouwde versie van lsp-monitor (${DIST}) is ouder dan de broncode en u mag daar niet schrijven; laat de eigenaar van lsp-monitor 'npm run build' draaien\n`
        : "fout: lsp-monitor kon niet worden gebouwd uit de broncode; 'npm run build' toont waarom\n",
    );
    if (debug) process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}
// Stack traces name the TypeScript sources, for the technical details that --debug prints.
if (debug) process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(ENTRY).href);
process.exitCode = await main(process.argv.slice(2));
