/** Small formatting helpers of the demo generator. */

export function pad(value: number, digits: number): string {
  return String(value).padStart(digits, '0');
}

/**
 * Code-point order, as SQLite's default collation sorts; `localeCompare`
 * would follow the host's locale and could differ between machines.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
