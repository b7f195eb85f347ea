/**
 * Source texts a spreadsheet would take for formulas, as the names, organisations and notes of the
 * first locations of a monitor: what the overview must write as text (workbook.test.ts) and
 * LibreOffice must not evaluate (recalc.test.ts, in its one LibreOffice run).
 */
import type { MonitorData } from '../../../pipeline/read/read-monitor.ts';

export const INJECTIONS = ['=HYPERLINK("http://x","klik")', "+cmd|' /C calc'!A0", '@SUM(1)'];

export function withInjections(data: MonitorData): MonitorData {
  return {
    ...data,
    locations: data.locations.map((location, index) => {
      const injected = INJECTIONS[index];
      return injected === undefined ? location : { ...location, name: injected, organisation: injected, note: injected };
    }),
  };
}
