/**
 * Strings numbered in the order they were first seen: `number(s)` gives the number `s` got the
 * first time, or gives it the next one. For the unit ids of a round, to catch a unit assessed
 * twice.
 *
 * Why not a Set: with hundreds of thousands of ids read from a file, each id a fresh string
 * scattered over the heap, a Set probe reads the key strings it passes to compare them, and
 * profiles of a 300,000-unit wide CSV showed `Set.prototype.add` at 1.5 µs a unit (0.9 µs at
 * 100,000), a fifth of monev's whole cost over csv-parse. Here a probe compares 32-bit hashes
 * kept side by side in a typed array (open addressing, linear probing, at most half full) and
 * reads an id string only when the hashes are equal, which for different ids happens about once
 * in 4 billion comparisons. The hash is FNV-1a from a random seed, then mixed (murmur3's
 * finalizer) because probing starts from the low bits.
 */
export interface IdTable {
  /** The number `id` got when first seen (0, 1, 2, …); `size` when it is new, which it then gets. */
  number(id: string): number;
  /** The number `id` got, or -1 when it was never seen (it gets none). */
  find(id: string): number;
  /** The id numbered `n`. */
  at(n: number): string;
  readonly size: number;
}

/** `hash` is for tests, which need ids whose hashes collide; by default FNV-1a from `seed`, mixed. */
export function idTable(seed = (Math.random() * 2 ** 32) | 0, hash?: (id: string) => number): IdTable {
  let mask = 1023;
  let hashes = new Int32Array(mask + 1);
  // Each slot's id number plus one; 0 marks an empty slot.
  let slots = new Int32Array(mask + 1);
  const ids: string[] = [];

  const hashOf =
    hash ??
    ((id: string): number => {
      let h = seed ^ 0x811c9dc5;
      for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return h ^ (h >>> 16);
    });

  const grow = () => {
    const oldHashes = hashes;
    const oldSlots = slots;
    mask = mask * 2 + 1;
    hashes = new Int32Array(mask + 1);
    slots = new Int32Array(mask + 1);
    for (let j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] === 0) continue;
      let p = oldHashes[j]! & mask;
      while (slots[p] !== 0) p = (p + 1) & mask;
      hashes[p] = oldHashes[j]!;
      slots[p] = oldSlots[j]!;
    }
  };

  /** Where `id` (hashed `h`) is in the table, or the empty slot where it would go. */
  const slotOf = (id: string, h: number): number => {
    let p = h & mask;
    for (let slot = slots[p]!; slot !== 0; slot = slots[p]!) {
      if (hashes[p] === h && ids[slot - 1] === id) return p;
      p = (p + 1) & mask;
    }
    return p;
  };

  return {
    number(id) {
      const h = hashOf(id);
      const p = slotOf(id, h);
      if (slots[p] !== 0) return slots[p]! - 1;
      hashes[p] = h;
      slots[p] = ids.push(id);
      if (ids.length * 2 > mask) grow();
      return ids.length - 1;
    },
    find: (id) => slots[slotOf(id, hashOf(id))]! - 1,
    at: (n) => ids[n]!,
    get size() {
      return ids.length;
    },
  };
}
