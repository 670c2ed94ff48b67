// Shared formatting of benchmark figures: medians, ratios and durations as the markdown report prints them.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** `a / b` with two significant digits: `22×`, `3.1×`, `1.0×`, `0.013×`. */
export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return "n/a";
  const value = a / b;
  return `${value >= 100 ? value.toFixed(0) : value.toPrecision(2)}×`;
}

/** Milliseconds as seconds with two decimals. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
