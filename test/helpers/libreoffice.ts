/**
 * Recalculates a workbook in LibreOffice and exports every sheet to CSV, so tests can check what
 * the formulas give in a real spreadsheet program (not exceljs's cached results).
 *
 * A throw-away profile sets OOXMLRecalcMode to 0 ("always recalculate"), so LibreOffice never
 * trusts the cached results in the file. CI installs libreoffice-calc-nogui; elsewhere the tests
 * that need it are skipped with SOFFICE_MISSING.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import Papa from 'papaparse';

const run = promisify(execFile);

export const SOFFICE_MISSING =
  'LibreOffice (soffice) not found on PATH or in the usual places; install libreoffice-calc-nogui to run the recalculation tests';

/**
 * CSV export of all sheets (LibreOffice ≥ 7.2): separator 44 (,), text delimiter 34 ("), UTF-8 (76),
 * from line 1, no cell formats, language 0, quoted fields not as text, detect special numbers,
 * values not "as shown" (full precision), no formulas, no space trimming, sheet -1 = every sheet,
 * each to <name>-<sheet>.csv.
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const CANDIDATES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'];

/**
 * The soffice executable, or null when LibreOffice is not installed. In CI (CI=true) a missing
 * LibreOffice is an error, not a skip: .ci/run installs it, so its absence means that step broke.
 */
export function findSoffice(): string | null {
  const found = locateSoffice();
  if (found === null && process.env['CI'] === 'true') {
    throw new Error('LibreOffice (soffice) ontbreekt in CI: .ci/run hoort libreoffice-calc-nogui te installeren');
  }
  return found;
}

function locateSoffice(): string | null {
  const onPath = (process.env['PATH'] ?? '').split(delimiter).flatMap((directory) => ['soffice', 'libreoffice'].map((name) => join(directory, name)));
  for (const candidate of [...onPath, ...CANDIDATES]) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Runs one LibreOffice (one start, one throw-away profile) that converts every file of `paths`;
 * returns the output folder (inside `work`) and what soffice said.
 */
async function convert(soffice: string, work: string, filter: string, paths: readonly string[]): Promise<{ out: string; said: string }> {
  const profile = join(work, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const out = join(work, 'out');
  mkdirSync(out);
  const { stdout, stderr } = await run(
    soffice,
    ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', filter, '--outdir', out, ...paths],
    { timeout: 180_000 },
  );
  return { out, said: `${stdout}\n${stderr}` };
}

/** The workbook opened, recalculated and saved again by LibreOffice, as a person using LibreOffice would send it back. */
export async function resaveInLibreOffice(soffice: string, xlsxPath: string): Promise<Uint8Array> {
  const work = mkdtempSync(join(tmpdir(), 'lsp-monitor-soffice-'));
  try {
    const { out, said } = await convert(soffice, work, 'xlsx:Calc MS Excel 2007 XML', [xlsxPath]);
    const [file] = readdirSync(out).filter((name) => name.endsWith('.xlsx'));
    if (file === undefined) throw new Error(`LibreOffice wrote no xlsx for ${xlsxPath}\n${said}`);
    return new Uint8Array(readFileSync(join(out, file)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every sheet of the workbook after a full recalculation, as rows of cell texts (empty sheets: no rows). */
export async function recalculateToCsv(soffice: string, xlsxPath: string): Promise<Map<string, string[][]>> {
  const [sheets] = await recalculateAllToCsv(soffice, [xlsxPath]);
  return sheets!;
}

/**
 * recalculateToCsv for several workbooks in one LibreOffice run (its start with a fresh profile
 * costs seconds; each further workbook a fraction of that), in the order of `xlsxPaths`.
 */
export async function recalculateAllToCsv(soffice: string, xlsxPaths: readonly string[]): Promise<Map<string, string[][]>[]> {
  const work = mkdtempSync(join(tmpdir(), 'lsp-monitor-soffice-'));
  try {
    // Copied under names no other one starts with, so each sheet's CSV (<name>-<sheet>.csv) is its workbook's.
    const inputs = join(work, 'in');
    mkdirSync(inputs);
    const copies = xlsxPaths.map((path, index) => {
      const copy = join(inputs, `werkmap${index}${extname(path)}`);
      copyFileSync(path, copy);
      return copy;
    });
    const { out, said } = await convert(soffice, work, CSV_FILTER, copies);
    return copies.map((copy, index) => {
      const prefix = `${basename(copy, extname(copy))}-`;
      const sheets = new Map<string, string[][]>();
      for (const file of readdirSync(out).filter((name) => name.startsWith(prefix) && name.endsWith('.csv'))) {
        const parsed = Papa.parse<string[]>(readFileSync(join(out, file), 'utf8'), { skipEmptyLines: false });
        const rows = parsed.data.filter((row) => row.some((cell) => cell !== ''));
        sheets.set(file.slice(prefix.length, -'.csv'.length), rows);
      }
      if (sheets.size === 0) throw new Error(`LibreOffice wrote no CSV for ${xlsxPaths[index]}\n${said}`);
      return sheets;
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The rows of a sheet exported by recalculateToCsv as objects keyed by the header row. */
export function sheetRecords(sheets: Map<string, string[][]>, sheet: string): Record<string, string>[] {
  const rows = sheets.get(sheet);
  if (rows === undefined) throw new Error(`no sheet '${sheet}' in the export (sheets: ${[...sheets.keys()].join(', ')})`);
  const [header = [], ...data] = rows;
  return data.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}
