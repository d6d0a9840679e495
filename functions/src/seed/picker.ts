// Weighted choice over many items in O(log n), e.g. A customers get more activity than C customers.

/** Returns a function that maps a uniform number in [0, 1) to an index, with probability proportional to its weight. */
export function weightedIndex(weights: ArrayLike<number>): (uniform: number) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = total += Math.max(0, weights[i]!);
  if (total <= 0) throw new Error('weightedIndex needs at least one positive weight');
  return (uniform) => {
    const target = uniform * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}

/** Weighted choice among a few labelled options. */
export function weightedChoice<T>(options: ReadonlyArray<readonly [T, number]>): (uniform: number) => T {
  const index = weightedIndex(options.map(([, weight]) => weight));
  return (uniform) => options[index(uniform)]![0];
}
