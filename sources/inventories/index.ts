/**
 * The inputs of published monitor years, bundled with lsp-monitor: one folder per published list
 * with an `inputs.json` that names its year and its files in the order they are read in. Each
 * file goes in through the same path as `lsp-monitor import --source <source>`, so `lsp-monitor
 * run` rebuilds every published year with no network. A year is added by adding a folder; no code
 * changes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describeIssues } from '../describe-issues.ts';
import { MonitorError } from '../errors.ts';

export const DEFAULT_INVENTORIES_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const INPUTS_FILE = 'inputs.json';

const InputsManifest = z.strictObject({
  year: z.number().int().min(2019).max(2099),
  title: z.string().min(1),
  /** Read in this order: lists first, then corrections, surveys or EPA tables of the same year. */
  inputs: z
    .array(
      z.strictObject({
        /** The source name, as `lsp-monitor import --source` takes it (a list, or a file source such as regional-corrections). */
        source: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
        file: z.string().min(1).refine((name) => !name.includes('/') && !name.includes('\\') && !name.startsWith('.'), {
          message: 'alleen een bestandsnaam in dezelfde map',
        }),
        sheet: z.string().min(1).optional(),
      }),
    )
    .min(1),
});

export interface BundledInput {
  year: number;
  source: string;
  title: string;
  path: string;
  sheet?: string;
}

/** Every bundled input under `root`, ordered by year, then folder, then as listed. */
export function bundledInputs(root: string = DEFAULT_INVENTORIES_ROOT): BundledInput[] {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const manifests = folders.flatMap((folder) => {
    const path = join(root, folder, INPUTS_FILE);
    return fileExists(path) ? [{ folder, manifest: readManifest(path) }] : [];
  });
  return manifests
    .sort((a, b) => a.manifest.year - b.manifest.year || a.folder.localeCompare(b.folder))
    .flatMap(({ folder, manifest }) =>
      manifest.inputs.map((input) => ({
        year: manifest.year,
        source: input.source,
        title: manifest.title,
        path: join(root, folder, input.file),
        ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
      })),
    );
}

export function bundledYears(inputs: readonly BundledInput[]): number[] {
  return [...new Set(inputs.map((input) => input.year))].sort();
}

function readManifest(path: string): z.infer<typeof InputsManifest> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new MonitorError(`${path} is geen leesbaar JSON-bestand`, { cause: error });
  }
  const parsed = InputsManifest.safeParse(json);
  if (!parsed.success) throw new MonitorError(`${path} klopt niet: ${describeIssues(parsed.error.issues, json, InputsManifest)}`);
  for (const input of parsed.data.inputs) {
    const file = join(path, '..', input.file);
    if (!fileExists(file)) throw new MonitorError(`${path} noemt ${input.file}, maar dat bestand staat niet in de map`);
  }
  return parsed.data;
}

function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
