/**
 * What changed from one state to the next, down to nested paths: a set element added or removed,
 * a record field or function entry changed, an entry appended to or dropped from a sequence.
 * Pure functions of two values; the trace view marks the tree with the result.
 */
import { partsOf, pathSegment, type ValuePart } from './valueParts';
import type { TraceState, TraceValue } from '../../../trace/value';
import { type TraceValueKind, kindOf } from '../../../trace/view';
import { printValueOneLine } from '../../../trace/print';

export type Change = 'added' | 'removed' | 'changed';

export interface ValueDiff {
  change: Change;
  before?: TraceValue;
  after?: TraceValue;
  /**
   * For a composite value changed inside: the changed parts by id (the part's id in `after`;
   * `removedId(id)` for parts only `before` has). Absent when the value was replaced whole.
   */
  parts?: Map<string, ValueDiff>;
  /** For a removed part: where it was in `before` (its key), since `after` has no such part. */
  removedPart?: ValuePart;
}

/** Removed parts are keyed apart: a sequence may drop index 3 while still having an index 3. */
export const removedId = (id: string) => `removed:${id}`;

const collections = new Set<TraceValueKind>(['set', 'seq', 'record', 'map']);

/** Structural equality; sets and functions in the same order (the engine's canonical one). */
function sameShapeEqual(a: TraceValue, b: TraceValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameShapeEqual(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, TraceValue>;
  const rb = b as Record<string, TraceValue>;
  for (const k of ka) if (!(k in rb) || !sameShapeEqual(ra[k], rb[k])) return false;
  return true;
}

export function diffValues(before: TraceValue, after: TraceValue): ValueDiff | undefined {
  if (sameShapeEqual(before, after)) return undefined;
  const kb = kindOf(before);
  // Parts compare only within one kind of collection; anything else (a scalar, a set that
  // became a sequence) counts as replaced whole.
  if (!collections.has(kb) || kb !== kindOf(after)) return { change: 'changed', before, after };
  const parts = kb === 'seq' ? diffSequences(before, after) : diffKeyed(before, after);
  // Equal values with sets listed in another order (an imported trace) come out empty here.
  if (parts.size === 0) return undefined;
  return { change: 'changed', before, after, parts };
}

/** Sets, records and functions: parts matched by id. */
function diffKeyed(before: TraceValue, after: TraceValue): Map<string, ValueDiff> {
  const out = new Map<string, ValueDiff>();
  const old = new Map(partsOf(before).map((p) => [p.id, p]));
  for (const p of partsOf(after)) {
    const was = old.get(p.id);
    if (!was) out.set(p.id, { change: 'added', after: p.value });
    else {
      old.delete(p.id);
      // A set element's id is its value: present on both sides means unchanged.
      if (p.key === undefined) continue;
      const d = diffValues(was.value, p.value);
      if (d) out.set(p.id, d);
    }
  }
  for (const [id, p] of old) {
    out.set(removedId(id), { change: 'removed', before: p.value, removedPart: p });
  }
  return out;
}

/**
 * Sequences: entries are aligned on a shortest edit script, so that a message taken from the head
 * of a queue shows as one removal, not as every entry changed. Between aligned entries, unmatched
 * ones pair up as changes; the rest are additions or removals.
 */
function diffSequences(before: TraceValue, after: TraceValue): Map<string, ValueDiff> {
  const b = partsOf(before);
  const a = partsOf(after);
  const out = new Map<string, ValueDiff>();
  const pairs = alignEqual(b.map(partValue), a.map(partValue));
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...pairs, [b.length, a.length] as const]) {
    while (i < mi && j < mj) {
      const d = diffValues(b[i].value, a[j].value);
      if (d) out.set(a[j].id, d);
      i++;
      j++;
    }
    for (; j < mj; j++) out.set(a[j].id, { change: 'added', after: a[j].value });
    for (; i < mi; i++) {
      out.set(removedId(b[i].id), { change: 'removed', before: b[i].value, removedPart: b[i] });
    }
    i = mi + 1;
    j = mj + 1;
  }
  return out;
}

const partValue = (p: ValuePart) => p.value;

/** Beyond this many insertions and deletions, the middle of two sequences is not aligned. */
const MAX_EDITS = 256;

/** Index pairs of equal entries, in order: common prefix, aligned middle, common suffix. */
function alignEqual(b: TraceValue[], a: TraceValue[]): [number, number][] {
  // Common prefix and suffix first: most steps touch one end of a sequence.
  let start = 0;
  while (start < b.length && start < a.length && sameShapeEqual(b[start], a[start])) start++;
  let endB = b.length;
  let endA = a.length;
  while (endB > start && endA > start && sameShapeEqual(b[endB - 1], a[endA - 1])) {
    endB--;
    endA--;
  }
  const pairs: [number, number][] = [];
  for (let k = 0; k < start; k++) pairs.push([k, k]);
  const middle = shortestEditPairs(b.slice(start, endB), a.slice(start, endA), MAX_EDITS) ?? [];
  for (const [x, y] of middle) pairs.push([start + x, start + y]);
  for (let k = 0; k < b.length - endB; k++) pairs.push([endB + k, endA + k]);
  return pairs;
}

/**
 * The matched index pairs of a shortest edit script from `x` to `y` (Myers, "An O(ND) difference
 * algorithm and its variations", 1986), or undefined when it needs more than `maxEdits` edits.
 * Time O((N+M)·D): cheap for the few entries a step adds or drops.
 */
function shortestEditPairs(
  x: TraceValue[],
  y: TraceValue[],
  maxEdits: number,
): [number, number][] | undefined {
  const n = x.length;
  const m = y.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  // v[offset + k]: the furthest x reached on diagonal k (k = x - y); one copy kept per round.
  const v = new Int32Array(2 * max + 3);
  const rounds: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    rounds.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
      let px = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let py = px - k;
      while (px < n && py < m && sameShapeEqual(x[px], y[py])) {
        px++;
        py++;
      }
      v[offset + k] = px;
      if (px >= n && py >= m) return backtrack(rounds, offset, d, n, m);
    }
  }
  return undefined;
}

function backtrack(rounds: Int32Array[], offset: number, edits: number, n: number, m: number) {
  const pairs: [number, number][] = [];
  let px = n;
  let py = m;
  for (let d = edits; d > 0; d--) {
    const v = rounds[d];
    const k = px - py;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (px > prevX && py > prevY) pairs.push([--px, --py]);
    px = prevX;
    py = prevY;
  }
  while (px > 0 && py > 0) pairs.push([--px, --py]);
  return pairs.reverse();
}

/** The changed variables of a step; empty for the first state (there is nothing before it). */
export function diffStates(
  before: TraceState | undefined,
  after: TraceState,
  vars: string[],
): Map<string, ValueDiff> {
  const out = new Map<string, ValueDiff>();
  if (!before) return out;
  for (const name of vars) {
    const had = name in before;
    const has = name in after;
    if (had && has) {
      const d = diffValues(before[name], after[name]);
      if (d) out.set(name, d);
    } else if (has) out.set(name, { change: 'added', after: after[name] });
    else if (had) out.set(name, { change: 'removed', before: before[name] });
  }
  return out;
}

export interface FlatChange {
  /** `msgs`, `rmState[r2]`, `pending[3].type`; a set element's change is on the set's path. */
  path: string;
  change: Change;
  before?: TraceValue;
  after?: TraceValue;
}

/** The diff as a list of leaf changes with their paths, outermost first. */
export function flattenDiff(path: string, diff: ValueDiff): FlatChange[] {
  if (!diff.parts) return [{ path, change: diff.change, before: diff.before, after: diff.after }];
  const after = diff.after === undefined ? [] : partsOf(diff.after);
  const byId = new Map(after.map((p) => [p.id, p]));
  const out: FlatChange[] = [];
  for (const [id, d] of diff.parts) {
    const part = d.removedPart ?? byId.get(id);
    out.push(...flattenDiff(path + (part ? pathSegment(part) : ''), d));
  }
  return out;
}

/** One line per change, for tests and for text summaries: `~ rmState[r2]: "working" → "prepared"`. */
export function describeChange(c: FlatChange): string {
  const print = (v: TraceValue | undefined) => (v === undefined ? '' : printValueOneLine(v));
  if (c.change === 'added') return `+ ${c.path}: ${print(c.after)}`;
  if (c.change === 'removed') return `− ${c.path}: ${print(c.before)}`;
  return `~ ${c.path}: ${print(c.before)} → ${print(c.after)}`;
}
