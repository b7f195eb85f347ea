/**
 * The monitor configuration as the pipeline uses it: its schema and file are part of the one
 * settings module (sources/settings/: `MonitorConfig`, `pipeline/config/monitor.config.json` or
 * --config); here the coverage method of a year and the monitor year as a person gives it.
 */
import { MonitorError } from '../../sources/errors.ts';
import { FIRST_MONITOR_YEAR, LAST_MONITOR_YEAR, type CoverageMethod, type MonitorConfig } from '../../sources/settings/monitor-config.ts';
import { readSettings, SETTINGS_FILES } from '../../sources/settings/settings.ts';

export const DEFAULT_CONFIG_PATH = SETTINGS_FILES.monitor.path;

/** The monitor part of the settings: `path` (--config) or else the default file. */
export function loadConfig(path?: string): MonitorConfig {
  return readSettings('monitor', { path });
}

/** The coverage method for a monitor year: the year's own entry, else the default. */
export function methodForYear(config: MonitorConfig, year: number): { name: string; method: CoverageMethod } {
  const name = config.years[String(year)]?.method ?? config.defaultMethod;
  const method = config.methods[name];
  if (!method) throw new MonitorError(`onbekende methode '${name}' voor monitorjaar ${year}`);
  return { name, method };
}

/** Parses a monitor year as given on the command line or in a file. */
export function parseMonitorYear(value: string | number | undefined): number {
  const text = String(value ?? '').trim();
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < FIRST_MONITOR_YEAR || year > LAST_MONITOR_YEAR) {
    throw new MonitorError(
      `'${text}' is geen monitorjaar (verwacht een jaartal van ${FIRST_MONITOR_YEAR} tot en met ${LAST_MONITOR_YEAR})`,
      { exitCode: 2 },
    );
  }
  return year;
}
