/** The two small JSON files of a snapshot folder, validated whenever they are read. */
import { z } from 'zod';

export const ManifestFile = z.object({
  url: z.string().min(1),
  status: z.number().int(),
  contentType: z.string(),
  /** Length of the body in bytes. */
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The body's file name in the source's bodies/ folder. */
  name: z.string().min(1),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const Manifest = z.object({
  source: z.string().min(1),
  adapterVersion: z.number().int(),
  fetchedAt: z.iso.datetime(),
  /** The source's settings the fetch ran with, defaults filled in; absent when it has none. */
  settings: z.record(z.string(), z.unknown()).optional(),
  files: z.array(ManifestFile),
});
export type Manifest = z.infer<typeof Manifest>;

/** Written once the adapter's parse has run: only a good snapshot is ever used. */
export const Verdict = z.discriminatedUnion('good', [
  z.object({
    good: z.literal(true),
    parsedAt: z.iso.datetime(),
    adapterVersion: z.number().int(),
    records: z.number().int().nonnegative(),
    rejects: z.number().int().nonnegative(),
  }),
  z.object({
    good: z.literal(false),
    parsedAt: z.iso.datetime(),
    adapterVersion: z.number().int(),
    reason: z.string(),
  }),
]);
export type Verdict = z.infer<typeof Verdict>;
