/**
 * Everything source-specific of Vektis EPA figures per municipality.
 *
 * What is real (REAL-SHAPES): Vektis's open data are cost files ("Zorgverzekeringswet" per
 * gemeente or postcode-3: `geslacht;leeftijdsklasse;gemeentenaam;aantal_bsn;aantal_verzekerdejaren;
 * kosten_…`, 31 columns), with no EPA column and no year column (the year is in the file name), and
 * municipality names in upper case without apostrophes or diacritics ("S GRAVENHAGE",
 * "BERGEN NH", "BERGEN LB", "NUENEN CA", "SUDWEST-FRYSLAN"), in a later division than the data year.
 * EPA prevalence per municipality is not open data: it comes from the EPA factsheet or a data
 * request. So what this source accepts is a documented table (sources/adapters/README.md, "Vektis"):
 * a semicolon CSV with the municipality as Vektis writes it and the EPA share, or the EPA count and
 * the insured; the year from a column, the setting `year`, or the file name. A cost file is
 * recognised by its columns and refused with the reason. Headers match without case or punctuation.
 */
import { z } from 'zod';
import { checkedOnFirstRead } from './site-description.ts';

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
  /** How a Vektis cost file (open data "Zorgverzekeringswet") is recognised: any of these columns and a column starting with the cost prefix. */
  costFile: z.object({
    columns: z.array(z.string().min(1)).min(1),
    costPrefix: z.string().min(1),
  }),
});
export type VektisEpaSite = z.infer<typeof VektisEpaSite>;

export const VEKTIS_EPA_SITE: VektisEpaSite = checkedOnFirstRead(VektisEpaSite, {
  columns: {
    year: ['jaar', 'peiljaar'],
    municipality: ['gemeentenaam', 'gemeente'],
    epaPct: ['percentage_epa', 'epa_percentage', 'pct_epa', 'percentage'],
    insured: ['aantal_verzekerden', 'verzekerden'],
    epaCount: ['aantal_epa', 'aantal_met_epa'],
  },
  costFile: { columns: ['aantal_bsn', 'aantal_verzekerdejaren'], costPrefix: 'kosten_' },
});

/**
 * The settings of this source (sources.settings.json). `url` has no default: no public address of
 * a per-municipality EPA file is known, so until it is set the source is "niet ingesteld". `year`
 * is the data year for a table without a year column whose file name has none either.
 */
export const VektisEpaSettings = z
  .object({
    /** The semicolon CSV "EPA per gemeente" (the documented table). */
    url: z.url('moet een http(s)-adres zijn'),
    year: z.number('moet een jaartal zijn').int('moet een jaartal zijn').min(2000, 'moet een jaartal zijn').max(2100, 'moet een jaartal zijn').optional(),
  })
  .strict();
export type VektisEpaSettings = z.infer<typeof VektisEpaSettings>;
