/**
 * Share links: round trips through the engine (a link replays to the same trace), ITF round trips
 * on the same counterexamples, TLC's own outputs read to the states our check finds, and a seeded
 * fuzz of the decoder (it must answer, never throw, whatever it is given).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, EXAMPLES } from '../../scripts/conformance/corpus';
import { checkModel } from '../check/check';
import { reachableModules } from '../cli/trace';
import { exploreModel, pathOfTrace } from '../check/explore/explore';
import type { CheckRequest, Trace } from '../check/contract/types';
import { quintRequest } from '../quint';
import { itfToTrace, traceToItf } from './itf';
import {
  decodeShareLink,
  encodeShareLink,
  firstChangedState,
  fromBase64Url,
  MAX_DECODED_BYTES,
  sharePayloadOf,
  shareUrl,
  stateDigests,
  toBase64Url,
  type ShareLink,
} from './share-link';
import { tlcDumpTraceToTrace } from './tlc-dump-trace';
import { parseTlcTrace } from './tlc-trace';
import { canonicalStateKey } from '../trace/keys';

function specFiles(dir: string) {
  const files = new Map<string, string>();
  for (const d of [join(EXAMPLES, dir)])
    for (const name of readdirSync(d))
      if (name.endsWith('.tla') && !files.has(name))
        files.set(name, readFileSync(join(d, name), 'utf8'));
  return [...files].map(([name, text]) => ({ name, text }));
}

const stateKeys = (t: Trace) => t.states.map(canonicalStateKey);

/** A link for `trace` as the UI builds one: the spec's own modules, the path, the last step. */
async function linkFor(request: CheckRequest, trace: Trace, own: string[]): Promise<ShareLink> {
  const found = await pathOfTrace(request, trace);
  if (!('path' in found)) throw new Error(found.message);
  return {
    version: 1,
    modules: request.files.filter((f) => own.includes(f.name)),
    mainModule: request.mainModule,
    cfg: { name: request.cfgName ?? `${request.mainModule}.cfg`, text: request.cfg },
    path: found.path,
    digests: stateDigests(trace.states),
    step: trace.states.length - 1,
    view: { id: 'trace', onlyChanged: true, watches: ['big + small'] },
  };
}

/** Opens a link as the UI does: decode, then replay its path under its own spec. */
async function open(payload: string): Promise<{ link: ShareLink; trace: Trace }> {
  const decoded = await decodeShareLink(payload);
  if (!decoded.ok) throw new Error(decoded.error.message);
  const { link } = decoded;
  const replay = await exploreModel({
    files: link.modules,
    mainModule: link.mainModule!,
    cfg: link.cfg!.text,
    cfgName: link.cfg!.name,
    path: link.path!,
  });
  expect(replay.error).toBeUndefined();
  expect(replay.replayError).toBeUndefined();
  expect(firstChangedState(link.digests!, replay.trace.states)).toBeUndefined();
  return { link, trace: replay.trace };
}

const dieHardDir = join(EXAMPLES, 'DieHard');
const dieHard: CheckRequest = {
  files: [{ name: 'DieHard.tla', text: readFileSync(join(dieHardDir, 'DieHard.tla'), 'utf8') }],
  mainModule: 'DieHard',
  cfg: readFileSync(join(dieHardDir, 'DieHard.cfg'), 'utf8'),
  cfgName: 'DieHard.cfg',
};

describe('base64url', () => {
  it('round-trips every length from 0 to 64 bytes and refuses foreign characters', () => {
    for (let n = 0; n <= 64; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(Array.from(fromBase64Url(text)!)).toEqual(Array.from(bytes));
    }
    expect(fromBase64Url('ab+c')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
    expect(fromBase64Url('é')).toBeUndefined();
  });
});

describe('DieHard counterexample', async () => {
  const checked = await checkModel(dieHard);
  const trace = checked.trace!;

  it('trace → link → trace: the link replays to the same states and keeps step and view', async () => {
    const link = await linkFor(dieHard, trace, ['DieHard.tla']);
    const payload = await encodeShareLink(link);
    const url = shareUrl('https://specstage.example/#step=3', payload);
    console.log(
      `DieHard counterexample share link: ${url.length} characters (payload ${payload.length})`,
    );
    expect(sharePayloadOf(url)).toBe(payload);
    const opened = await open(payload);
    expect(stateKeys(opened.trace)).toEqual(stateKeys(trace));
    expect(opened.trace.steps.map((s) => s.action)).toEqual(trace.steps.map((s) => s.action));
    expect(opened.link.step).toBe(6);
    expect(opened.link.view).toEqual(link.view);
    expect(url.length).toBeLessThan(4000);
  });

  it('a Quint spec: its .qnt file and the .cfg of its run travel, and replay the same trace', async () => {
    const text = readFileSync(
      new URL('../ui/examples/DieHardQuint/DieHard.qnt', import.meta.url),
      'utf8',
    );
    const quint = quintRequest([{ name: 'DieHard.qnt', text }], 'DieHard', {
      invariants: ['TypeOK', 'NotSolved'],
    });
    const result = await checkModel(quint);
    expect(result.violated).toBe('NotSolved');
    const link = await linkFor(quint, result.trace!, ['DieHard.qnt']);
    const opened = await open(await encodeShareLink(link));
    expect(opened.link.modules.map((f) => f.name)).toEqual(['DieHard.qnt']);
    expect(stateKeys(opened.trace)).toEqual(stateKeys(result.trace!));
  });

  it('trace → ITF → trace keeps states, actions and labels', () => {
    const back = itfToTrace(JSON.parse(JSON.stringify(traceToItf(trace))));
    expect(back.vars).toEqual(trace.vars);
    expect(stateKeys(back)).toEqual(stateKeys(trace));
    expect(back.steps.map((s) => s.label)).toEqual(trace.steps.map((s) => s.label));
  });

  it('TLC’s printed trace and its -dumpTrace json read to the states our check finds', () => {
    const dir = join(CORPUS, 'tlc-traces');
    const printed = parseTlcTrace(readFileSync(join(dir, 'DieHard__DieHard.tlc.txt'), 'utf8'))!;
    const dumped = tlcDumpTraceToTrace(
      JSON.parse(readFileSync(join(dir, 'DieHard__DieHard.trace.json'), 'utf8')),
    );
    expect(stateKeys(printed)).toEqual(stateKeys(trace));
    expect(stateKeys(dumped)).toEqual(stateKeys(trace));
    expect(dumped.steps.map((s) => s.action)).toEqual(printed.steps.map((s) => s.action));
    expect(dumped.steps[1].range).toEqual(printed.steps[1].range);
  });

  it('a TLC trace replays under the spec: its path makes the same link', async () => {
    const dir = join(CORPUS, 'tlc-traces');
    const printed = parseTlcTrace(readFileSync(join(dir, 'DieHard__DieHard.tlc.txt'), 'utf8'))!;
    const ours = await pathOfTrace(dieHard, trace);
    const theirs = await pathOfTrace(dieHard, printed);
    expect(theirs).toEqual(ours);
  });

  it('a path that replays to other states is caught by the digests, at the first one', async () => {
    const link = await linkFor(dieHard, trace, ['DieHard.tla']);
    const request = { ...dieHard, path: link.path!.slice(0, 3) };
    // Another choice at the fourth step: the path still replays, to a different behaviour.
    const { choices } = await exploreModel(request);
    const other = choices.findIndex(
      (c) => canonicalStateKey(c.state) !== canonicalStateKey(trace.states[3]),
    );
    const replay = await exploreModel({
      ...dieHard,
      path: [...link.path!.slice(0, 3), other, ...link.path!.slice(4)],
    });
    expect(firstChangedState(link.digests!, replay.trace.states)).toBe(3);
  });

  it('a spec that no longer replays the path says at which step', async () => {
    const link = await linkFor(dieHard, trace, ['DieHard.tla']);
    // Filling the big jug is no longer possible: fewer successors at each step.
    const edited = link.modules[0].text.replace(
      "FillBigJug    == /\\ big' = 5",
      "FillBigJug    == /\\ FALSE /\\ big' = 5",
    );
    expect(edited).not.toBe(link.modules[0].text);
    const replay = await exploreModel({
      ...dieHard,
      files: [{ name: 'DieHard.tla', text: edited }],
      path: link.path!,
    });
    expect(replay.error).toBeUndefined();
    expect(replay.replayError?.message).toMatch(
      /^Step \d+ chooses option \d+, but the spec now offers \d+ successor/,
    );
    // The trace up to there is still there to show.
    expect(replay.trace.states).toHaveLength(replay.replayError!.step);
  });
});

describe('Paxos behaviour from exploreModel', async () => {
  const cfg = `CONSTANTS a1 = a1 a2 = a2 a3 = a3 v1 = v1 v2 = v2 None = None
  Acceptor = {a1, a2, a3}
  Value = {v1, v2}
  Quorum = {{a1, a2}, {a1, a3}, {a2, a3}}
  Ballot <- MCBallot
SPECIFICATION Spec
INVARIANT Inv1`;
  const request: CheckRequest = {
    files: specFiles('Paxos'),
    mainModule: 'MCPaxos',
    cfg,
    cfgName: 'MCPaxos.cfg',
  };
  const labels = [
    'Phase1a(0)',
    'Phase1b(a1)',
    'Phase1b(a2)',
    'Phase2a(0, v1)',
    'Phase2b(a1, [type |-> "2a", bal |-> 0, val |-> v1])',
    'Phase2b(a3, [type |-> "2a", bal |-> 0, val |-> v1])',
  ];
  const path = [0];
  for (const label of labels) {
    const { choices } = await exploreModel({ ...request, path });
    path.push(choices.findIndex((c) => c.label === label));
  }
  const trace = (await exploreModel({ ...request, path })).trace;
  // What `specstage trace --link` puts in a link: the modules reached, less the built-in ones.
  const own = reachableModules(request.files, 'MCPaxos').map((f) => f.name);

  it('trace → link → trace through the engine', async () => {
    expect(trace.states).toHaveLength(7);
    const payload = await encodeShareLink(await linkFor(request, trace, own));
    const url = shareUrl('https://specstage.example/', payload);
    console.log(`Paxos (MCPaxos, 7 states) share link: ${url.length} characters`);
    // The library modules are not in the link: the engine provides them wherever it runs.
    const opened = await open(payload);
    expect(stateKeys(opened.trace)).toEqual(stateKeys(trace));
    expect(opened.trace.steps.map((s) => s.label)).toEqual(trace.steps.map((s) => s.label));
  });

  it('trace → ITF → trace', () => {
    const back = itfToTrace(JSON.parse(JSON.stringify(traceToItf(trace))));
    expect(stateKeys(back)).toEqual(stateKeys(trace));
  });
});

describe('visualizer-only links', () => {
  it('carry an ITF trace with no spec and bring it back', async () => {
    const trace: Trace = {
      vars: ['x'],
      states: [{ x: { '#bigint': '1' } }, { x: { '#bigint': '2' } }],
      steps: [
        { action: 'Init', params: [], label: 'Initial predicate' },
        { action: 'Inc', params: [], label: 'Inc' },
      ],
    };
    const payload = await encodeShareLink({
      version: 1,
      modules: [],
      trace: traceToItf(trace),
      step: 1,
      view: { id: 'sequence' },
    });
    const decoded = await decodeShareLink(payload);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(stateKeys(itfToTrace(decoded.link.trace!))).toEqual(stateKeys(trace));
    expect(decoded.link.view?.id).toBe('sequence');
  });
});

describe('the author’s verdict', () => {
  const spec = {
    version: 1 as const,
    modules: [{ name: 'A.tla', text: '---- MODULE A ----\n====' }],
    mainModule: 'A',
    cfg: { name: 'A.cfg', text: 'INIT Init' },
  };

  it('travels with the spec and comes back as it was', async () => {
    const verdict = {
      result: 'safety failure' as const,
      violated: 'NotSolved',
      distinctStates: 14,
      depth: 7,
      counterexample: true,
    };
    const decoded = await decodeShareLink(await encodeShareLink({ ...spec, verdict }));
    expect(decoded.ok && decoded.link.verdict).toEqual(verdict);
  });

  it('carries what TLC warned of beside it, and a link from before warnings opens without', async () => {
    const warning =
      'Declaring symmetry during liveness checking is dangerous. It might cause TLC to miss violations of the stated liveness properties. Please check liveness without symmetry defined.';
    const verdict = {
      result: 'success' as const,
      distinctStates: 5,
      depth: 3,
      warnings: [warning],
    };
    const decoded = await decodeShareLink(await encodeShareLink({ ...spec, verdict }));
    expect(decoded.ok && decoded.link.verdict).toEqual(verdict);
    // A link made before verdicts carried warnings (the wire as it was then).
    const old = await decodeShareLink(
      await payloadOf({
        v: 1,
        m: [['A.tla', 'x']],
        main: 'A',
        c: ['A.cfg', ''],
        r: { result: 'success', distinctStates: 5, depth: 3 },
      }),
    );
    expect(old.ok && old.link.verdict).toEqual({ result: 'success', distinctStates: 5, depth: 3 });
  });

  it('is refused when it is not one a check gives, or has no spec', async () => {
    const kind = async (r: unknown, withSpec = true) => {
      const wire = withSpec
        ? { v: 1, m: [['A.tla', 'x']], main: 'A', c: ['A.cfg', ''], r }
        : { v: 1, r };
      const d = await decodeShareLink(await payloadOf(wire));
      return d.ok ? 'ok' : d.error.message;
    };
    expect(await kind({ result: 'success', behaviours: 1000 })).toBe('ok');
    expect(await kind({ result: 'proved' })).toMatch(/not one a check gives/);
    expect(await kind({ result: 'success', depth: -1 })).toMatch(/depth is not a count/);
    expect(await kind({ result: 'success', stopped: 'tired' })).toMatch(/unknown reason/);
    expect(await kind({ result: 'success', warnings: 'careful' })).toMatch(
      /warnings are not a list/,
    );
    expect(await kind({ result: 'success', warnings: [7] })).toMatch(/a warning is not text/);
    expect(await kind({ result: 'success', warnings: ['x'.repeat(5000)] })).toMatch(/too long/);
    expect(await kind({ result: 'success' }, false)).toMatch(/no spec it is about/);
  });
});

/** A small seeded generator (mulberry32) so that a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function payloadOf(json: unknown): Promise<string> {
  const stream = new Blob([JSON.stringify(json)])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe('decoding hostile links', () => {
  it('explains each kind of bad link', async () => {
    const kind = async (p: string) => {
      const r = await decodeShareLink(p);
      return r.ok ? 'ok' : r.error.kind;
    };
    expect(await kind('')).toBe('empty');
    expect(await kind('not a link!')).toBe('not-base64url');
    expect(await kind('AAAA')).toBe('not-deflate');
    expect(await kind(await payloadOf({ v: 99 }))).toBe('unsupported-version');
    expect(await kind(await payloadOf({ v: 1, m: [['../etc/passwd', 'x']] }))).toBe('invalid');
    expect(await kind(await payloadOf({ v: 1, p: [0, 1] }))).toBe('invalid');
    expect(
      await kind(
        await payloadOf({ v: 1, m: [['A.tla', 'x']], main: 'A', c: ['A.cfg', ''], p: [-1] }),
      ),
    ).toBe('invalid');
    expect(await kind(await payloadOf([1, 2]))).toBe('unsupported-version');
    const text = new Blob(['{"v":1}garbage'])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw'));
    expect(await kind(toBase64Url(new Uint8Array(await new Response(text).arrayBuffer())))).toBe(
      'not-json',
    );
  });

  it('refuses a zip bomb without inflating it whole', async () => {
    // 64 MB of zeros deflate to about 64 KB; the decoder must stop at its limit.
    const zeros = new Uint8Array(64_000_000);
    const stream = new Blob([zeros]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bomb = toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
    const r = await decodeShareLink(bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('too-large');
    expect(MAX_DECODED_BYTES).toBeLessThan(zeros.length);
  });

  const CASES = 3000;
  it(`never throws on ${CASES} random, mutated and truncated links (seed 8)`, async () => {
    const rand = random(8);
    const good = await encodeShareLink(
      await linkFor(dieHard, (await checkModel(dieHard)).trace!, ['DieHard.tla']),
    );
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=%#é ';
    const counts = { ok: 0, error: 0 };
    for (let i = 0; i < CASES; i++) {
      let input: string;
      const mode = i % 4;
      if (mode === 0) {
        // Random text of random length.
        const n = Math.floor(rand() * 200);
        input = Array.from(
          { length: n },
          () => alphabet[Math.floor(rand() * alphabet.length)],
        ).join('');
      } else if (mode === 1) {
        // The good link cut short.
        input = good.slice(0, Math.floor(rand() * good.length));
      } else if (mode === 2) {
        // The good link with a few characters changed.
        const chars = good.split('');
        for (let k = 1 + Math.floor(rand() * 4); k > 0; k--)
          chars[Math.floor(rand() * chars.length)] = alphabet[Math.floor(rand() * 64)];
        input = chars.join('');
      } else {
        // Well-formed deflate of mutated JSON: the validator's turn.
        const json = JSON.stringify({
          v: 1,
          m: [['A.tla', 'x']],
          main: 'A',
          c: ['A.cfg', 'y'],
          p: [0, 1],
          d: 'AAAAAAAA',
          s: 2,
          w: { id: 'trace' },
        });
        const chars = json.split('');
        for (let k = 1 + Math.floor(rand() * 3); k > 0; k--)
          chars[Math.floor(rand() * chars.length)] = '{}[]",:0a1-'[Math.floor(rand() * 11)];
        let parsed: unknown;
        try {
          parsed = JSON.parse(chars.join(''));
        } catch {
          parsed = chars.join('');
        }
        input = await payloadOf(parsed);
      }
      const r = await decodeShareLink(input);
      counts[r.ok ? 'ok' : 'error']++;
      if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
    }
    expect(counts.ok + counts.error).toBe(CASES);
    expect(counts.error).toBeGreaterThan(CASES / 2);
  }, 60_000);
});
