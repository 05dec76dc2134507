/** Closest candidate by edit distance, for "did you mean" hints; undefined when nothing is close. */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  return suggester([...candidates])(input);
}

/**
 * `suggest` over one list, to be asked many times (a units list of 10,000 ids, searched for every
 * unit not on it): the candidates are lower-cased, and their letters noted, once.
 */
export function suggester(candidates: readonly string[]): (input: string) => string | undefined {
  const lowered = candidates.map((c) => c.toLowerCase());
  const letters = Int32Array.from(lowered, lettersOf);
  return (input) => {
    const needle = input.toLowerCase();
    const needleLetters = lettersOf(needle);
    let best: string | undefined;
    // Only a candidate closer than the best so far can replace it, and none further than a third
    // of the input's length (at least 1) counts: each is measured only as far as that bound (most
    // ids of a list are far from each other).
    let bound = Math.max(1, Math.floor(needle.length / 3));
    const rows = new DistanceRows();
    for (let k = 0; k < candidates.length; k++) {
      // The distance is at least the difference in length: a form's long question, or a cell of a
      // megabyte, is not compared letter by letter with every short id.
      if (Math.abs(lowered[k]!.length - needle.length) > bound) continue;
      // And at least the number of letters one has that the other lacks.
      if (lettersApart(needleLetters, letters[k]!) > bound) continue;
      const d = rows.distanceWithin(needle, lowered[k]!, bound);
      if (d === undefined) continue;
      best = candidates[k];
      if (d === 0) break;
      bound = d - 1;
    }
    return best;
  };
}

/**
 * The letters a text has, as bits (a letter's code modulo 32: letters that share a bit make the
 * count below smaller, never larger, so it stays a lower bound).
 */
function lettersOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= 1 << (text.charCodeAt(i) & 31);
  return bits;
}

/**
 * A lower bound of the edit distance from the letters alone: each letter one text has and the
 * other lacks takes an edit, and one edit (a substitution) settles at most one on each side.
 */
function lettersApart(a: number, b: number): number {
  return Math.max(bitCount(a & ~b), bitCount(b & ~a));
}

function bitCount(n: number): number {
  let bits = n - ((n >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Levenshtein distance by rows, two rows kept and reused. A row whose smallest value passes the
 * bound cannot lead back under it: the measure stops there.
 */
class DistanceRows {
  #previous = new Int32Array(64);
  #current = new Int32Array(64);

  /** The edit distance of `a` and `b` when it is at most `bound`, else undefined. */
  distanceWithin(a: string, b: string, bound: number): number | undefined {
    if (this.#previous.length <= b.length) {
      this.#previous = new Int32Array(b.length + 1);
      this.#current = new Int32Array(b.length + 1);
    }
    let previous = this.#previous;
    let current = this.#current;
    for (let j = 0; j <= b.length; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
      current[0] = i;
      let smallest = i;
      const ai = a.charCodeAt(i - 1);
      for (let j = 1; j <= b.length; j++) {
        const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
        const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
        current[j] = value;
        if (value < smallest) smallest = value;
      }
      if (smallest > bound) return undefined;
      const done = previous;
      previous = current;
      current = done;
    }
    const distance = previous[b.length]!;
    return distance <= bound ? distance : undefined;
  }
}
