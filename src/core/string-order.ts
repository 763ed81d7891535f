/**
 * TLC orders strings by when they were first interned (its UniqueString compares intern positions,
 * not characters), and record fields with them. That order decides which element CHOOSE picks from
 * a set of strings, the representative of a symmetry class, and how records print, so we emulate
 * it: strings get a rank in the order the .cfg and the modules are read (identifiers and string
 * literals, comments skipped), and strings first met at run time get the next rank then.
 *
 * Ranks are only ever added, never reset: values built (and sorted) earlier in a long-lived worker
 * keep a consistent order.
 */
const ranks = new Map<string, number>();

export function stringRank(s: string): number {
  let r = ranks.get(s);
  if (r === undefined) {
    r = ranks.size;
    ranks.set(s, r);
  }
  return r;
}

/**
 * Forgets every rank: only for test harnesses that compare a fresh TLC run per batch of
 * expressions with the engine in one process (src/eval/builtins/oracle), between batches whose
 * values are never mixed. Never during a check: values sorted before would be out of order.
 */
export function resetStringRanksForTesting(): void {
  ranks.clear();
}

/**
 * One string object per content: the compiler's literals, field names and strings made at run
 * time go through it, so that equal strings are mostly the same object and `===` on them (field
 * lookups, equality, a set's membership) is a pointer comparison, not a comparison of characters
 * (the parser gives every occurrence of `"a"` a string of its own). Bounded: beyond the limit a
 * string is kept as it is, which only costs that speed.
 */
const canonical = new Map<string, string>();
const CANONICAL_LIMIT = 1 << 16;

export function canonicalString(s: string): string {
  const c = canonical.get(s);
  if (c !== undefined) return c;
  if (canonical.size < CANONICAL_LIMIT) canonical.set(s, s);
  return s;
}

export function compareStrings(a: string, b: string): number {
  return a === b ? 0 : stringRank(a) - stringRank(b);
}

/** Registers the identifiers and string literals of a .cfg (or any) text, in order. */
export function registerSourceStrings(text: string): void {
  scanTokens(text, (kind, value) => void (kind === 'id' || kind === 'str' ? stringRank(value) : 0));
}

/**
 * TLC's order for a spec's modules (and its .cfg, registered first with registerSourceStrings):
 * its lexer interns every identifier and keyword of a module as it reads it (not `MODULE`), the
 * modules in the order the parser meets them; string literals are interned later, module by module
 * as the semantic analysis processes them (a module after those it extends or instantiates, the
 * main module last). So `[zz |-> 1]` in a module makes "zz" rank before a string "aa" written
 * above it, and "b" in the standard modules' text ranks before any string of the spec.
 */
export function registerModuleStrings(
  modulesInParseOrder: readonly string[],
  modulesInSemanticOrder: readonly string[],
): void {
  for (const text of modulesInParseOrder)
    scanTokens(
      text,
      (kind, value) => void (kind === 'id' && value !== 'MODULE' ? stringRank(value) : 0),
    );
  for (const text of modulesInSemanticOrder)
    scanTokens(text, (kind, value) => void (kind === 'str' ? stringRank(value) : 0));
}

/** The identifiers (keywords included) and string literals of a TLA+ or .cfg text, in order. */
function scanTokens(text: string, emit: (kind: 'id' | 'str', value: string) => void): void {
  let i = 0;
  const n = text.length;
  let depth = 0; // nesting of (* *) comments
  while (i < n) {
    const c = text[i];
    if (depth > 0) {
      if (c === '(' && text[i + 1] === '*') {
        depth++;
        i += 2;
      } else if (c === '*' && text[i + 1] === ')') {
        depth--;
        i += 2;
      } else i++;
      continue;
    }
    if (c === '(' && text[i + 1] === '*') {
      depth = 1;
      i += 2;
    } else if (c === '\\' && text[i + 1] === '*') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < n && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < n) {
          const e = text[j + 1];
          s += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'f' ? '\f' : e;
          j += 2;
        } else s += text[j++];
      }
      emit('str', s);
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(text[j])) j++;
      emit('id', text.slice(i, j));
      i = j;
    } else if (/[0-9]/.test(c)) {
      // A number, or an identifier that starts with digits (`1a`).
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(text[j])) j++;
      const w = text.slice(i, j);
      if (/[A-Za-z_]/.test(w)) emit('id', w);
      i = j;
    } else if (c === '\\' && /[A-Za-z]/.test(text[i + 1] ?? '')) {
      // \in, \cup, … are operators, not names.
      let j = i + 1;
      while (j < n && /[A-Za-z]/.test(text[j])) j++;
      i = j;
    } else i++;
  }
}
