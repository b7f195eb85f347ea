// Moved to sources/sha256.ts, the one hash helper; kept only until pipeline/stages/import-file-source.ts imports it from there.
export { sha256Hex } from '../sha256.ts';
