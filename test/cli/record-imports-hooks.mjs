// Loader hooks of record-imports.mjs (they run on Node's loader thread).
import { appendFileSync } from 'node:fs';

let log;

export function initialize(data) {
  log = data.log;
}

export async function load(url, context, nextLoad) {
  if (log !== undefined) appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
