/** The import limits raised for generated inventories: at --large a file goes beyond the limits meant for real ones. */
import type { MonitorContext } from '../../../pipeline/context.ts';

export function withLargeInputs(config: MonitorContext['config'], records: number): MonitorContext['config'] {
  return {
    ...config,
    maxInputRows: Math.max(config.maxInputRows, records),
    maxInputBytes: Math.max(config.maxInputBytes, 2 ** 30),
    maxUnpackedBytes: Math.max(config.maxUnpackedBytes, 2 ** 30),
  };
}
