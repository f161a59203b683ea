/**
 * Python's `random` module, as far as RANDOM replacement needs it: the Mersenne Twister MT19937
 * (Matsumoto and Nishimura, 1998) seeded from a whole number as CPython's `random.seed(n)` seeds it
 * (`init_by_array` over the 32-bit words of n, least significant first), and `random()`, a double in
 * [0, 1) made of 53 random bits. With it a RANDOM run evicts the pages OSTEP's paging-policy.py
 * `-p RAND -s SEED` evicts, on every machine.
 */

const N = 624;
const M = 397;

/** MT19937 with CPython's integer seeding. */
export class MersenneTwister {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;

  /** @param seed a whole number from 0 to 2^53 - 1 (Python seeds from its absolute value) */
  constructor(seed: number) {
    const n = Math.abs(seed);
    const key = n < 2 ** 32 ? [n >>> 0] : [n % 2 ** 32 >>> 0, Math.floor(n / 2 ** 32) >>> 0];
    this.initByArray(key);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000; // the most significant bit is 1: a non-zero initial state
  }

  /** The next 32-bit output. */
  uint32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      for (let k = 0; k < N; k++) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % N]! & 0x7fffffff);
        mt[k] = mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Python's `random.random()`: 27 + 26 bits of two outputs, a double in [0, 1). */
  random(): number {
    const a = this.uint32() >>> 5;
    const b = this.uint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}

/** The random numbers a seed yields, drawn once and shared by every run (and every step's replay) that uses them. */
export class RandomStream {
  private readonly twister: MersenneTwister;
  private readonly values: number[] = [];
  constructor(readonly seed: number) {
    this.twister = new MersenneTwister(seed);
  }
  /** The k-th random() of the seed, from 0. */
  at(k: number): number {
    while (this.values.length <= k) this.values.push(this.twister.random());
    return this.values[k]!;
  }
}
