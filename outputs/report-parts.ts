/**
 * The parts of a report that take most of its CPU and need nothing else of it: the figures and the
 * site. `report-renderer.ts` runs them in a worker thread beside the main thread, which meanwhile
 * writes the workbook (with the figures as PNG), the CSV files and the text. This module is what
 * that worker loads.
 */
import { prepareSiteMap } from './site/site-map.ts';

export { reportFigures } from './figures/report-figures.ts';
export { siteFiles } from './site/site-files.ts';

/** Work that does not depend on the year, done while the worker waits for the year's data. */
export function prepareParts(): void {
  prepareSiteMap();
}
