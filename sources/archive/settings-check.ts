/**
 * A web source's settings checked against its adapter's `settingsSchema`: ready (defaults filled
 * in), or which required settings are not set, so the source can be skipped as "niet ingesteld".
 * A setting that is set but wrong is a MonitorError: that is a mistake to fix, not a gap.
 */
import type { z } from 'zod';
import type { WebSourceAdapter } from '../adapter.ts';
import { describeIssue, valueAt } from '../describe-issues.ts';
import { MonitorError } from '../errors.ts';

export type SettingsCheck =
  | { ready: true; settings: Readonly<Record<string, unknown>> }
  | { ready: false; missing: string[] };

/** `file`: where the settings were read from, for the message. */
export function checkSettings(
  adapter: Pick<WebSourceAdapter, 'id' | 'settingsSchema'>,
  raw: Readonly<Record<string, unknown>>,
  file?: string,
): SettingsCheck {
  const result = adapter.settingsSchema.safeParse(raw);
  if (result.success) return { ready: true, settings: result.data };
  const missing = new Set<string>();
  for (const issue of result.error.issues) {
    const name = issue.path.map(String).join('.');
    if (issue.code === 'invalid_type' && name !== '' && valueAt(raw, issue.path) === undefined) {
      missing.add(name);
      continue;
    }
    throw new MonitorError(`bron ${adapter.id}: ${describe(issue, name, raw, adapter.settingsSchema)}`, {
      ...(file === undefined ? {} : { location: { file, field: name === '' ? adapter.id : `${adapter.id}.${name}` } }),
    });
  }
  return { ready: false, missing: [...missing] };
}

function describe(issue: z.core.$ZodIssue, name: string, raw: unknown, schema: z.ZodType): string {
  if (issue.code === 'unrecognized_keys') return describeIssue(issue, raw, schema);
  return name === '' ? `instellingen: ${issue.message}` : `instelling '${name}': ${issue.message}`;
}
