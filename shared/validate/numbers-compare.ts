/** Comparing spreadsheet sums without being fooled by binary float noise. */
export function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
