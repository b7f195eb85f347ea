/** Default folders of the command line, for the help texts and the commands alike. */
import { fileURLToPath } from 'node:url';

/** The archive of fetched snapshots, relative to where lsp-monitor is started. */
export const DEFAULT_ARCHIVE = 'archief';

/** The committed monitor: reports/ of this repository, wherever lsp-monitor is started. */
export const DEFAULT_REPORTS = fileURLToPath(new URL('../../reports/', import.meta.url));
