/**
 * Cuts the traced timeline of one pipeline call into named phases. Each phase begins at a marker:
 * the start or end of the first database call (after the previous marker) that matches. The
 * markers name the calls that open each step of buildYear/buildLocations, so a phase's time is
 * its SQL plus the JavaScript that ran before the next step's first call.
 */
import type { TraceEvent } from './trace.ts';

export interface PhaseMarker {
  phase: string;
  match: (event: TraceEvent) => boolean;
  edge: 'start' | 'end';
}

export interface PhaseTime {
  phase: string;
  seconds: number;
  /** Highest RSS seen at a call inside the phase, MB. */
  rssMb: number;
}

const sql = (pattern: RegExp) => (event: TraceEvent) => (event.kind === 'run' || event.kind === 'query') && pattern.test(event.label);
const mark = (phase: string) => (event: TraceEvent) => event.kind === 'mark' && event.label === phase;

/** buildYear → buildLocations (dedupeYear, assignIdentities, inserts) → buildCoverage → buildAccessibility. */
export const BUILD_MARKERS: readonly PhaseMarker[] = [
  { phase: 'dedupe.read', match: mark('dedupe.read'), edge: 'start' },
  { phase: 'dedupe.candidates', match: mark('dedupe.candidates'), edge: 'start' },
  { phase: 'dedupe.scoring', match: mark('dedupe.scoring'), edge: 'start' },
  { phase: 'dedupe.clustering', match: mark('dedupe.clustering'), edge: 'start' },
  { phase: 'dedupe.identities', match: mark('dedupe.identities'), edge: 'start' },
  { phase: 'dedupe.write', match: mark('dedupe.write'), edge: 'start' },
  { phase: 'dedupe.pairRows', match: mark('dedupe.pairRows'), edge: 'start' },
  { phase: 'dedupe.writePairs', match: mark('dedupe.writePairs'), edge: 'start' },
  { phase: 'coverage', match: mark('coverage'), edge: 'start' },
  { phase: 'accessibility', match: mark('accessibility'), edge: 'start' },
  { phase: 'finish', match: mark('finish'), edge: 'start' },
];

/** importInventory: reading, parsing, validating and resolving happen before its transaction opens. */
export const IMPORT_MARKERS: readonly PhaseMarker[] = [
  { phase: 'write', match: sql(/^BEGIN TRANSACTION/), edge: 'start' },
];

/** Phases from `start` to `end` (ms); the time before the first marker is `firstPhase`. */
export function cutPhases(
  events: readonly TraceEvent[],
  markers: readonly PhaseMarker[],
  window: { start: number; end: number; firstPhase: string },
): PhaseTime[] {
  const inside = events.filter((event) => event.start >= window.start && event.end <= window.end);
  const bounds: { phase: string; at: number }[] = [{ phase: window.firstPhase, at: window.start }];
  let from = 0;
  for (const marker of markers) {
    const index = inside.findIndex((event, position) => position >= from && marker.match(event));
    if (index < 0) continue;
    const event = inside[index]!;
    bounds.push({ phase: marker.phase, at: marker.edge === 'start' ? event.start : event.end });
    from = index + (marker.edge === 'start' ? 0 : 1);
  }
  return bounds.map((bound, index) => {
    const until = bounds[index + 1]?.at ?? window.end;
    const rss = inside.filter((event) => event.end >= bound.at && event.end <= until).map((event) => event.rssMb);
    return { phase: bound.phase, seconds: (until - bound.at) / 1000, rssMb: rss.reduce((peak, mb) => Math.max(peak, mb), 0) };
  });
}

export interface Hotspot {
  what: string;
  seconds: number;
  /** 'sql': the call itself; 'js': the pipeline's JavaScript between the previous call and this one. */
  kind: 'sql' | 'js';
}

/** The slowest calls and the longest stretches of JavaScript between calls. */
export function hotspots(events: readonly TraceEvent[], window: { start: number; end: number }, count: number): Hotspot[] {
  const inside = events.filter((event) => event.start >= window.start && event.end <= window.end);
  const spots: Hotspot[] = [];
  let previousEnd = window.start;
  for (const event of inside) {
    const label = `${event.label.slice(0, 110)}${event.rows === undefined ? '' : ` [${event.rows} rows]`}`;
    spots.push({ what: label, seconds: (event.end - event.start) / 1000, kind: 'sql' });
    spots.push({ what: `before: ${label}`, seconds: (event.start - previousEnd) / 1000, kind: 'js' });
    previousEnd = event.end;
  }
  spots.push({ what: 'after the last call', seconds: (window.end - previousEnd) / 1000, kind: 'js' });
  return spots.sort((a, b) => b.seconds - a.seconds).slice(0, count);
}
