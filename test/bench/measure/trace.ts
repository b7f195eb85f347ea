/**
 * A MonitorDatabase that records every run, query and insert the pipeline makes (SQL, start, end,
 * rows), without touching pipeline code: a Proxy hands the real methods the proxy as `this`, so
 * calls made inside the class (transaction → run) are recorded too. The gaps between calls are
 * the pipeline's own JavaScript work; phases.ts cuts the timeline into stages by these calls.
 */
import { performance, type PerformanceMark } from 'node:perf_hooks';
import type { MonitorDatabase } from '../../../pipeline/db/database.ts';
import { PHASE_MARK_PREFIX } from '../../../pipeline/phase-mark.ts';

export interface TraceEvent {
  /** mark: a phase mark the pipeline set (pipeline/phase-mark.ts), with no duration. */
  kind: 'run' | 'query' | 'insert' | 'mark';
  /** Condensed SQL, or "insert <table>". */
  label: string;
  /** Milliseconds (performance.now). */
  start: number;
  end: number;
  /** Rows returned (query) or appended (insert). */
  rows?: number;
  /** Resident set size at the end of the call, MB. */
  rssMb: number;
}

const TRACED = new Set<PropertyKey>(['run', 'query', 'insert']);

export function traceDatabase(database: MonitorDatabase, events: TraceEvent[]): MonitorDatabase {
  return new Proxy(database, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !TRACED.has(property)) return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      const kind = property as TraceEvent['kind'];
      return async (...args: unknown[]) => {
        const start = performance.now();
        const result = await Reflect.apply(method, receiver, args);
        const rows = Array.isArray(result) ? result.length : typeof result === 'number' ? result : undefined;
        events.push({
          kind,
          label: labelOf(kind, args),
          start,
          end: performance.now(),
          ...(rows === undefined ? {} : { rows }),
          rssMb: process.memoryUsage.rss() / 1024 / 1024,
        });
        return result;
      };
    },
  });
}

/** run(sql, params), query(schema, sql, params), insert(table, rows). */
function labelOf(kind: TraceEvent['kind'], args: readonly unknown[]): string {
  if (kind === 'insert') return `insert ${String(args[0])}`;
  return condense(String(kind === 'query' ? args[1] : args[0]));
}

function condense(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

/** The pipeline's phase marks since the last call, as zero-length events (and cleared). */
export function takePhaseMarks(): TraceEvent[] {
  const marks = performance.getEntriesByType('mark').filter((entry) => entry.name.startsWith(PHASE_MARK_PREFIX));
  performance.clearMarks();
  return marks.map((mark) => {
    const detail = (mark as PerformanceMark).detail as Record<string, number> | null;
    const rows = detail === null ? undefined : Object.values(detail)[0];
    return {
      kind: 'mark' as const,
      label: mark.name.slice(PHASE_MARK_PREFIX.length),
      start: mark.startTime,
      end: mark.startTime,
      ...(rows === undefined ? {} : { rows }),
      rssMb: 0,
    };
  });
}
