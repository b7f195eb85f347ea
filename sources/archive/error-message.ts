import { MonitorError } from '../errors.ts';

/** What to tell people about an error: a MonitorError's own message, anything else as an internal error. */
export function messageOf(error: unknown): string {
  if (error instanceof MonitorError) return error.message;
  return `interne fout: ${error instanceof Error ? error.message : String(error)}`;
}
