/**
 * Dutch descriptions of zod's validation issues for a file a person edits (the monitor
 * configuration, settings): the key path, what is expected and what was found. Zod's own
 * messages are English and never reach a person.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** At most this many issues are named in the one line; the rest are counted. */
const MAX_NAMED = 3;

/** One Dutch line naming every problem (unknown keys first: a misspelt key is usually also a missing one). */
export function describeIssues(issues: readonly Issue[], input: unknown, schema: z.ZodType): string {
  const ordered = [...issues].sort((a, b) => rank(a) - rank(b));
  const named = ordered.slice(0, MAX_NAMED).map((issue) => describeIssue(issue, input, schema));
  const rest = ordered.length - named.length;
  if (rest > 0) named.push(`en nog ${rest} ${rest === 1 ? 'fout' : 'fouten'}`);
  return named.join('; ');
}

function rank(issue: Issue): number {
  return issue.code === 'unrecognized_keys' ? 0 : 1;
}

export function describeIssue(issue: Issue, input: unknown, schema: z.ZodType): string {
  const key = keyName(issue.path);
  const found = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path);
      return issue.keys
        .map((unknown) => {
          const full = keyName([...issue.path, unknown]);
          const guess = known.length === 0 ? undefined : closest(unknown, known);
          const hint = guess === undefined ? (known.length === 0 ? '' : ` (bekend: ${known.join(', ')})`) : ` (bedoelt u '${keyName([...issue.path, guess])}'?)`;
          return `onbekende sleutel '${full}'${hint}`;
        })
        .join('; ');
    }
    case 'invalid_type':
      if (found === undefined) return issue.path.length === 0 ? 'de configuratie is leeg' : `sleutel '${key}' ontbreekt (verwacht ${typeName(issue.expected)})`;
      return `${subject(issue.path)} moet ${typeName(issue.expected)} zijn, niet ${describeValue(found)}`;
    case 'too_small':
      return `${subject(issue.path)} moet ${bound(issue.origin, Number(issue.minimum), issue.inclusive ?? true, 'min')}${butFound(issue.origin, found)}`;
    case 'too_big':
      return `${subject(issue.path)} moet ${bound(issue.origin, Number(issue.maximum), issue.inclusive ?? true, 'max')}${butFound(issue.origin, found)}`;
    case 'invalid_value':
      return `${subject(issue.path)} moet ${alternatives(issue.values.map((value) => JSON.stringify(value)))} zijn, niet ${describeValue(found)}`;
    case 'invalid_union': {
      const expected = [...new Set(issue.errors.map((branch) => (branch[0] === undefined ? undefined : expectedOf(branch[0]))).filter((text) => text !== undefined))];
      return `${subject(issue.path)} moet ${alternatives(expected)} zijn, niet ${describeValue(found)}`;
    }
    case 'invalid_key': {
      const name = String(issue.path.at(-1));
      const pattern = issue.issues.find((inner) => inner.code === 'invalid_format');
      const rule = pattern?.code === 'invalid_format' && 'pattern' in pattern ? patternText(String(pattern.pattern)) : 'een geldige naam';
      return `sleutel '${key}' is geen geldige naam: '${name}' moet ${rule} zijn`;
    }
    case 'invalid_format':
      return `${subject(issue.path)} moet ${'pattern' in issue ? patternText(String(issue.pattern)) : 'een geldige waarde'} zijn, niet ${describeValue(found)}`;
    case 'custom':
      // Our own refinements carry Dutch messages.
      return issue.path.length === 0 ? issue.message : `sleutel '${key}': ${issue.message}`;
    default:
      return `${subject(issue.path)} heeft een ongeldige waarde ${describeValue(found)}`;
  }
}

function subject(path: Path): string {
  return path.length === 0 ? 'de configuratie' : `sleutel '${keyName(path)}'`;
}

export function keyName(path: Path): string {
  let name = '';
  for (const part of path) name += typeof part === 'number' ? `[${part}]` : `${name === '' ? '' : '.'}${String(part)}`;
  return name;
}

function typeName(expected: string): string {
  switch (expected) {
    case 'number':
      return 'een getal';
    case 'int':
      return 'een geheel getal';
    case 'string':
      return 'tekst tussen aanhalingstekens';
    case 'boolean':
      return 'true of false';
    case 'array':
      return 'een lijst [ … ]';
    case 'object':
    case 'record':
      return 'een object { … }';
    default:
      return expected;
  }
}

/** What one branch of a union asked for, as a union issue lists each branch's own issues. */
function expectedOf(issue: Issue): string | undefined {
  if (issue.code === 'invalid_type') return typeName(issue.expected);
  if (issue.code === 'invalid_value') return alternatives(issue.values.map((value) => JSON.stringify(value)));
  return undefined;
}

/** What a limit asks, with its verb: "minstens 1 waarde bevatten", "groter dan 0 zijn". */
function bound(origin: string, limit: number, inclusive: boolean, side: 'min' | 'max'): string {
  const number = String(limit);
  if (origin === 'array' || origin === 'set') {
    return `${side === 'min' ? 'minstens' : 'hoogstens'} ${number} ${limit === 1 ? 'waarde' : 'waarden'} bevatten`;
  }
  if (origin === 'string') return `${side === 'min' ? 'minstens' : 'hoogstens'} ${number} tekens lang zijn`;
  if (side === 'min') return `${inclusive ? 'minstens' : 'groter dan'} ${number} zijn`;
  return `${inclusive ? 'hoogstens' : 'kleiner dan'} ${number} zijn`;
}

function butFound(origin: string, found: unknown): string {
  return origin === 'number' || origin === 'bigint' ? `, niet ${describeValue(found)}` : '';
}

function alternatives(options: readonly string[]): string {
  if (options.length <= 1) return options[0] ?? 'een geldige waarde';
  return `${options.slice(0, -1).join(', ')} of ${options.at(-1)}`;
}

function patternText(pattern: string): string {
  if (pattern === String(/^\d{4}$/)) return 'een jaartal van vier cijfers';
  if (pattern === String(/^[a-z0-9-]+$/)) return "alleen kleine letters, cijfers en '-'";
  return `van de vorm ${pattern}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'niets';
  if (value === null) return 'null';
  if (typeof value === 'string') return `tekst ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'een lijst';
  return 'een object';
}

/** The value at a zod issue's path in the input, undefined where the path leads nowhere. */
export function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The keys the schema allows at `path` (objects only; a record's keys are free). */
function knownKeys(schema: z.ZodType, path: Path): string[] {
  let current: z.core.$ZodType | undefined = schema;
  for (const part of path) {
    current = current === undefined ? undefined : childSchema(current, part);
  }
  const def = current?._zod.def;
  return def?.type === 'object' ? Object.keys((def as z.core.$ZodObjectDef).shape) : [];
}

function childSchema(schema: z.core.$ZodType, part: PropertyKey): z.core.$ZodType | undefined {
  const def = schema._zod.def;
  if (def.type === 'object') return (def as z.core.$ZodObjectDef).shape[String(part)];
  if (def.type === 'record') return (def as z.core.$ZodRecordDef).valueType;
  if (def.type === 'array') return (def as z.core.$ZodArrayDef).element;
  return undefined;
}

/** The known key nearest to a misspelt one, if it is near enough to be what was meant. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

/** Optimal string alignment distance: a swap of two letters ("weigths") counts as one edit. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1]!;
}
