// Sets and multisets of numeric keys kept as sorted runs of typed arrays: built with one sort, compared by merging,
// searched by halving, and nothing for the collector per element (a report compares about a thousand passages).
// A run is elements [from, from + count) of an array that may hold other runs too (see Room in arena.ts).

/** Dice coefficient of two sorted (multi)sets: 2·|a ∩ b| / (|a| + |b|), 0 when both are empty. */
export function dice(a: Float64Array, b: Float64Array): number {
  return diceOfRuns(a, 0, a.length, b, 0, b.length);
}

/** dice of the sorted runs a[aFrom, aFrom + aCount) and b[bFrom, bFrom + bCount). */
export function diceOfRuns(a: Float64Array, aFrom: number, aCount: number, b: Float64Array, bFrom: number, bCount: number): number {
  const total = aCount + bCount;
  if (total === 0) return 0;
  let shared = 0;
  const aEnd = aFrom + aCount;
  const bEnd = bFrom + bCount;
  for (let i = aFrom, j = bFrom; i < aEnd && j < bEnd; ) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / total;
}

/** Whether `key` is in the sorted run keys[from, from + count) (binary search). */
export function hasKey(keys: Int32Array, from: number, count: number, key: number): boolean {
  return indexOfKey(keys, from, count, key) >= 0;
}

/** Where `key` is in the sorted run keys[from, from + count) (an index of `keys`), or -1 (binary search). */
export function indexOfKey(keys: Int32Array, from: number, count: number, key: number): number {
  let lo = from;
  let hi = from + count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid];
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Whether `key` is in the run keys[from, from + count), sorted or not (a linear search: for a few keys). */
export function includesKey(keys: Int32Array, from: number, count: number, key: number): boolean {
  for (let i = from; i < from + count; i++) if (keys[i] === key) return true;
  return false;
}
