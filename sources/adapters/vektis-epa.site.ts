/**
 * Everything source-specific of the Vektis EPA figures per municipality: the column names of the
 * semicolon CSV Vektis publishes (factsheet "Ernstige psychiatrische aandoeningen"). No public URL
 * of the per-municipality file is known, so the URL is a setting (`url`) of the source, not part
 * of this description. Headers are matched without case, spaces or punctuation.
 */
import { z } from 'zod';

const VektisEpaSite = z.object({
  columns: z.object({
    year: z.array(z.string().min(1)).min(1),
    municipality: z.array(z.string().min(1)).min(1),
    /** Either the share directly … */
    epaPct: z.array(z.string().min(1)).min(1),
    /** … or the two counts it is computed from. */
    insured: z.array(z.string().min(1)).min(1),
    epaCount: z.array(z.string().min(1)).min(1),
  }),
});
export type VektisEpaSite = z.infer<typeof VektisEpaSite>;

export const VEKTIS_EPA_SITE: VektisEpaSite = VektisEpaSite.parse({
  columns: {
    year: ['jaar', 'peiljaar'],
    municipality: ['gemeentenaam', 'gemeente'],
    epaPct: ['percentage_epa', 'epa_percentage', 'pct_epa', 'percentage'],
    insured: ['aantal_verzekerden', 'verzekerden'],
    epaCount: ['aantal_epa', 'aantal_met_epa'],
  },
});

/**
 * The settings of this source (sources.settings.json). `url` has no default: no public address of
 * the per-municipality file is known, so until it is set the source is "niet ingesteld".
 */
export const VektisEpaSettings = z
  .object({
    /** The semicolon CSV "EPA per gemeente" of Vektis. */
    url: z.url('moet een http(s)-adres zijn'),
  })
  .strict();
export type VektisEpaSettings = z.infer<typeof VektisEpaSettings>;
