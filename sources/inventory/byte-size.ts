const MEBIBYTE = 1024 * 1024;
const GIBIBYTE = 1024 * MEBIBYTE;

/** "120 bytes", "50 MiB", "60,5 MiB", "1 GiB": a size for a Dutch message. */
export function formatBytes(bytes: number): string {
  if (bytes < MEBIBYTE) return `${bytes} bytes`;
  const [value, unit] = bytes < GIBIBYTE ? [bytes / MEBIBYTE, 'MiB'] : [bytes / GIBIBYTE, 'GiB'];
  return `${value.toFixed(1).replace(/\.0$/, '').replace('.', ',')} ${unit}`;
}
