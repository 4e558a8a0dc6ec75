// Logistic regression by Newton's method with an L2 penalty: small, exact, no dependencies.

/** Fits weights (bias last) for P(y=1|x) = σ(w·x + b). */
export function fitLogistic(xs: Float64Array[], ys: boolean[], l2 = 1e-2, iterations = 30): Float64Array {
  const d = xs[0].length + 1;
  const w = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(d);
    const hess = Array.from({ length: d }, () => new Float64Array(d));
    for (let n = 0; n < xs.length; n++) {
      const x = xs[n];
      const p = sigmoid(dot(w, x));
      const r = p - (ys[n] ? 1 : 0);
      const s = p * (1 - p);
      for (let i = 0; i < d; i++) {
        const xi = i < d - 1 ? x[i] : 1;
        grad[i] += r * xi;
        for (let j = 0; j <= i; j++) hess[i][j] += s * xi * (j < d - 1 ? x[j] : 1);
      }
    }
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < i; j++) hess[j][i] = hess[i][j];
      if (i < d - 1) {
        grad[i] += l2 * xs.length * w[i];
        hess[i][i] += l2 * xs.length;
      }
    }
    const step = solve(hess, grad);
    let change = 0;
    for (let i = 0; i < d; i++) {
      w[i] -= step[i];
      change = Math.max(change, Math.abs(step[i]));
    }
    if (change < 1e-8) break;
  }
  return w;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** w·x + bias, with the bias as w's last element. */
export function dot(w: ArrayLike<number>, x: ArrayLike<number>): number {
  let z = w[w.length - 1];
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  return z;
}

// Gaussian elimination with partial pivoting (d is small).
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => Float64Array.from([...row, b[i]]));
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    const diag = m[c][c] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / diag;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return Float64Array.from({ length: n }, (_, i) => m[i][n] / (m[i][i] || 1e-12));
}
