/**
 * Numbers as Dutch readers expect them: 1.011 and 1,30 (thousands dot, decimal comma). In
 * pipeline/ so the CLI and the report (outputs/) print the same text.
 */
export function formatNumberNl(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const [whole = '0', fraction] = Math.abs(roundHalfAway(value, decimals)).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = roundHalfAway(value, decimals) < 0 ? '−' : '';
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped},${fraction}`;
}

/** A count that may be fractional (weighted counts): no decimals when whole, else one. */
export function formatCountNl(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return formatNumberNl(value, Number.isInteger(roundHalfAway(value, 1)) ? 0 : 1);
}

export function formatPercentNl(value: number | null | undefined, decimals = 0): string {
  return value === null || value === undefined ? '–' : `${formatNumberNl(value, decimals)}%`;
}

/** A change with its sign: +3, −1,5, 0. */
export function formatChangeNl(value: number): string {
  const text = formatCountNl(value);
  return roundHalfAway(value, 1) > 0 ? `+${text}` : text;
}

/**
 * A percentage change with its sign and one decimal, as verschillen-per-regio.csv holds it:
 * +14,3%, −0,4%, 0%. A small change that is not zero never reads as 0: it gets more decimals.
 */
export function formatChangePctNl(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (value === 0) return '0%';
  let decimals = 1;
  while (roundHalfAway(value, decimals) === 0 && decimals < 3) decimals += 1;
  const text = formatPercentNl(value, decimals);
  return value > 0 ? `+${text}` : text;
}

/** A count with its noun in the right number: "1 rij", "2 rijen", "1.011 steunpunten". For the CLI and the report alike. */
export function countNl(count: number, singular: string, plural: string): string {
  return `${formatNumberNl(count)} ${count === 1 ? singular : plural}`;
}

/** Rounds half away from zero, as people and spreadsheets do (2,25 → 2,3), and never gives −0. */
export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
