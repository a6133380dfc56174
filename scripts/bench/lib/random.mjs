/**
 * A seeded pseudo-random generator (sfc32), so that the same scale always loads the same program: the same
 * names, the same assignments and the same five million activities, row for row.
 */
export class Random {
  constructor(seed) {
    // Spread one integer seed over the four words of state, then discard the first outputs.
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** A float in [0, 1). */
  next() {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability) {
    return this.next() < probability;
  }

  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One key of `weights` ({ key: weight }), drawn in proportion to its weight. */
  weighted(weights) {
    const table = weights instanceof WeightedTable ? weights : new WeightedTable(weights);
    return table.draw(this);
  }

  /** Number of events of a Poisson process with this mean (inversion; means here are small). */
  poisson(mean) {
    let k = 0;
    let p = Math.exp(-mean);
    let sum = p;
    const u = this.next();
    while (u > sum && k < 50) {
      k++;
      p *= mean / k;
      sum += p;
    }
    return k;
  }

  /** The items in a new, shuffled order. */
  shuffled(items) {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

/** Cumulative weights, built once and drawn from many times. */
export class WeightedTable {
  constructor(weights) {
    const entries = weights instanceof Map ? [...weights] : Object.entries(weights);
    this.keys = entries.map(([key]) => key);
    this.cumulative = [];
    let total = 0;
    for (const [, weight] of entries) this.cumulative.push((total += weight));
    this.total = total;
  }

  draw(random) {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.keys[low];
  }
}
