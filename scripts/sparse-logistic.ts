// Logistic regression over sparse binary features (each example a list of feature ids), fitted by stochastic
// gradient descent with AdaGrad step sizes and an L2 penalty: thousands of features, hundreds of thousands of
// examples, a few seconds. Deterministic (a fixed shuffling order).

/** Fits weights and bias for P(y=1|x) = σ(bias + Σ w[f] over the example's features). */
export function fitSparseLogistic(
  examples: { features: Int32Array; label: boolean }[],
  dimensions: number,
  { epochs = 8, rate = 0.1, l2 = 1e-6 } = {},
): { weights: Float64Array; bias: number } {
  const w = new Float64Array(dimensions);
  const g2 = new Float64Array(dimensions).fill(1e-8);
  let bias = 0;
  let b2 = 1e-8;
  const order = examples.map((_, i) => i);
  let seed = 1;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const x = examples[n];
      let z = bias;
      for (const f of x.features) z += w[f];
      const g = 1 / (1 + Math.exp(-z)) - (x.label ? 1 : 0);
      for (const f of x.features) {
        const grad = g + l2 * w[f];
        g2[f] += grad * grad;
        w[f] -= (rate * grad) / Math.sqrt(g2[f]);
      }
      b2 += g * g;
      bias -= (rate * g) / Math.sqrt(b2);
    }
  }
  return { weights: w, bias };
}
