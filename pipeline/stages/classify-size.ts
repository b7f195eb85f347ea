/**
 * Size class and weight of a steunpunt (De Galan 2024, fn 62): above-average visitor capacity
 * counts as 2, average as 1, small as 0.5. An explicit size wins; else visitors per week; else
 * dagdelen per week; else unknown, which weighs as average and is flagged.
 */
import type { ClassifiedSize, InventoryRecord } from '../../sources/schema.ts';
import type { MonitorConfig } from '../config/config.ts';

export type SizeBasis = 'opgegeven' | 'bezoekers' | 'dagdelen' | 'onbekend';

export interface SizeClassification {
  size: ClassifiedSize;
  basis: SizeBasis;
  weight: number;
}

type SizeEvidence = Pick<InventoryRecord, 'size' | 'visitorsPerWeek' | 'dagdelenPerWeek'>;

export function classifySize(evidence: SizeEvidence, config: MonitorConfig): SizeClassification {
  const { size, basis } = sizeFromEvidence(evidence, config.sizeThresholds);
  return { size, basis, weight: config.weights[size] };
}

function sizeFromEvidence(
  { size, visitorsPerWeek, dagdelenPerWeek }: SizeEvidence,
  thresholds: MonitorConfig['sizeThresholds'],
): { size: ClassifiedSize; basis: SizeBasis } {
  if (size !== undefined) return { size, basis: 'opgegeven' };
  if (visitorsPerWeek !== undefined) {
    const { smallBelow, largeAbove } = thresholds.visitorsPerWeek;
    const byVisitors = visitorsPerWeek < smallBelow ? 'klein' : visitorsPerWeek > largeAbove ? 'groot' : 'middelgroot';
    return { size: byVisitors, basis: 'bezoekers' };
  }
  if (dagdelenPerWeek !== undefined) {
    const { smallAtMost, largeAtLeast } = thresholds.dagdelenPerWeek;
    const byDagdelen = dagdelenPerWeek <= smallAtMost ? 'klein' : dagdelenPerWeek >= largeAtLeast ? 'groot' : 'middelgroot';
    return { size: byDagdelen, basis: 'dagdelen' };
  }
  return { size: 'onbekend', basis: 'onbekend' };
}
