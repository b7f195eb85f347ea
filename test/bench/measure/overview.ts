/**
 * The Excel overview, timed on its own. The measuring child runs writeReport without it
 * (without-overview-hooks.mjs gives the report an overviewBytes that writes nothing), so this
 * stage is the overview's whole cost, made as reportFiles makes it: the SVG figures beforehand
 * (untimed, the report made them too), then their PNGs, overviewExtras and overviewBytes (timed).
 * Its functions are looked up at run time, as the overview has moved between modules; when they
 * are missing the stage is skipped with a note.
 */
import type { MonitorData } from '../../../pipeline/read/read-monitor.ts';
import type { ReportInput } from '../../../pipeline/read/read-report-input.ts';

export interface OverviewStage {
  note: string;
  /** Does the untimed preparation and returns the work to time. */
  prepare(input: ReportInput): Promise<() => Promise<unknown>>;
}

type Bytes = (data: MonitorData, extras?: unknown) => Promise<Uint8Array>;
type Extras = (input: ReportInput, figures: readonly unknown[], pngs?: readonly Uint8Array[]) => unknown;
type Figures = (input: ReportInput) => Promise<readonly { svg: string }[]>;
type Png = (svg: string) => Uint8Array;

/** The query past the hooks of without-overview-hooks.mjs (the same text there): the real writer. */
const OVERVIEW_REAL_QUERY = 'bench-real-overview';

export async function loadOverviewStage(): Promise<OverviewStage | undefined> {
  const overviewBytes = functionOf(await load(`../../../pipeline/workbook/write/overview.ts?${OVERVIEW_REAL_QUERY}`), 'overviewBytes') as Bytes | undefined;
  const overviewExtras = functionOf(await load('../../../outputs/overview-extras.ts'), 'overviewExtras') as Extras | undefined;
  const reportFigures = functionOf(await load('../../../outputs/figures/report-figures.ts'), 'reportFigures') as Figures | undefined;
  const svgToPng = functionOf(await load('../../../outputs/figures/render-png.ts'), 'svgToPng') as Png | undefined;
  if (overviewBytes === undefined || overviewExtras === undefined || reportFigures === undefined || svgToPng === undefined) return undefined;
  return {
    note: 'xlsx: the figures as PNG, overviewExtras and overviewBytes, as reportFiles makes overzicht.xlsx (the SVG figures made beforehand, untimed); the report stage wrote no overview',
    prepare: async (input) => {
      const figures = await reportFigures(input);
      return async () => {
        const bytes = await overviewBytes(input.data, overviewExtras(input, figures, figures.map((figure) => svgToPng(figure.svg))));
        if (bytes.byteLength === 0) throw new Error('the overview writer made no bytes: the hooks of without-overview-hooks.mjs reached the timed stage');
        return bytes;
      };
    },
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
