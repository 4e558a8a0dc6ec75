// Sets and multisets of numeric keys kept as sorted typed arrays: built with one native sort, compared by merging,
// and nothing for the collector per element (a report compares about a thousand passages).

/** The keys sorted, each once (sorts in place; a view on the same memory). */
export function sortedUnique(keys: Float64Array): Float64Array {
  keys.sort();
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[n - 1]) keys[n++] = keys[i];
  return keys.subarray(0, n);
}

/** Dice coefficient of two sorted (multi)sets: 2·|a ∩ b| / (|a| + |b|), 0 when both are empty. */
export function dice(a: Float64Array, b: Float64Array): number {
  const total = a.length + b.length;
  if (total === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
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

/** Whether `key` is among the sorted `keys` (binary search). */
export function hasKey(keys: Int32Array, key: number): boolean {
  return indexOfKey(keys, key) >= 0;
}

/** Where `key` is among the sorted `keys`, or -1 (binary search). */
export function indexOfKey(keys: Int32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid];
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}
