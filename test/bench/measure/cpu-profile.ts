/**
 * Runs work under V8's sampling CPU profiler (node:inspector, no flags needed) and ranks
 * functions by self time (time on top of the stack) and inclusive time (time on the stack).
 */
import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';
import { fileURLToPath } from 'node:url';

export interface FunctionTime {
  what: string;
  selfSeconds: number;
  totalSeconds: number;
}

export async function profiled<T>(work: () => Promise<T>, intervalMicros = 2000): Promise<{ value: T; profile: Profiler.Profile }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
  await session.post('Profiler.start');
  try {
    const value = await work();
    const { profile } = await session.post('Profiler.stop');
    return { value, profile };
  } finally {
    session.disconnect();
  }
}

export function rankFunctions(profile: Profiler.Profile, root: string): FunctionTime[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((nodeId, index) => {
    // timeDeltas[i] is the time before sample i; the time after it belongs to it.
    const micros = deltas[index + 1] ?? 0;
    const top = byId.get(nodeId);
    if (top === undefined) return;
    const topName = describe(top.callFrame, root);
    self.set(topName, (self.get(topName) ?? 0) + micros);
    const seen = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parentOf.get(id)) {
      const name = describe(byId.get(id)!.callFrame, root);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + micros);
    }
  });
  return [...total].map(([what, micros]) => ({ what, selfSeconds: (self.get(what) ?? 0) / 1e6, totalSeconds: micros / 1e6 }));
}

function describe(frame: Profiler.ProfileNode['callFrame'], root: string): string {
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '') return name;
  const path = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
  const local = path.startsWith(root) ? path.slice(root.length) : path.replace(/^.*node_modules\//, 'node_modules/');
  // Under tsx the line is that of the compiled module; with the column it still names one function.
  return `${name} ${local}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
}
