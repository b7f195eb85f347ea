/**
 * The one colour scheme of every figure, safe for colour-blind readers: Okabe-Ito for categories,
 * viridis (sampled from light to dark) for ordered classes, neutral greys for "unknown" and text.
 */

export const FONT_FAMILY = 'DejaVu Sans, Arial, sans-serif';

/** Okabe & Ito (2008), "Color Universal Design". */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/**
 * Viridis, light to dark, sampled evenly from t = 0.98 down to t = 0.08: the lightest yellow
 * still shows on white, the darkest purple still shows a black dot outline.
 */
const VIRIDIS_BY_COUNT: Readonly<Record<number, readonly string[]>> = {
  1: ['#1f978b'],
  2: ['#f1e51d', '#34618d'],
  3: ['#f1e51d', '#1f978b', '#481d6f'],
  4: ['#f1e51d', '#3bbb75', '#2c738e', '#481d6f'],
  5: ['#f1e51d', '#60ca60', '#1f978b', '#34618d', '#481d6f'],
  6: ['#f1e51d', '#7ad151', '#26ad81', '#26828e', '#3a548c', '#481d6f'],
  7: ['#f1e51d', '#8ed645', '#3bbb75', '#1f978b', '#2c738e', '#3e4c8a', '#481d6f'],
};

export function sequentialColours(count: number): readonly string[] {
  const colours = VIRIDIS_BY_COUNT[count];
  if (!colours) throw new Error(`no sequential palette for ${count} classes (1 to 7)`);
  return colours;
}

export const NEUTRAL = {
  text: '#222222',
  axis: '#666666',
  grid: '#dddddd',
  /** "geen gegevens" / "onbekend". */
  missing: '#bbbbbb',
  background: '#ffffff',
} as const;

/** Signed change: increase and decrease. */
export const CHANGE_COLOURS = { increase: OKABE_ITO.blue, decrease: OKABE_ITO.vermillion } as const;

/** Size classes: three distinct Okabe-Ito hues, unknown in the neutral grey. */
export const SIZE_COLOURS = {
  klein: OKABE_ITO.skyBlue,
  middelgroot: OKABE_ITO.blue,
  groot: OKABE_ITO.bluishGreen,
  onbekend: NEUTRAL.missing,
} as const;

/** Bars of the weighted count, and one marker colour per participation percentage (ascending). */
export const TARGET_COLOURS = {
  weighted: OKABE_ITO.skyBlue,
  markers: [OKABE_ITO.orange, OKABE_ITO.vermillion, OKABE_ITO.black],
} as const;
