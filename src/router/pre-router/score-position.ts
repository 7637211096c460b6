/**
 * A raw score's position among the training prompts' scores, from their 101 percentiles: 0–1,
 * about uniform on prompts like the training ones, strictly increasing in the raw score (beyond
 * the training range it keeps rising towards 1, or falling towards 0, instead of tying).
 */
const edge = 0.005;

export function scorePosition(quantiles: readonly number[], value: number): number {
  const last = quantiles.length - 1;
  const low = quantiles[0] ?? 0;
  const high = quantiles[last] ?? low;
  const spread = Math.max((high - low) / Math.max(1, last), 1e-9);
  if (!(value >= low)) return Number.isNaN(value) ? 0.5 : edge * Math.exp((value - low) / spread);
  if (value > high) return 1 - edge * Math.exp(-(value - high) / spread);
  // The largest percentile at or below the value.
  let below = 0;
  let above = last;
  while (below < above) {
    const middle = (below + above + 1) >> 1;
    if ((quantiles[middle] ?? high) <= value) below = middle;
    else above = middle - 1;
  }
  const start = quantiles[below] ?? low;
  const next = quantiles[below + 1];
  const fraction = next === undefined || next <= start ? 0 : (value - start) / (next - start);
  return edge + ((1 - 2 * edge) * (below + fraction)) / Math.max(1, last);
}

/** The position at or above which about `share` (0–1) of prompts like the training ones fall. */
export function positionForShare(share: number): number {
  if (!(share > 0)) return 1;
  if (share >= 1) return 0;
  return edge + (1 - 2 * edge) * (1 - share);
}
