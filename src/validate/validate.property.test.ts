/**
 * `validate` against the engine's own behaviours, over the gallery and 20 corpus models:
 * - every behaviour the simulator produces, and the checker's counterexample, written as a log
 *   with full states, is accepted, and the behaviour found is the one logged;
 * - the same logs with half of the variables removed (a different half at each event) are accepted;
 * - mutated logs (one value changed, two events swapped, an event dropped) are judged as a plain
 *   replay judges them: accepted when the mutation is still a behaviour, otherwise rejected at the
 *   first event the replay cannot follow.
 * The replay (below) is a separate, naive oracle: it walks the log state by state, comparing
 * canonical forms (src/trace/keys.ts) rather than validate's loose matching, and needs
 * no search because full states leave one path.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel, ensureParser, loadModules } from '../check/check';
import { ModelRuntime, type State } from '../check/model/runtime';
import { buildModel, checkServices, readConfig } from '../check/model/setup';
import { simulateModel } from '../check/search/simulate/simulate';
import type { CheckRequest, Trace } from '../check/contract/types';
import { loadModel } from '../cli/load-model';
import { fromItfValue, type ItfValue } from '../formats/itf';
import { EXAMPLES } from '../../scripts/conformance/corpus';
import { traceToLog, type LogRecord } from './from-trace';
import { EventReader } from './log';
import { Validation } from './validate';
import type { TraceState } from '../trace/value';
import { toTraceValue } from '../trace/from-engine';
import { canonicalKey, canonicalStateKey } from '../trace/keys';

const GALLERY_DIR = join(__dirname, '../ui/examples');

const CORPUS_MODELS = [
  'DiningPhilosophers/DiningPhilosophers.cfg',
  'FiniteMonotonic/MCReplicatedLog.cfg',
  'LearnProofs/MCFindHighest.cfg',
  'Majority/MCMajority.cfg',
  'MisraReachability/MCParReach.cfg',
  'Moving_Cat_Puzzle/CatEvenBoxes.cfg',
  'MultiCarElevator/ElevatorSafetySmall.cfg',
  'Paxos/MCPaxos.cfg',
  'Prisoners/Prisoners.cfg',
  'allocator/SimpleAllocator.cfg',
  'chang_roberts/MCChangRoberts.cfg',
  'echo/MCEcho.cfg',
  'ewd840/EWD840.cfg',
  'transaction_commit/TCommit.cfg',
  'transaction_commit/2PCwithBTM.cfg',
  'SpecifyingSystems/TLC/MCAlternatingBit.cfg',
  'SpecifyingSystems/FIFO/MCInnerFIFO.cfg',
  'locks_auxiliary_vars/Peterson.cfg',
  'SpanningTree/SpanTree.cfg',
  'SpecifyingSystems/CachingMemory/MCInternalMemory.cfg',
];

interface ModelCase {
  name: string;
  spec: string;
  cfg: string;
}

function cases(): ModelCase[] {
  const out: ModelCase[] = [];
  for (const dir of readdirSync(GALLERY_DIR).sort()) {
    const cfg = join(GALLERY_DIR, dir, `${dir}.cfg`);
    if (existsSync(cfg))
      out.push({ name: `gallery ${dir}`, spec: join(GALLERY_DIR, dir, `${dir}.tla`), cfg });
  }
  for (const c of CORPUS_MODELS) {
    const dir = join(EXAMPLES, c, '..');
    const cfg = join(EXAMPLES, c);
    // The module a config checks: the .cfg's name, else the directory's only MC/spec file of that stem.
    const stem = basename(c, '.cfg');
    const tla = [stem, stem.replace(/(Even|Odd)Boxes$/, ''), stem.replace(/Safety.*$/, '')]
      .map((s) => join(dir, `${s}.tla`))
      .find(existsSync);
    out.push({ name: `corpus ${c}`, spec: tla ?? join(dir, `${stem}.tla`), cfg });
  }
  return out;
}

/** A small deterministic generator (mulberry32), so that every run mutates the same way. */
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

/** The naive oracle: the first event a replay of a full-state log cannot follow, or -1. */
async function oracle(req: CheckRequest): Promise<(log: LogRecord[]) => number> {
  await ensureParser();
  const config = readConfig(req);
  const modules = loadModules(req);
  const parts = buildModel(
    modules,
    config,
    checkServices(req, config, [], () => 0),
    req.mainModule,
  );
  const rt = new ModelRuntime(parts, config);
  const stateKey = (s: State): string =>
    canonicalStateKey(Object.fromEntries(rt.vars.map((v, i) => [v, toTraceValue(s[i])])));
  const loggedKey = (e: LogRecord): string =>
    canonicalStateKey(
      Object.fromEntries(rt.vars.map((v) => [v, fromItfValue(e[v] as ItfValue)])) as TraceState,
    );
  return (log) => {
    let cur: State | undefined;
    for (let i = 0; i < log.length; i++) {
      const e = log[i];
      const want = loggedKey(e);
      let found: State | undefined;
      if (i === 0) rt.initStates((s) => void (found ??= stateKey(s) === want ? s : undefined));
      else {
        const params = (e.params ?? {}) as Record<string, ItfValue>;
        rt.successors(cur!, (t, l) => {
          if (found || !l || l.name !== e.action) return;
          for (const [name, v] of Object.entries(params)) {
            const p = l.params.find((q) => q.name === name);
            if (!p || canonicalKey(toTraceValue(p.value)) !== canonicalKey(fromItfValue(v))) return;
          }
          if (stateKey(t) === want) found = t;
        });
      }
      if (!found) return i;
      cur = found;
    }
    return -1;
  };
}

describe('validate accepts the engine behaviours and rejects their mutations where a replay does', () => {
  for (const m of cases()) {
    it(
      m.name,
      async () => {
        const model = loadModel(m.spec, m.cfg, []);
        const req: CheckRequest = {
          files: model.files,
          mainModule: model.mainModule,
          cfg: model.cfgText,
          cfgName: basename(m.cfg),
        };
        const sim = await simulateModel({
          ...req,
          options: {
            behaviours: 4,
            maxSteps: 12,
            seed: 17,
            checkDeadlock: false,
            keepGoing: true,
            collectTraces: true,
          },
        });
        expect(sim.error?.message).toBeUndefined();
        const traces: Trace[] = sim.traces!.map((b) => b.trace);
        // The checker's counterexample, for the gallery examples stated to have one (their meta.ts).
        const meta = join(m.spec, '../meta.ts');
        const failing =
          m.name.startsWith('gallery') &&
          existsSync(meta) &&
          /expected: \{ verdict: '(safety|deadlock|liveness) failure'/.test(
            readFileSync(meta, 'utf8'),
          );
        if (failing) {
          const checked = await checkModel({ ...req, options: { workers: 1 } });
          const cex = checked.trace ?? checked.error?.trace;
          if (cex) traces.push(cex);
        }
        const v = await Validation.open(req);
        const replay = await oracle(req);
        const run = (log: LogRecord[]) => {
          const reader = new EventReader(v.vars);
          return v.validate(log.map((o) => reader.object(o)));
        };
        const rnd = random(m.name.length * 7919);
        const rejected = { value: 0, swap: 0, drop: 0 };
        for (const trace of traces) {
          const log = traceToLog(trace);
          expect(replay(log)).toBe(-1);
          const full = await run(log);
          expect(full.result, JSON.stringify(full.divergence ?? full.error ?? full.stopped)).toBe(
            'behaviour',
          );
          expect(full.trace!.states.map(canonicalStateKey)).toEqual(
            trace.states.map(canonicalStateKey),
          );

          const half = log.map((e) => {
            const vars = trace.vars.filter(() => rnd() < 0.5);
            const out: LogRecord = { ...e };
            for (const x of vars.length * 2 > trace.vars.length
              ? vars.slice(0, Math.floor(trace.vars.length / 2))
              : vars)
              delete out[x];
            return out;
          });
          const partial = await run(half);
          expect(
            partial.result,
            JSON.stringify(partial.divergence ?? partial.error ?? partial.stopped),
          ).toBe('behaviour');

          if (log.length < 3) continue;
          const mutants: { kind: keyof typeof rejected; log: LogRecord[] }[] = [];
          // One value changed: the value another event logs for the same variable, if it differs.
          for (let n = 0; n < 2; n++) {
            const i = Math.floor(rnd() * log.length);
            const x = trace.vars[Math.floor(rnd() * trace.vars.length)];
            const other = log.find((e) => JSON.stringify(e[x]) !== JSON.stringify(log[i][x]));
            const mutated = log.slice();
            mutated[i] = { ...log[i], [x]: other ? other[x] : 'mutated' };
            mutants.push({ kind: 'value', log: mutated });
          }
          // Two neighbouring events swapped, and an event dropped, where the events differ (a spec
          // that stutters at its end logs the same event again and again). The first event stays:
          // it is the initial state.
          const differ = log
            .map((_, i) => i)
            .filter(
              (i) =>
                i >= 1 &&
                i + 1 < log.length &&
                JSON.stringify(log[i]) !== JSON.stringify(log[i + 1]),
            );
          if (differ.length) {
            const s = differ[Math.floor(rnd() * differ.length)];
            const swapped = log.slice();
            [swapped[s], swapped[s + 1]] = [swapped[s + 1], swapped[s]];
            mutants.push({ kind: 'swap', log: swapped });
            const d = differ[Math.floor(rnd() * differ.length)];
            mutants.push({ kind: 'drop', log: log.filter((_, i) => i !== d) });
          }

          for (const { kind, log: mutated } of mutants) {
            const expected = replay(mutated);
            const r = await run(mutated);
            if (expected < 0) {
              expect(r.result, `${kind}: ${JSON.stringify(r.divergence)}`).toBe('behaviour');
            } else {
              rejected[kind]++;
              expect(r.result, kind).toBe('divergence');
              expect(r.divergence!.event, kind).toBe(expected);
              // The behaviour that explains the events before it.
              expect(r.trace?.states.length ?? 0).toBe(expected);
            }
          }
        }
        // Each kind of mutation was caught at least once on this model.
        expect(rejected.value).toBeGreaterThan(0);
        expect(rejected.swap + rejected.drop).toBeGreaterThan(0);
      },
      60_000,
    );
  }
});
