/**
 * Size class and weight of a steunpunt (De Galan 2024, fn 62): above-average visitor capacity
 * counts as 2, average as 1, small as 0.5. An explicit size wins; else visitors per week; else
 * dagdelen per week; else the dagdelen that its opening hours give (config `dagdeelRule`);
 * else unknown, which weighs as average and is flagged. Opening hours that cannot be read leave
 * the size unknown with the reason, never a guess.
 */
import { dagdelenFromOpeningHours } from '../../sources/inventory/opening-hours.ts';
import type { ClassifiedSize, InventoryRecord } from '../../sources/schema.ts';
import type { MonitorConfig } from '../../sources/settings/monitor-config.ts';

export type SizeBasis = 'opgegeven' | 'bezoekers' | 'dagdelen' | 'openingstijden' | 'onbekend';

export interface SizeClassification {
  size: ClassifiedSize;
  basis: SizeBasis;
  weight: number;
  /** The dagdelen per week the size rests on: given, or counted from the opening hours. */
  dagdelenPerWeek?: number;
  /** Why the opening hours gave no dagdelen, when they were the only evidence. */
  openingHoursProblem?: string;
}

type SizeEvidence = Pick<InventoryRecord, 'size' | 'visitorsPerWeek' | 'dagdelenPerWeek'> & { openingHours?: string | undefined };

export function classifySize(evidence: SizeEvidence, config: MonitorConfig): SizeClassification {
  const classified = sizeFromEvidence(evidence, config);
  return { ...classified, weight: config.weights[classified.size] };
}

function sizeFromEvidence(evidence: SizeEvidence, config: MonitorConfig): Omit<SizeClassification, 'weight'> {
  const { size, visitorsPerWeek, dagdelenPerWeek, openingHours } = evidence;
  const given = dagdelenPerWeek === undefined ? {} : { dagdelenPerWeek };
  if (size !== undefined) return { size, basis: 'opgegeven', ...given };
  if (visitorsPerWeek !== undefined) {
    const { smallBelow, largeAbove } = config.sizeThresholds.visitorsPerWeek;
    const byVisitors = visitorsPerWeek < smallBelow ? 'klein' : visitorsPerWeek > largeAbove ? 'groot' : 'middelgroot';
    return { size: byVisitors, basis: 'bezoekers', ...given };
  }
  if (dagdelenPerWeek !== undefined) return { size: byDagdelen(dagdelenPerWeek, config), basis: 'dagdelen', dagdelenPerWeek };
  if (openingHours !== undefined) {
    const parsed = dagdelenFromOpeningHours(openingHours, config.dagdeelRule);
    if (parsed.kind === 'parsed') {
      return { size: byDagdelen(parsed.dagdelen, config), basis: 'openingstijden', dagdelenPerWeek: parsed.dagdelen };
    }
    return { size: 'onbekend', basis: 'onbekend', openingHoursProblem: parsed.reason };
  }
  return { size: 'onbekend', basis: 'onbekend' };
}

function byDagdelen(dagdelen: number, config: MonitorConfig): ClassifiedSize {
  const { smallAtMost, largeAtLeast } = config.sizeThresholds.dagdelenPerWeek;
  return dagdelen <= smallAtMost ? 'klein' : dagdelen >= largeAtLeast ? 'groot' : 'middelgroot';
}
