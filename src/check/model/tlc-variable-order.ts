/**
 * The order in which TLC keeps a spec's variables (its `TLCState` value arrays), which is neither
 * the declaration order nor alphabetical. SANY's `ModuleNode.getVariableDecls` lists the variables
 * of the module's context, a `java.util.Hashtable` keyed by the names (String hash codes), in
 * reverse enumeration order. TLC compares the variables in this order when it picks the symmetry
 * representative (`TLCStateMut.fingerPrint`: the least permuted state, variable by variable),
 * and with a VIEW the view of that representative is fingerprinted: another order picks another
 * member of the orbit, whose view may differ, and the distinct count differs from TLC's.
 *
 * The enumeration order of the variables among themselves depends only on their hash codes, the
 * table's capacity at each insertion and the rehashes that follow (Java's Hashtable: capacity 11,
 * load factor 0.75, rehash to 2n+1 when an insertion finds `count >= threshold`; a new entry goes
 * to the head of its bucket's chain; a rehash walks the buckets downwards, each chain from its
 * head, pushing entries onto the new chains' heads; enumeration walks the buckets downwards), so
 * it is simulated with the variables alone, at their positions among the context's entries.
 */

/**
 * Entries of a module's context before its own and its extended modules' symbols: SANY's built-in
 * operators. Measured on TLC 2.20: a module with no EXTENDS and 71 symbols of its own keeps a
 * capacity of 191 (at most 143 entries), with 72 it has 383.
 */
export const SANY_BUILTIN_ENTRIES = 72;

/** Java's `String.hashCode`. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * TLC's order of the variables, as indices into `vars`. `entries` is the module context's names
 * in the order SANY adds them (the extended modules' exported symbols, then the module's own
 * declarations and definitions), the variables among them; the built-ins come before them all.
 */
export function tlcVariableOrder(vars: readonly string[], entries: readonly string[]): number[] {
  const varIndex = new Map<string, number>();
  vars.forEach((v, i) => varIndex.set(v, i));
  // Positions of the variables among all entries; a variable missing from `entries` (should not
  // happen) goes after them.
  const at = new Map<number, number>();
  const total = SANY_BUILTIN_ENTRIES + entries.length;
  entries.forEach((n, k) => {
    const i = varIndex.get(n);
    if (i !== undefined && ![...at.values()].includes(i)) at.set(SANY_BUILTIN_ENTRIES + k, i);
  });
  let extra = total;
  for (let i = 0; i < vars.length; i++) if (![...at.values()].includes(i)) at.set(extra++, i);
  const hash = vars.map((v) => javaStringHash(v) & 0x7fffffff);
  let cap = 11;
  let threshold = 8;
  let table: number[][] = Array.from({ length: cap }, () => []);
  for (let g = 0; g < extra; g++) {
    if (g >= threshold) {
      const newCap = cap * 2 + 1;
      const next: number[][] = Array.from({ length: newCap }, () => []);
      for (let b = cap - 1; b >= 0; b--)
        for (const i of table[b]) next[hash[i] % newCap].unshift(i);
      cap = newCap;
      threshold = Math.floor(newCap * 0.75);
      table = next;
    }
    const i = at.get(g);
    if (i !== undefined) table[hash[i] % cap].unshift(i);
  }
  const enumerated: number[] = [];
  for (let b = cap - 1; b >= 0; b--) enumerated.push(...table[b]);
  return enumerated.reverse();
}
