// Builds the command line to JavaScript in dist/ (git-ignored), so no TypeScript is compiled when
// lsp-monitor runs. `npm ci` runs it (prepare); the bin runs it again when a source is newer.
//
// One esbuild bundle of our own code, split per command so that a command's code (and the
// packages it imports, which stay in node_modules) is loaded only when it runs. Plain JavaScript:
// this file must run before anything is built.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const ENTRY = join(DIST, 'lsp-monitor.js');
/** What the last build read, with each file's modification time: the bin compares them. */
export const MANIFEST = join(DIST, 'build.json');

/**
 * A module finds its JSON, SQL, reference data and snapshots next to its source with
 * `new URL('./x', import.meta.url)`. In the bundle, import.meta.url is dist/<chunk>.js, so each
 * module's import.meta.url is replaced by the URL of its source file, relative to dist/ so that a
 * moved checkout keeps working. import.meta.filename is left alone: it names the chunk itself
 * (outputs/report-renderer.ts starts its worker thread on it).
 */
const sourceUrlPlugin = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const contents = await readFile(args.path, 'utf8');
      if (!contents.includes('import.meta.url')) return { contents, loader: 'ts' };
      const fromDist = relative(DIST, args.path).split(sep).join('/');
      return { contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

/**
 * Packages bundled into dist/ with our own code, with everything they import. From node_modules,
 * Node resolves and compiles every file of a package on its own (exceljs is some 300 CommonJS
 * files) and runs its export scanner over a CommonJS package imported from ESM (vega, vega-lite,
 * topojson-client); from a bundle chunk the same code loads in about a third of the CPU time
 * (measured: exceljs 540 -> 210 ms, vega with vega-lite 540 -> 240 ms, zod 180 -> 95 ms, DuckDB's
 * API 150 -> 80 ms, some 180 files, whose native binary stays in node_modules). esbuild
 * resolves their files with Node's rules (the `require` or `import` condition, `main` before
 * `module`), so the bundle runs the files Node would load. Only what a command uses is loaded
 * with it: each sits in the chunks of the modules that import it.
 */
export const BUNDLED_PACKAGES = ['exceljs', 'vega', 'vega-lite', 'zod', 'd3-geo', 'topojson-client', 'marked', 'papaparse', '@duckdb/node-api'];

/**
 * Stay in node_modules, taken with require() as Node would give them to `import`
 * (module.exports, with its properties as the named exports): DuckDB's bindings and resvg load a
 * native binary of the platform, playwright-core finds its browsers and scripts on disk.
 */
const COMMONJS_PACKAGES = ['playwright-core', '@duckdb/node-bindings', '@resvg/resvg-js'];

/** The package an import path names: `exceljs/lib/x.js` -> `exceljs`, `@duckdb/node-api` -> itself. */
export function packageOf(path) {
  const [first, second] = path.split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

const requireCommonJsPlugin = {
  name: 'require-commonjs-packages',
  setup(build) {
    const filter = new RegExp(`^(${COMMONJS_PACKAGES.map((name) => name.replace(/[./]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => (args.namespace === 'commonjs' ? { path: args.path, external: true } : { path: args.path, namespace: 'commonjs' }));
    build.onLoad({ filter: /.*/, namespace: 'commonjs' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/** Every other package stays external, except a bundled package and what it imports in turn. */
const externalPackagesPlugin = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.namespace === 'commonjs' || isBuiltin(args.path)) return { path: args.path, external: true };
      const inPackage = args.importer.split(sep).includes('node_modules');
      return inPackage || BUNDLED_PACKAGES.includes(packageOf(args.path)) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * vega-loader takes node-fetch for a spec that loads its data from a URL; the figures' specs hold
 * their data, and the monitor reads nothing from the network. Without it vega-loader's http loader
 * is vega's own refusal ("No HTTP fetch method available"), and the report's worker no longer loads
 * node-fetch, whatwg-url, tr46's tables and Node's http, https, stream and zlib at its start.
 */
const noNetworkForVegaPlugin = {
  name: 'no-network-for-vega',
  setup(build) {
    build.onResolve({ filter: /^node-fetch$/ }, (args) =>
      args.importer.split(sep).join('/').includes('node_modules/vega-loader/') ? { path: 'node-fetch', namespace: 'no-network' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-network' }, () => ({ contents: 'module.exports = undefined;', loader: 'js' }));
  },
};

/** Builds dist/; every file is written under a temporary name and renamed, so a concurrent run never reads half a file. */
export async function buildDist({ clean = false, logLevel = 'silent' } = {}) {
  const { build } = await import('esbuild');
  const started = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { 'lsp-monitor': join(ROOT, 'pipeline/cli/main.ts') },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel,
    // the require() that requireCommonJsPlugin's modules call, in every file of the bundle
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [sourceUrlPlugin, noNetworkForVegaPlugin, requireCommonJsPlugin, externalPackagesPlugin],
  });
  mkdirSync(DIST, { recursive: true });
  const temporary = `.${process.pid}-${Date.now()}.tmp`;
  // Chunks before the entry that imports them, the manifest last.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === ENTRY) - Number(b.path === ENTRY));
  for (const file of files) writeAtomic(file.path, file.contents, temporary);
  const stored = await storePrecomputed(temporary, started);
  const template = await storeDatabaseTemplate(started);
  // A source saved while the build read it may be in the bundle in its older form: it is recorded
  // as never built, so the next start builds again. This file itself is an input too, and so are
  // the data files the precomputed results were made of.
  const inputs = Object.fromEntries(
    [
      ...new Set(Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('commonjs:') && !input.startsWith('no-network:')).map(manifestEntry)),
      relative(ROOT, fileURLToPath(import.meta.url)).split(sep).join('/'),
      ...stored.inputs.map((input) => relative(ROOT, input).split(sep).join('/')),
    ]
      .map((input) => [input, statSync(join(ROOT, input)).mtimeMs])
      .map(([input, mtimeMs]) => [input, mtimeMs >= started - 1000 ? -1 : mtimeMs]),
  );
  writeAtomic(MANIFEST, `${JSON.stringify({ inputs, packages: bundledPackagesByFile(result.metafile) }, null, 1)}\n`, temporary);
  // Older chunks stay a day for a process that started on an earlier build, unless asked (npm run build).
  removeAllBut(new Set([...files.map((file) => file.path), ...stored.files, ...template, MANIFEST]), clean ? Infinity : Date.now() - 86_400_000);
  removeTemporaries();
  return { files: files.length, inputs: Object.keys(inputs).length };
}

/**
 * What the bundle just written computes once for every run (pipeline/cli/precompute.ts: the
 * reference data checked, the maps projected), written beside it, and the data files it is made of.
 * A run reads these files only while no input of the manifest has changed
 * (sources/reference/precomputed.ts). Should the computation fail (a reference file a person broke),
 * none is left in dist/: the run computes them itself and says what is wrong.
 */
async function storePrecomputed(temporary, started) {
  // This build's entry, not one an earlier build in this process loaded (modules are kept by URL).
  const { precomputation } = await import(`${pathToFileURL(ENTRY).href}?build=${started}`);
  // A bundle with nothing to precompute (a checkout of the bin alone, test/cli/stale-dist.test.ts).
  if (typeof precomputation !== 'function') return { files: [], inputs: [] };
  const { PRECOMPUTED_INPUTS, PRECOMPUTED_NAMES, precomputedFiles } = await precomputation();
  try {
    const files = precomputedFiles();
    for (const file of files) writeAtomic(join(DIST, file.name), file.contents, temporary);
    return { files: files.map((file) => join(DIST, file.name)), inputs: PRECOMPUTED_INPUTS };
  } catch {
    for (const name of PRECOMPUTED_NAMES) rmSync(join(DIST, name), { force: true });
    return { files: [], inputs: PRECOMPUTED_INPUTS };
  }
}

/** A new database's template (pipeline/db/new-database.ts); none when it cannot be made, and a new file is then created as before. */
async function storeDatabaseTemplate(started) {
  const { databaseTemplate } = await import(`${pathToFileURL(ENTRY).href}?build=${started}`);
  if (typeof databaseTemplate !== 'function') return [];
  return (await databaseTemplate()).writeTemplate(DIST).then((path) => [path], () => []);
}

/**
 * Which packages each file of dist/ holds code of (a file holding none is left out): what a test
 * checks a command loads. A file made for an import() of a package's module (exceljs's Workbook)
 * counts as that package's, though esbuild may have put the module's code in a chunk it shares.
 */
function bundledPackagesByFile(metafile) {
  const entries = Object.entries(metafile.outputs).flatMap(([path, output]) => {
    const names = [...Object.keys(output.inputs), ...(output.entryPoint === undefined ? [] : [output.entryPoint])].flatMap((input) => {
      const at = input.lastIndexOf('node_modules/');
      return at === -1 ? [] : [packageOf(input.slice(at + 'node_modules/'.length))];
    });
    return names.length === 0 ? [] : [[relative(DIST, join(ROOT, path)).split(sep).join('/'), [...new Set(names)].sort()]];
  });
  return Object.fromEntries(entries);
}

/**
 * What the manifest records for an input: our own source itself; for a file of a bundled package,
 * that package's package.json, which npm rewrites when it installs another version (hundreds of
 * files of exceljs and vega would otherwise be looked at on every start).
 */
function manifestEntry(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at === -1) return input;
  const inside = input.slice(at + 'node_modules/'.length);
  return `${input.slice(0, at)}node_modules/${packageOf(inside)}/package.json`;
}

/** Removes what this build did not write and was written before `before` (a time in ms). */
function removeAllBut(keep, before) {
  for (const name of readdirSync(DIST)) {
    const path = join(DIST, name);
    if (keep.has(path) || name.endsWith('.tmp')) continue;
    if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0) < before) rmSync(path, { recursive: true, force: true });
  }
}

function writeAtomic(path, contents, temporary) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path + temporary, contents);
  renameSync(path + temporary, path);
}

/** Left by a build that was killed half-way; a running build's own are renamed within milliseconds. */
function removeTemporaries() {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(DIST)) {
    const path = join(DIST, name);
    if (name.endsWith('.tmp') && statSync(path, { throwIfNoEntry: false })?.mtimeMs < hourAgo) rmSync(path, { force: true });
  }
}

/** The sources of dist/ that changed since it was built (empty when it is up to date); undefined when there is no build. */
export function staleInputs() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return undefined;
  }
  const stale = [];
  // ROOT ends in a separator and each input is a relative path as the build wrote it: join()'s
  // normalising of some 490 paths, cold, was half of this check's CPU at every start.
  for (const [input, mtimeMs] of Object.entries(manifest.inputs)) {
    if (statSync(ROOT + input, { throwIfNoEntry: false })?.mtimeMs !== mtimeMs) stale.push(input);
  }
  return stale;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const { files, inputs } = await buildDist({ clean: true, logLevel: 'error' });
  process.stdout.write(`lsp-monitor gebouwd in dist/: ${inputs} bronbestanden, ${files} bestanden, ${((performance.now() - started) / 1000).toFixed(1).replace('.', ',')} s\n`);
}
