/**
 * Logistic regression over sparse feature lists (words, word pairs, shapes), for two labels.
 *
 * Naive Bayes (classifier.ts) counts each feature as fresh evidence, so words that always come
 * together ("knife", "has_knife", "got_knife") are counted three times over. A regression learns
 * their weights together and does not. The danger check's learned reader uses both
 * (learnedDanger.ts).
 *
 * Written here rather than taken from a library: the ones on npm (ml-logistic-regression, natural)
 * keep a dense matrix of examples by features, which for the danger reader's 60,000 features
 * and 10,000 messages is 600 million numbers. This one keeps a weight per feature seen.
 *
 * Trained by stochastic gradient descent with AdaGrad step sizes and an L2 penalty. The two
 * labels are weighted to count equally, and the examples are shuffled by a seeded generator, so
 * the same examples always give the same model (the committed model is checked against a fresh
 * training in the tests).
 */

export interface RegressionOptions {
  /** Passes over the examples. */
  epochs: number;
  /** AdaGrad's base step. */
  step: number;
  /** L2 penalty on each weight. */
  l2: number;
}

export const DEFAULT_REGRESSION: RegressionOptions = { epochs: 20, step: 0.3, l2: 1e-4 };

/** The saved model: the bias and each feature's weight (features with a weight too small to matter are left out). */
interface SavedRegression {
  bias: number;
  weights: Record<string, number>;
}

/** Weights are rounded to this (four decimals), and those that round to 0 are left out: they cannot move a decision. */
const PRECISION = 1e-4;

export class LogisticRegression {
  private constructor(
    private readonly bias: number,
    private readonly weights: ReadonlyMap<string, number>,
  ) {}

  /** Learns from feature lists labelled true (the label asked about) or false. */
  static trained(examples: Iterable<{ features: readonly string[]; positive: boolean }>, options: RegressionOptions = DEFAULT_REGRESSION): LogisticRegression {
    const index = new Map<string, number>();
    const rows = [...examples].map(({ features, positive }) => ({
      // Presence, not counts, as the naive Bayes reader reads them.
      features: [...new Set(features)].map((f) => index.get(f) ?? (index.set(f, index.size), index.size - 1)),
      y: positive ? 1 : 0,
    }));
    const positives = rows.filter((r) => r.y === 1).length;
    const negatives = rows.length - positives;
    if (positives === 0 || negatives === 0) throw new Error('logistic regression needs examples of both labels');
    const weightOf = [rows.length / (2 * negatives), rows.length / (2 * positives)];
    const w = new Float64Array(index.size);
    const squares = new Float64Array(index.size).fill(1e-8);
    let bias = 0;
    const random = seeded(1);
    for (let epoch = 0; epoch < options.epochs; epoch += 1) {
      shuffle(rows, random);
      for (const { features, y } of rows) {
        let z = bias;
        for (const k of features) z += w[k] as number;
        const gradient = (1 / (1 + Math.exp(-z)) - y) * (weightOf[y] as number);
        bias -= BIAS_STEP * gradient;
        for (const k of features) {
          const g = gradient + options.l2 * (w[k] as number);
          squares[k] = (squares[k] as number) + g * g;
          w[k] = (w[k] as number) - (options.step * g) / Math.sqrt(squares[k] as number);
        }
      }
    }
    const weights = new Map<string, number>();
    for (const [feature, k] of index) {
      const rounded = round(w[k] as number);
      if (rounded !== 0) weights.set(feature, rounded);
    }
    return new LogisticRegression(round(bias), weights);
  }

  /** A model saved with toJSON. */
  static fromJSON(json: string): LogisticRegression {
    const saved = JSON.parse(json) as SavedRegression;
    return new LogisticRegression(saved.bias, new Map(Object.entries(saved.weights)));
  }

  toJSON(): string {
    const saved: SavedRegression = { bias: this.bias, weights: Object.fromEntries(this.weights) };
    return JSON.stringify(saved);
  }

  /** The log2 odds of the label asked about, from the features (unknown ones say nothing). */
  logOdds(features: readonly string[]): number {
    let z = this.bias;
    for (const feature of new Set(features)) z += this.weights.get(feature) ?? 0;
    return z / Math.LN2;
  }
}

/** The bias moves more slowly than the weights: it is shared by every example. */
const BIAS_STEP = 0.05;

function round(x: number): number {
  return Number((Math.round(x / PRECISION) * PRECISION).toFixed(4));
}

/** A small seeded generator (Park and Miller's), so training is repeatable. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
