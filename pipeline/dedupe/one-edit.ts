/**
 * One typing slip apart: one letter dropped, added, changed, or two neighbours swapped
 * ("Hrstelcafé", "Speechtenstede", "Gouwdijk"). Jaro-Winkler alone misses such slips in long
 * words with repeated letters ("spechtenstede" / "speechtenstede" scores 0.89), so word likeness
 * accepts either measure.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let start = 0;
  while (start < short.length && short.charCodeAt(start) === long.charCodeAt(start)) start += 1;
  let endShort = short.length;
  let endLong = long.length;
  while (endShort > start && short.charCodeAt(endShort - 1) === long.charCodeAt(endLong - 1)) {
    endShort -= 1;
    endLong -= 1;
  }
  const differShort = endShort - start;
  const differLong = endLong - start;
  if (short.length !== long.length) return differShort === 0 && differLong === 1;
  if (differShort <= 1) return true;
  // Two neighbours swapped: "goudwijk" / "gouwdijk".
  return (
    differShort === 2 &&
    short.charCodeAt(start) === long.charCodeAt(start + 1) &&
    short.charCodeAt(start + 1) === long.charCodeAt(start)
  );
}
