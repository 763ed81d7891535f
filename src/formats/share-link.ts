/**
 * Share links: everything needed to reopen a behaviour at one step, packed into a URL fragment.
 *
 * A link carries the spec's modules, the .cfg, the behaviour as a path of successor choices
 * (src/check/explore/explore.ts), the selected step, the open view with its settings and the verdict of
 * the author's last check, as a claim the recipient can check again. It never carries
 * states to be trusted: whoever opens the link replays the path under the spec, so a link cannot
 * show a behaviour the spec does not have. The one exception is a trace with no spec (a trace from
 * another tool opened for its pictures): it travels as ITF and opens as an imported trace, marked
 * as such.
 *
 * Encoding: JSON → deflate-raw (`CompressionStream`, in browsers and Node ≥ 18) → base64url, so the
 * fragment needs no escaping. The fragment never reaches a server (browsers do not send it).
 *
 * Decoding is for text from anyone: it never throws, runs nothing, and bounds every size (the
 * fragment, the inflated bytes — a few KB of deflate can inflate to gigabytes — and each field),
 * answering a typed error that says what is wrong in words a user can act on.
 */
import type { Verdict } from '../check/contract/types';
import type { ItfTrace } from './itf';
import type { TraceState } from '../trace/value';
import { canonicalStateKey } from '../trace/keys';
import { SHARE_KEY } from './share-key';

export { SHARE_KEY, sharePayloadOf } from './share-key';

export const SHARE_LINK_VERSION = 1;

/** Browsers accept URLs of several MB, but chat tools and bug trackers truncate far sooner. */
export const MAX_ENCODED_CHARS = 2_000_000;
/** Inflation stops here: a larger payload is refused, not held in memory. */
export const MAX_DECODED_BYTES = 8_000_000;
const MAX_MODULES = 64;
const MAX_PATH = 100_000;
const MAX_SETTING_ITEMS = 256;
/** A verdict's warnings: TLC's are one or two sentences, and a check gives few. */
const MAX_WARNINGS = 16;
const MAX_WARNING_CHARS = 2000;

export type ShareViewId = 'trace' | 'graph' | 'sequence';
const VIEW_IDS: readonly ShareViewId[] = ['trace', 'graph', 'sequence'];

export interface ShareFile {
  name: string;
  text: string;
}

export interface ShareView {
  id: ShareViewId;
  /** Trace view: show only changed variables; variables hidden and pinned. */
  onlyChanged?: boolean;
  hidden?: string[];
  pinned?: string[];
  /** Watch expressions (evaluated again by whoever opens the link). */
  watches?: string[];
  /** The sequence diagram's mapping, as plain JSON; its reader checks its shape. */
  sequenceMapping?: unknown;
}

/**
 * What the author's last run of the shared spec answered: a claim for whoever opens the link to
 * see and to check again, never a result to trust (the link can say anything).
 */
export interface ShareVerdict {
  result: Verdict;
  /** The invariant, property or assumption violated. */
  violated?: string;
  distinctStates?: number;
  depth?: number;
  /** The run stopped before the end: no verdict, whatever `result` says. */
  stopped?: 'cancelled' | 'memory budget';
  /** A simulation of this many random behaviours, not a whole check. */
  behaviours?: number;
  /** The link's behaviour is this run's counterexample. */
  counterexample?: boolean;
  /**
   * What TLC warns of beside this verdict, in its words (CheckResult.warnings: liveness under
   * SYMMETRY). Links made before it was carried have none.
   */
  warnings?: string[];
}

export interface ShareLink {
  version: typeof SHARE_LINK_VERSION;
  /**
   * The spec's modules (`.tla` files), or a Quint spec's files (`.qnt`, the main one first, its
   * model as the .cfg the engine reads for it: src/quint/index.ts); empty for a trace shared
   * without its spec.
   */
  modules: ShareFile[];
  /** The module to check, without `.tla`. */
  mainModule?: string;
  cfg?: ShareFile;
  /** The behaviour: an initial-state choice, then a successor choice per step. */
  path?: number[];
  /**
   * A 24-bit digest of each state of the behaviour as its author saw it (`stateDigests`): not the
   * states, but enough to notice when a replay gives other states, e.g. after an engine update
   * changed the order in which successors are enumerated.
   */
  digests?: string;
  /** For a lasso (a liveness counterexample): the state the behaviour's last state loops back to. */
  loop?: number;
  /** A trace with no spec to replay it under (visualizer-only), as ITF. */
  trace?: ItfTrace;
  /** The selected state, from 0. */
  step?: number;
  view?: ShareView;
  /** The author's run of this spec and model, as a claim (see ShareVerdict). */
  verdict?: ShareVerdict;
}

export type ShareLinkErrorKind =
  | 'empty'
  | 'too-long'
  | 'not-base64url'
  | 'not-deflate'
  | 'too-large'
  | 'not-json'
  | 'unsupported-version'
  | 'invalid';

export interface ShareLinkError {
  kind: ShareLinkErrorKind;
  /** A sentence for the user: what is wrong with the link and what it means for them. */
  message: string;
}

export type DecodeResult = { ok: true; link: ShareLink } | { ok: false; error: ShareLinkError };

// ---------------------------------------------------------------------------------------------
// base64url (RFC 4648 §5) without padding. Written out rather than through btoa/atob: those
// work on "binary strings", need chunking for large inputs, and atob accepts what we must refuse.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out +=
      ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

/** The bytes, or undefined when `text` is not unpadded base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  // A length of 4k+1 cannot come from any byte string.
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = c < 128 ? DIGIT[c] : -1;
    if (d < 0) return undefined;
    acc = (acc << 6) | d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
    acc &= (1 << bits) - 1;
  }
  return out.subarray(0, o);
}

// ---------------------------------------------------------------------------------------------
// deflate through the platform's streams.

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

type Inflated = { bytes: Uint8Array } | { error: 'not-deflate' | 'too-large' };

/** Inflates up to `limit` bytes; stops reading (and cancels the stream) beyond. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Inflated> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        reader.cancel().catch(() => undefined);
        return { error: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    // Truncated or corrupt data, or bytes after the end of the stream.
    return { error: 'not-deflate' };
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return { bytes: out };
}

// ---------------------------------------------------------------------------------------------
// State digests: FNV-1a over the state's canonical key, cut to 24 bits (four base64url digits).
// A chance collision lets one changed state through in 16 million; the next ones would show it.

const DIGEST_CHARS = 4;

function digestOf(state: TraceState): string {
  const key = canonicalStateKey(state);
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = (h ^ (h >>> 24)) & 0xffffff;
  return ALPHABET[h >> 18] + ALPHABET[(h >> 12) & 63] + ALPHABET[(h >> 6) & 63] + ALPHABET[h & 63];
}

/** The digests of a behaviour's states, for `ShareLink.digests`. */
export function stateDigests(states: TraceState[]): string {
  return states.map(digestOf).join('');
}

/**
 * The index of the first state whose digest differs from the link's, or undefined when all the
 * states replayed match (states beyond the digests are not compared).
 */
export function firstChangedState(digests: string, states: TraceState[]): number | undefined {
  const n = Math.min(states.length, digests.length / DIGEST_CHARS);
  for (let i = 0; i < n; i++)
    if (digestOf(states[i]) !== digests.slice(i * DIGEST_CHARS, (i + 1) * DIGEST_CHARS)) return i;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Encoding.

/** The compact JSON shape inside a link; short keys because every byte is in the URL. */
interface Wire {
  v: number;
  m?: [string, string][];
  main?: string;
  c?: [string, string];
  p?: number[];
  d?: string;
  l?: number;
  t?: ItfTrace;
  s?: number;
  w?: ShareView;
  r?: ShareVerdict;
}

function toWire(link: ShareLink): Wire {
  const wire: Wire = { v: link.version };
  if (link.modules.length) wire.m = link.modules.map((f) => [f.name, f.text]);
  if (link.mainModule !== undefined) wire.main = link.mainModule;
  if (link.cfg) wire.c = [link.cfg.name, link.cfg.text];
  if (link.path) wire.p = link.path;
  if (link.digests) wire.d = link.digests;
  if (link.loop !== undefined) wire.l = link.loop;
  if (link.trace) wire.t = link.trace;
  if (link.step !== undefined) wire.s = link.step;
  if (link.view) wire.w = link.view;
  if (link.verdict) wire.r = link.verdict;
  return wire;
}

/** The fragment payload (the part after `#share=`) for a link. */
export async function encodeShareLink(link: ShareLink): Promise<string> {
  const json = JSON.stringify(toWire(link));
  return toBase64Url(await deflate(new TextEncoder().encode(json)));
}

/** A full URL: `base` without its fragment, then `#share=…`. */
export function shareUrl(base: string, payload: string): string {
  return `${base.replace(/#.*$/s, '')}#${SHARE_KEY}=${payload}`;
}

// ---------------------------------------------------------------------------------------------
// Decoding.

const fail = (kind: ShareLinkErrorKind, message: string): DecodeResult => ({
  ok: false,
  error: { kind, message },
});

class Invalid extends Error {}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function str(x: unknown, what: string): string {
  if (typeof x !== 'string') throw new Invalid(`${what} is not text`);
  return x;
}

function file(x: unknown, what: string, pattern: RegExp): ShareFile {
  if (!Array.isArray(x) || x.length !== 2) throw new Invalid(`${what} is not a [name, text] pair`);
  const name = str(x[0], `${what}'s name`);
  // Names become file tabs and store keys: plain file names only, no paths.
  if (!pattern.test(name) || name.length > 200) throw new Invalid(`${what} has an unusable name`);
  return { name, text: str(x[1], `${what}'s text`) };
}

function names(x: unknown, what: string): string[] {
  if (!Array.isArray(x) || x.length > MAX_SETTING_ITEMS) throw new Invalid(`${what} is not a list`);
  return x.map((n) => str(n, `an entry of ${what}`));
}

function view(x: unknown): ShareView {
  if (!isObject(x)) throw new Invalid('the view is not an object');
  const id = x.id;
  if (typeof id !== 'string' || !(VIEW_IDS as readonly string[]).includes(id))
    throw new Invalid('the view is not one of trace, graph, sequence');
  const out: ShareView = { id: id as ShareViewId };
  if (x.onlyChanged !== undefined) {
    if (typeof x.onlyChanged !== 'boolean') throw new Invalid('onlyChanged is not a boolean');
    out.onlyChanged = x.onlyChanged;
  }
  if (x.hidden !== undefined) out.hidden = names(x.hidden, 'the hidden variables');
  if (x.pinned !== undefined) out.pinned = names(x.pinned, 'the pinned variables');
  if (x.watches !== undefined) out.watches = names(x.watches, 'the watches');
  if (x.sequenceMapping !== undefined) {
    if (!isObject(x.sequenceMapping)) throw new Invalid('the sequence mapping is not an object');
    out.sequenceMapping = x.sequenceMapping;
  }
  return out;
}

const VERDICTS: readonly Verdict[] = [
  'success',
  'safety failure',
  'deadlock failure',
  'liveness failure',
  'assumption failure',
  'error',
];

function count(x: unknown, what: string): number {
  if (!Number.isSafeInteger(x) || (x as number) < 0) throw new Invalid(`${what} is not a count`);
  return x as number;
}

function verdict(x: unknown): ShareVerdict {
  if (!isObject(x)) throw new Invalid('the verdict is not an object');
  if (typeof x.result !== 'string' || !(VERDICTS as readonly string[]).includes(x.result))
    throw new Invalid('the verdict is not one a check gives');
  const out: ShareVerdict = { result: x.result as Verdict };
  if (x.violated !== undefined) {
    const name = str(x.violated, 'what the verdict says was violated');
    if (name.length > 200) throw new Invalid('the violated property’s name is too long');
    out.violated = name;
  }
  if (x.distinctStates !== undefined) out.distinctStates = count(x.distinctStates, 'the states');
  if (x.depth !== undefined) out.depth = count(x.depth, 'the depth');
  if (x.behaviours !== undefined) out.behaviours = count(x.behaviours, 'the behaviours');
  if (x.stopped !== undefined) {
    if (x.stopped !== 'cancelled' && x.stopped !== 'memory budget')
      throw new Invalid('the verdict stopped for an unknown reason');
    out.stopped = x.stopped;
  }
  if (x.counterexample !== undefined) {
    if (typeof x.counterexample !== 'boolean') throw new Invalid('counterexample is not a boolean');
    out.counterexample = x.counterexample;
  }
  if (x.warnings !== undefined) {
    const w = x.warnings;
    if (!Array.isArray(w) || w.length > MAX_WARNINGS)
      throw new Invalid('the warnings are not a list');
    out.warnings = w.map((t) => {
      const text = str(t, 'a warning');
      if (text.length > MAX_WARNING_CHARS) throw new Invalid('a warning is too long');
      return text;
    });
  }
  return out;
}

function validate(wire: unknown): ShareLink {
  if (!isObject(wire)) throw new Invalid('it is not an object');
  const link: ShareLink = { version: SHARE_LINK_VERSION, modules: [] };
  if (wire.m !== undefined) {
    if (!Array.isArray(wire.m) || wire.m.length > MAX_MODULES)
      throw new Invalid(`the modules are not a list of at most ${MAX_MODULES}`);
    // .tla modules, or Quint files (.qnt, the main one first) whose model is the .cfg below.
    link.modules = wire.m.map((f, i) => file(f, `module ${i + 1}`, /^[A-Za-z0-9_]+\.(tla|qnt)$/));
    const seen = new Set(link.modules.map((f) => f.name));
    if (seen.size !== link.modules.length) throw new Invalid('two modules have the same name');
  }
  if (wire.main !== undefined) {
    link.mainModule = str(wire.main, 'the main module');
    const quint = link.modules[0]?.name.endsWith('.qnt');
    if (!quint && !link.modules.some((f) => f.name === `${link.mainModule}.tla`))
      throw new Invalid(`the main module ${link.mainModule} is not among its modules`);
  }
  if (wire.c !== undefined) link.cfg = file(wire.c, 'the model config', /^[A-Za-z0-9_.-]+\.cfg$/);
  if (wire.p !== undefined) {
    const p = wire.p;
    if (!Array.isArray(p) || p.length > MAX_PATH) throw new Invalid('the path is not a list');
    if (!p.every((k) => Number.isSafeInteger(k) && (k as number) >= 0))
      throw new Invalid('the path holds something other than choice numbers');
    link.path = p as number[];
  }
  if (wire.d !== undefined) {
    const d = wire.d;
    if (typeof d !== 'string' || !/^[A-Za-z0-9_-]*$/.test(d) || d.length % DIGEST_CHARS !== 0)
      throw new Invalid('the state digests are malformed');
    if (!link.path || d.length / DIGEST_CHARS !== link.path.length)
      throw new Invalid('the state digests do not match the behaviour');
    link.digests = d;
  }
  if (wire.l !== undefined) {
    if (
      !link.path ||
      !Number.isSafeInteger(wire.l) ||
      (wire.l as number) < 0 ||
      (wire.l as number) >= link.path.length
    )
      throw new Invalid('the loop does not point into the behaviour');
    link.loop = wire.l as number;
  }
  if (wire.t !== undefined) {
    // Checked in depth by the ITF reader when the trace is opened; here only its outline.
    if (!isObject(wire.t) || !Array.isArray(wire.t.vars) || !Array.isArray(wire.t.states))
      throw new Invalid('the trace is not an ITF trace');
    link.trace = wire.t as unknown as ItfTrace;
  }
  if (wire.s !== undefined) {
    if (!Number.isSafeInteger(wire.s) || (wire.s as number) < 0)
      throw new Invalid('the selected step is not a step number');
    link.step = wire.s as number;
  }
  if (wire.w !== undefined) link.view = view(wire.w);
  if (wire.r !== undefined) {
    link.verdict = verdict(wire.r);
    if (!(link.mainModule && link.cfg))
      throw new Invalid('it has a verdict but no spec it is about');
  }
  if (link.path && !(link.mainModule && link.cfg))
    throw new Invalid('it has a behaviour but no spec and model to replay it under');
  if (link.path && link.trace) throw new Invalid('it has both a behaviour and a trace');
  return link;
}

/**
 * Reads a link's payload (the text after `#share=`). Never throws: anything wrong comes back as
 * an error saying what is wrong.
 */
export async function decodeShareLink(payload: string): Promise<DecodeResult> {
  try {
    const text = payload.trim();
    if (text === '') return fail('empty', 'The share link is empty: nothing follows “#share=”.');
    if (text.length > MAX_ENCODED_CHARS) {
      return fail(
        'too-long',
        `The share link is ${text.length.toLocaleString('en')} characters long, more than the ${MAX_ENCODED_CHARS.toLocaleString('en')} a link may have.`,
      );
    }
    const bytes = fromBase64Url(text);
    if (!bytes) {
      return fail(
        'not-base64url',
        'The share link holds characters a share link never has: it was probably cut or changed when it was copied.',
      );
    }
    const inflated = await inflate(bytes, MAX_DECODED_BYTES);
    if ('error' in inflated) {
      return inflated.error === 'too-large'
        ? fail(
            'too-large',
            `The share link unpacks to more than ${MAX_DECODED_BYTES / 1_000_000} MB, more than a link may hold; it was not opened.`,
          )
        : fail(
            'not-deflate',
            'The share link is incomplete or damaged (its compressed data does not unpack): it was probably cut short when it was copied.',
          );
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
    } catch {
      return fail(
        'not-json',
        'The share link unpacks, but not to a spec and a trace: it is damaged.',
      );
    }
    const version = isObject(json) ? json.v : undefined;
    if (version !== SHARE_LINK_VERSION) {
      return fail(
        'unsupported-version',
        typeof version === 'number' && version > SHARE_LINK_VERSION
          ? `The share link was made by a newer specstage (link version ${version}); this one reads version ${SHARE_LINK_VERSION}. Reload the page to get the newest.`
          : 'The share link has no version this specstage knows.',
      );
    }
    return { ok: true, link: validate(json) };
  } catch (e) {
    if (e instanceof Invalid)
      return fail('invalid', `The share link cannot be opened: ${e.message}.`);
    // A stack overflow on absurd nesting, or anything else unforeseen: still an answer.
    return fail('invalid', 'The share link cannot be opened: its content is malformed.');
  }
}
