/**
 * The Excel overview, timed on its own. It is being built alongside this benchmark, so its
 * functions are looked up at run time: with overviewExtras and reportFigures present, the
 * overview is made exactly as reportFiles makes it (figures first, untimed); with only
 * writeOverview, without extras; with neither, not at all.
 */
import type { MonitorData } from '../../../pipeline/read/read-monitor.ts';
import type { ReportInput } from '../../../pipeline/read/read-report-input.ts';

export interface OverviewStage {
  note: string;
  /** Does the untimed preparation and returns the work to time. */
  prepare(input: ReportInput, directory: string): Promise<() => Promise<unknown>>;
}

type Bytes = (data: MonitorData, extras?: unknown) => Promise<Uint8Array>;
type Write = (data: MonitorData, path: string) => Promise<void>;
type Extras = (input: ReportInput, figures: readonly unknown[]) => unknown;
type Figures = (input: ReportInput) => Promise<readonly unknown[]>;

export async function loadOverviewStage(): Promise<OverviewStage | undefined> {
  const overview = await load('../../../pipeline/workbook/write/overview.ts');
  const extras = await load('../../../outputs/overview-extras.ts');
  const figures = await load('../../../outputs/figures/report-figures.ts');
  const overviewBytes = functionOf(overview, 'overviewBytes') as Bytes | undefined;
  const overviewExtras = functionOf(extras, 'overviewExtras') as Extras | undefined;
  const reportFigures = functionOf(figures, 'reportFigures') as Figures | undefined;
  if (overviewBytes !== undefined && overviewExtras !== undefined && reportFigures !== undefined) {
    return {
      note: 'xlsx: overviewExtras (incl. PNG figures) + overviewBytes, as reportFiles makes overzicht.xlsx; SVG figures made beforehand, untimed',
      prepare: async (input) => {
        const rendered = await reportFigures(input);
        return () => overviewBytes(input.data, overviewExtras(input, rendered));
      },
    };
  }
  const writeOverview = functionOf(overview, 'writeOverview') as Write | undefined;
  if (writeOverview === undefined) return undefined;
  return {
    note: 'xlsx: writeOverview(data, path) without extras (review pairs, white spots, images)',
    prepare: async (input, directory) => () => writeOverview(input.data, `${directory}/overzicht-bench.xlsx`),
  };
}

async function load(path: string): Promise<unknown> {
  return import(new URL(path, import.meta.url).href).catch(() => undefined);
}

function functionOf(module: unknown, name: string): unknown {
  if (typeof module !== 'object' || module === null || !(name in module)) return undefined;
  const value: unknown = Reflect.get(module, name);
  return typeof value === 'function' ? value : undefined;
}
