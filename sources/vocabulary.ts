/**
 * The monitor's fixed word lists as plain constants, without zod: the report worker needs them
 * and loads no zod. sources/schema.ts builds its schemas from these, so they are defined once.
 */

export const LOCATION_STATUSES = ['actief', 'potentieel', 'gesloten', 'uitgesloten'] as const;
export type LocationStatus = (typeof LOCATION_STATUSES)[number];

export const SIZE_CLASSES = ['klein', 'middelgroot', 'groot'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** A size class as classified: the three classes, or unknown when nothing says how big a location is. */
export const CLASSIFIED_SIZES = [...SIZE_CLASSES, 'onbekend'] as const;
export type ClassifiedSize = (typeof CLASSIFIED_SIZES)[number];

/** The fields an inventory row can carry, in the order exports show them. */
export const INVENTORY_FIELDS = [
  'name',
  'organisation',
  'address',
  'postcode',
  'place',
  'municipality',
  'gmCode',
  'izaRegion',
  'dagdelenPerWeek',
  'visitorsPerWeek',
  'size',
  'status',
  'website',
  'note',
] as const;
export type InventoryField = (typeof INVENTORY_FIELDS)[number];

/** The ten characteristics of a laagdrempelig steunpunt (IZA-werkgroep), worded as in De Galan (2024), Bijlage 3. */
export const TEN_CHARACTERISTICS = [
  'Het is voor iedereen laagdrempelig toegankelijk en in het bijzonder voor mensen met (ernstige/langdurige) psychische (de EPA-doelgroep) en/of sociaal-emotionele kwetsbaarheid en hun naasten.',
  'Het steunpunt is gericht op leren, herstel en ontwikkeling, dit gaat verder dan alleen een luisterend oor en koffie.',
  'Zowel bezoekers/deelnemers als medewerkers hebben iets te halen én te brengen. Er is sprake van co-creatie en gezamenlijk eigenaarschap.',
  'De ondersteuning krijgt vorm vanuit de behoeften van de mensen.',
  'Wij zien elkaar als mens, niet als cliënt of hulpverlener.',
  'Er is sprake van wederkerigheid en gelijkwaardigheid, op basis van wederzijds begrip, herkenning en erkenning.',
  "Er wordt gewerkt vanuit 'wat past bij jou', zonder stappenplannen of protocollen, er is een aanbod van methodische zelfhulp dat zich vanuit co-creatie en peer-support steeds verder ontwikkelt.",
  'In het steunpunt komt collectieve ervaringskennis samen.',
  'In het initiatief zijn ervaringsdeskundigen en/of ervaringswerkers in de lead.',
  'Er is samenwerking met de formele en informele (keten)partners, zoals: sociaal domein (gemeente), welzijnsorganisaties, huisartsen, zorgaanbieders.',
] as const;

export const SURVEY_ANSWERS = ['ja', 'in enige mate', 'nee', 'weet ik niet'] as const;
export type SurveyAnswerValue = (typeof SURVEY_ANSWERS)[number];
