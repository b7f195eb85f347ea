/**
 * The project's own import graph and the layer table the folder READMEs describe. Pure functions
 * on a list of files, so the checker itself can be tested on a synthetic tree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
// TypeScript 7 (the type check) has no JavaScript parser API; imports are read with TypeScript 5's
// createSourceFile, installed under this name (package.json).
import ts from 'typescript-5-api';

export interface SourceFile {
  /** Path from the project root, with '/'. */
  path: string;
  text: string;
}

export interface ImportEdge {
  from: string;
  /** The resolved target from the project root, with '/'; undefined for a package. */
  to: string | undefined;
  specifier: string;
  line: number;
  typeOnly: boolean;
}

export type Layer = 'sources' | 'pipeline' | 'cli' | 'outputs' | 'test';

/**
 * Who may import whom, as written in sources/, pipeline/ and outputs/README.md. The CLI
 * (pipeline/cli/) is the composition root: the one place that imports the writers in outputs/.
 */
export const ALLOWED: Readonly<Record<Layer, readonly Layer[]>> = {
  sources: ['sources'],
  pipeline: ['sources', 'pipeline'],
  outputs: ['sources', 'pipeline', 'outputs'],
  cli: ['sources', 'pipeline', 'outputs', 'cli'],
  test: ['sources', 'pipeline', 'outputs', 'cli', 'test'],
};

export function layerOf(path: string): Layer | undefined {
  if (path.startsWith('pipeline/cli/')) return 'cli';
  const top = path.split('/')[0];
  return top === 'sources' || top === 'pipeline' || top === 'outputs' || top === 'test' ? top : undefined;
}

const CODE = /\.(ts|mts|mjs|js)$/;

const LAYER_FOLDERS: Readonly<Record<string, Layer>> = {
  'sources/': 'sources',
  'pipeline/': 'pipeline',
  'pipeline/cli/': 'cli',
  'outputs/': 'outputs',
  'test/': 'test',
};

/**
 * The "| code in | may import |" tables of folder READMEs: per layer, the layers a row names in
 * backticks (`sources/`), plus the layer itself, which may always import its own files.
 */
export function layersInReadme(markdown: string): Map<Layer, Layer[]> {
  const table = new Map<Layer, Layer[]>();
  const lines = markdown.split('\n');
  for (let at = lines.findIndex((line) => /^\|\s*code in\s*\|\s*may import\s*\|/.test(line)); at !== -1 && at < lines.length; at += 1) {
    const cells = (lines[at] ?? '').split('|').map((cell) => cell.trim());
    if (cells.length < 3) break;
    const layer = LAYER_FOLDERS[/^`([^`]+)`$/.exec(cells[1] ?? '')?.[1] ?? ''];
    if (layer === undefined) continue;
    const named = [...(cells[2] ?? '').matchAll(/`([^`]+)`/g)].map((match) => LAYER_FOLDERS[match[1] ?? '']).filter((found) => found !== undefined);
    table.set(layer, [...new Set([layer, ...named])].sort());
  }
  return table;
}

/** Every .ts/.mjs file under the given top-level folders, skipping declaration files. */
export function readSourceTree(root: string, folders: readonly string[]): SourceFile[] {
  const files: SourceFile[] = [];
  for (const folder of folders) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !CODE.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
      const absolute = join(entry.parentPath, entry.name);
      files.push({ path: relative(root, absolute).split(sep).join('/'), text: readFileSync(absolute, 'utf8') });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Static imports and re-exports, and dynamic import() with a literal path, in source order. */
export function importsOf(file: SourceFile): ImportEdge[] {
  const kind = file.path.endsWith('.ts') || file.path.endsWith('.mts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const tree = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.ES2022, true, kind);
  const edges: ImportEdge[] = [];
  const add = (literal: ts.Node, typeOnly: boolean): void => {
    if (!ts.isStringLiteralLike(literal)) return;
    const specifier = literal.text;
    edges.push({
      from: file.path,
      to: resolveSpecifier(file.path, specifier),
      specifier,
      line: tree.getLineAndCharacterOfPosition(literal.getStart(tree)).line + 1,
      typeOnly,
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      add(node.moduleSpecifier, clause !== undefined && (clause.isTypeOnly || onlyTypeBindings(clause)));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument) add(argument, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return edges;
}

/** `import { type A, type B } from` is erased entirely, as `import type` is. */
function onlyTypeBindings(clause: ts.ImportClause): boolean {
  const bindings = clause.namedBindings;
  return clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return posix.normalize(posix.join(posix.dirname(from), specifier));
}

/** One line per import that breaks the layer table, or reaches into test/, or leaves the project. */
export function layerViolations(edges: readonly ImportEdge[]): string[] {
  const found: string[] = [];
  for (const edge of edges) {
    if (edge.to === undefined) continue;
    const from = layerOf(edge.from);
    const to = layerOf(edge.to);
    if (from === undefined) continue;
    const where = `${edge.from}:${edge.line}`;
    if (to === undefined) found.push(`${where} imports ${edge.to}, outside sources/, pipeline/, outputs/`);
    else if (!ALLOWED[from].includes(to)) found.push(`${where} imports ${edge.to}: ${describe(from)} may not import ${describe(to)}`);
  }
  return found;
}

function describe(layer: Layer): string {
  return layer === 'cli' ? 'pipeline/cli/' : `${layer}/`;
}

/**
 * Import cycles between files, each once, written from its alphabetically first file:
 * `a.ts -> b.ts -> a.ts`. Type-only imports count: they tie the modules together as much.
 */
export function importCycles(edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (edge.to === undefined || edge.to === edge.from) continue;
    const targets = next.get(edge.from) ?? new Set<string>();
    targets.add(edge.to);
    next.set(edge.from, targets);
  }
  const cycles = new Set<string>();
  for (const component of stronglyConnected(next)) {
    if (component.length < 2) continue;
    cycles.add(shortestCycle(component[0] ?? '', new Set(component), next).join(' -> '));
  }
  return [...cycles].sort();
}

/** Tarjan's algorithm; each component sorted, so the report does not depend on file order. */
function stronglyConnected(next: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const nodes = [...new Set([...next.keys(), ...[...next.values()].flatMap((targets) => [...targets])])].sort();
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const target of [...(next.get(node) ?? [])].sort()) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    components.push(component.sort());
  };
  for (const node of nodes) if (!index.has(node)) connect(node);
  return components;
}

/** The shortest path from `start` back to itself inside one component (breadth first). */
function shortestCycle(start: string, members: ReadonlySet<string>, next: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] ?? '';
    for (const target of [...(next.get(node) ?? [])].sort()) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = cameFrom.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}

/**
 * Files under `folders` that no chain of imports from `roots` reaches: code only a test or a
 * person runs by hand (a development script), or code nothing uses.
 */
export function unreachable(roots: readonly string[], edges: readonly ImportEdge[], files: readonly SourceFile[], folders: readonly string[]): string[] {
  const next = new Map<string, string[]>();
  for (const edge of edges) if (edge.to !== undefined) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const reached = new Set<string>();
  const pending = [...roots];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (reached.has(node)) continue;
    reached.add(node);
    pending.push(...(next.get(node) ?? []));
  }
  return files.map((file) => file.path).filter((path) => folders.some((folder) => path.startsWith(`${folder}/`)) && !reached.has(path));
}

/** Imports whose target file does not exist (a moved file left behind), so no rule is checked on a guess. */
export function unresolved(edges: readonly ImportEdge[], files: readonly SourceFile[], exists: (path: string) => boolean): string[] {
  const known = new Set(files.map((file) => file.path));
  return edges
    .filter((edge) => edge.to !== undefined && !known.has(edge.to) && !exists(edge.to))
    .map((edge) => `${edge.from}:${edge.line} imports ${edge.specifier}, which does not exist`);
}

export function projectRoot(): string {
  return join(dirname(new URL(import.meta.url).pathname), '..', '..');
}
