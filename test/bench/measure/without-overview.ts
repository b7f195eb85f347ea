/**
 * `node --import ./without-overview.ts measure.ts …`: registers the hooks that leave the Excel
 * overview out of writeReport (without-overview-hooks.mjs), before measure.ts imports the
 * pipeline. run.ts starts every measuring child this way.
 */
import { register } from 'node:module';

register(new URL('./without-overview-hooks.mjs', import.meta.url));
