/** Numbers as Dutch readers expect them: 1.011 and 1,30 (thousands dot, decimal comma). */
import { roundHalfAway } from './csv/csv.ts';

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
