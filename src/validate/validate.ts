/**
 * Trace validation: is a log of an implementation's run a behaviour of the spec?
 *
 * The search is breadth-first over the spec's successors, one layer per event: the candidates
 * after k events are the states of the spec some behaviour reaches while explaining the first k
 * events (its action and parameters when the event names them, the variables it logged, which may
 * be any subset). A log that logs everything keeps one candidate; a partial one keeps every state
 * that fits, so the answer does not depend on guessing the unlogged values.
 *
 * Steps the log does not show (`maxSilentSteps`), an event that logs the state again without a
 * step (`stutter`), and the logs of several processes merged by their clocks are handled by the
 * same search: a candidate is then a state and a position in each process's log, and an event
 * may come next when no event that happened before it (by its vector clock, or an earlier Lamport
 * timestamp) is still waiting. The search explores every order the clocks allow, keeping the
 * states each reaches.
 *
 * The answer is the matching behaviour (a Trace, with the event each state matches), or the first
 * event no behaviour explains with the closest the spec comes to it: the successor with the
 * fewest disagreements, what disagrees, and the actions enabled where the log left the spec.
 */
import type { CheckRequest, Trace, TraceStep } from '../check/contract/types';
import { Hasher } from '../core/fingerprint';
import { hashInto } from '../core/values';
import { EvalError } from '../eval/errors';
import type { ActionLabel } from '../eval/scope';
import { printValue } from '../eval/print';
import { ModelRuntime, type State } from '../check/model/runtime';
import { ensureParser, FrontEndFailure, loadModules } from '../check/check';
import { buildModel, checkServices, readConfig } from '../check/model/setup';
import { matchValue } from './match';
import type {
  Disagreement,
  Divergence,
  LogEvent,
  LogMapping,
  ValidateProgress,
  ValidateResult,
} from './types';
import { toTraceValue } from '../trace/from-engine';

export interface ValidateHooks {
  /** Called about five times a second. */
  onProgress?: (p: ValidateProgress) => void;
  /** Polled as the search goes; true stops it with `stopped: 'cancelled'`. */
  shouldStop?: () => boolean;
}

/** A state of the spec reached while explaining the log. */
interface Node {
  s: State;
  /** Events consumed, per process stream. */
  pos: number[];
  parent: Node | null;
  label?: ActionLabel;
  /** The log event this step matches; -1 for an unlogged step; -2 for an unlogged initial state. */
  ev: number;
  /** The successors, once enumerated. */
  succ?: Succ[];
}

interface Succ {
  t: State;
  label: ActionLabel | undefined;
}

const DEFAULT_MAX_CANDIDATES = 100_000;
const PROGRESS_EVERY_MS = 200;

function labelText(l: ActionLabel): string {
  return l.params.length
    ? `${l.name}(${l.params.map((p) => printValue(p.value)).join(', ')})`
    : l.name;
}

/** A compiled model ready to validate logs against. */
export class Validation {
  readonly vars: string[];
  readonly initName: string;

  private constructor(private readonly rt: ModelRuntime) {
    this.vars = rt.vars;
    const init = rt.parts.init?.expr;
    this.initName = init?.kind === 'Ident' ? init.name : 'Init';
  }

  /** Compiles the model as `check` does (same config reading, same TLCGet answers). */
  static async open(req: CheckRequest): Promise<Validation> {
    await ensureParser();
    const config = readConfig(req);
    const modules = loadModules(req);
    const live: { rt?: ModelRuntime } = {};
    const services = checkServices(req, config, [], () => live.rt?.level ?? 0);
    const parts = buildModel(modules, config, services, req.mainModule);
    const rt = new ModelRuntime(parts, config);
    live.rt = rt;
    return new Validation(rt);
  }

  private key(s: State, pos: number[]): string {
    const h = new Hasher();
    for (const v of s) hashInto(h, v);
    const hi = h.finishHi();
    const lo = h.finishLo();
    return pos.length === 1 ? `${hi}:${lo}` : `${pos.join(',')}|${hi}:${lo}`;
  }

  private successors(n: Node): Succ[] {
    if (!n.succ) {
      const out: Succ[] = [];
      this.rt.successors(n.s, (t, label) =>
        out.push({ t, label: label ? { ...label, params: label.params.slice() } : undefined }),
      );
      n.succ = out;
    }
    return n.succ;
  }

  private varIndex = new Map<string, number>();
  private indexOfVar(name: string): number {
    let i = this.varIndex.get(name);
    if (i === undefined) {
      i = this.vars.indexOf(name);
      this.varIndex.set(name, i);
    }
    return i;
  }

  private varsMatch(e: LogEvent, s: State): boolean {
    for (const name in e.vars) {
      const i = this.indexOfVar(name);
      if (i < 0 || !matchValue(s[i], e.vars[name])) return false;
    }
    return true;
  }

  private labelMatches(e: LogEvent, l: ActionLabel | undefined): boolean {
    if (e.action !== undefined && (!l || l.name !== e.action)) return false;
    const p = e.params;
    if (p === undefined) return true;
    if (!l) return false;
    if (Array.isArray(p)) {
      if (p.length > l.params.length) return false;
      for (let i = 0; i < p.length; i++) if (!matchValue(l.params[i].value, p[i])) return false;
      return true;
    }
    for (const name in p) {
      const q = l.params.find((x) => x.name === name);
      if (!q || !matchValue(q.value, p[name])) return false;
    }
    return true;
  }

  private disagreements(
    e: LogEvent,
    s: State,
    l: ActionLabel | undefined,
    initial: boolean,
  ): Disagreement[] {
    const out: Disagreement[] = [];
    if (!initial && e.action !== undefined && e.action !== l?.name)
      out.push({ what: 'action', logged: e.action, spec: l?.name ?? 'stuttering' });
    if (!initial && e.params !== undefined) {
      const p = e.params;
      const entries: [string, unknown, number][] = Array.isArray(p)
        ? p.map((x, i) => [l?.params[i]?.name ?? String(i + 1), x, i])
        : Object.entries(p).map(([k, x]) => [k, x, l?.params.findIndex((q) => q.name === k) ?? -1]);
      for (const [name, logged, i] of entries) {
        const q = i >= 0 ? l?.params[i] : undefined;
        if (!q || !matchValue(q.value, logged))
          out.push({ what: `params.${name}`, logged, spec: q ? toTraceValue(q.value) : undefined });
      }
    }
    for (const name in e.vars) {
      const i = this.indexOfVar(name);
      if (i < 0 || !matchValue(s[i], e.vars[name]))
        out.push({
          what: name,
          logged: e.vars[name],
          spec: i < 0 ? undefined : toTraceValue(s[i]),
        });
    }
    return out;
  }

  private traceOf(last: Node): { trace: Trace; stepEvents: (number | null)[] } {
    const chain: Node[] = [];
    for (let n: Node | null = last; n; n = n.parent) chain.push(n);
    chain.reverse();
    const vars = this.vars;
    const steps: TraceStep[] = chain.map((n) =>
      n.label
        ? {
            action: n.label.name,
            params: n.label.params.map((p) => ({
              name: p.name,
              value: toTraceValue(p.value),
              ...(p.bound ? { bound: true } : {}),
            })),
            label: labelText(n.label),
            range: n.label.range,
          }
        : n.parent
          ? { action: 'Stuttering', params: [], label: 'Stuttering' }
          : {
              action: this.initName,
              params: [],
              label: 'Initial predicate',
              range: this.rt.parts.init?.expr.range,
            },
    );
    return {
      trace: {
        vars,
        states: chain.map((n) => Object.fromEntries(vars.map((v, i) => [v, toTraceValue(n.s[i])]))),
        steps,
      },
      stepEvents: chain.map((n) => (n.ev >= 0 ? n.ev : null)),
    };
  }

  /** Validates the events (in log order) against the spec. */
  async validate(
    events: LogEvent[],
    mapping: LogMapping = {},
    hooks: ValidateHooks = {},
  ): Promise<ValidateResult> {
    const started = Date.now();
    let maxCandidates = 0;
    const done = (
      r: Omit<ValidateResult, 'events' | 'maxCandidates' | 'durationMs'>,
    ): ValidateResult => ({
      events: events.length,
      maxCandidates,
      durationMs: Date.now() - started,
      ...r,
    });
    const rt = this.rt;
    const limit = mapping.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
    const maxSilent = mapping.maxSilentSteps ?? 0;
    const silentOk = mapping.silentActions ? new Set(mapping.silentActions) : undefined;

    // The streams: one per process when the events carry clocks, else the log in its order.
    const first = events[0];
    const initialEvent =
      first !== undefined &&
      (mapping.initialEvent === 'yes' ||
        ((mapping.initialEvent ?? 'auto') === 'auto' &&
          (first.action === undefined || first.action === this.initName) &&
          first.params === undefined));
    const rest = initialEvent ? events.slice(1) : events;
    let streams: LogEvent[][];
    const clocked = rest.some((e) => e.clock !== undefined);
    let kind: 'lamport' | 'vector' | undefined;
    if (!clocked) streams = [rest];
    else {
      const byProc = new Map<string, LogEvent[]>();
      for (const e of rest) {
        if (e.clock === undefined || e.process === undefined)
          return done({
            result: 'error',
            error: {
              message: `Event ${e.index + 1}${e.line ? ` (line ${e.line})` : ''} has no ${e.clock === undefined ? 'clock' : 'process'}: in a log merged by clocks, every event needs both`,
            },
          });
        const k = typeof e.clock === 'number' ? 'lamport' : 'vector';
        if (kind && kind !== k)
          return done({
            result: 'error',
            error: { message: 'The log mixes Lamport timestamps and vector clocks' },
          });
        kind = k;
        let s = byProc.get(e.process);
        if (!s) byProc.set(e.process, (s = []));
        s.push(e);
      }
      streams = [...byProc.values()];
    }
    const P = streams.length;
    /** Did `a` happen before `b` (so `b` cannot come first)? */
    const before = (a: LogEvent, b: LogEvent): boolean => {
      if (kind === 'lamport') return (a.clock as number) < (b.clock as number);
      const ca = a.clock as Record<string, number>;
      const cb = b.clock as Record<string, number>;
      let strict = false;
      for (const k in ca) {
        const x = ca[k];
        const y = cb[k] ?? 0;
        if (x > y) return false;
        if (x < y) strict = true;
      }
      for (const k in cb) if (!(k in ca) && cb[k] > 0) strict = true;
      return strict;
    };
    const eligible = (pos: number[], p: number): LogEvent | undefined => {
      const e = streams[p][pos[p]];
      if (!e || P === 1) return e;
      for (let q = 0; q < P; q++) {
        if (q === p) continue;
        const f = streams[q][pos[q]];
        if (f && before(f, e)) return undefined;
      }
      return e;
    };

    let lastProgress = Date.now();
    let consumed = 0;
    const tick = async (candidates: number): Promise<boolean> => {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_EVERY_MS) return false;
      lastProgress = now;
      hooks.onProgress?.({
        events: consumed + (initialEvent ? 1 : 0),
        totalEvents: events.length,
        candidates,
        elapsedMs: now - started,
      });
      await new Promise((r) => setTimeout(r, 0));
      return hooks.shouldStop?.() ?? false;
    };

    let current: Node | undefined;
    try {
      // Layer 0: the initial states (that fit the first event, if it describes one).
      let layer = new Map<string, Node>();
      const zero = new Array<number>(P).fill(0);
      const inits: State[] = [];
      rt.level = 0;
      rt.initStates((s) => inits.push(s));
      for (const s of inits) {
        if (initialEvent && !this.varsMatch(first, s)) continue;
        const k = this.key(s, zero);
        if (!layer.has(k)) layer.set(k, { s, pos: zero, parent: null, ev: initialEvent ? 0 : -2 });
      }
      if (layer.size === 0) {
        let best: { s: State; d: Disagreement[] } | undefined;
        for (const s of inits) {
          const d = this.disagreements(first, s, undefined, true);
          if (!best || d.length < best.d.length) best = { s, d };
        }
        const divergence: Divergence = {
          event: 0,
          ...(first.line !== undefined ? { line: first.line } : {}),
          explained: 0,
          logged: first,
          enabled: [],
          ...(best
            ? {
                closest: {
                  label: 'Initial predicate',
                  action: this.initName,
                  state: Object.fromEntries(this.vars.map((v, i) => [v, toTraceValue(best.s[i])])),
                  disagree: best.d,
                },
              }
            : {}),
        };
        return done({ result: 'divergence', divergence });
      }
      maxCandidates = layer.size;

      const total = rest.length;
      for (consumed = 0; consumed < total; consumed++) {
        // Unlogged steps first: every state up to maxSilent steps on is a candidate too.
        const expanded: Node[] = [...layer.values()];
        if (maxSilent > 0) {
          const seen = new Set(layer.keys());
          let frontier = expanded.slice();
          for (let d = 0; d < maxSilent && frontier.length; d++) {
            const next: Node[] = [];
            for (const n of frontier) {
              current = n;
              rt.level = 1;
              for (const { t, label } of this.successors(n)) {
                if (silentOk && (!label || !silentOk.has(label.name))) continue;
                const k = this.key(t, n.pos);
                if (seen.has(k)) continue;
                seen.add(k);
                const m: Node = { s: t, pos: n.pos, parent: n, label, ev: -1 };
                next.push(m);
                expanded.push(m);
              }
            }
            frontier = next;
            if (expanded.length > limit)
              return done({
                result: 'stopped',
                stopped: `More than ${limit} states of the spec fit the first ${consumed} events (with unlogged steps): raise maxCandidates in the mapping, or log more of the state`,
              });
          }
        }
        const next = new Map<string, Node>();
        for (const n of expanded) {
          current = n;
          for (let p = 0; p < P; p++) {
            const e = eligible(n.pos, p);
            if (!e) continue;
            const pos = P === 1 ? [n.pos[0] + 1] : n.pos.slice();
            if (P > 1) pos[p]++;
            if (
              mapping.stutter &&
              e.action === undefined &&
              e.params === undefined &&
              this.varsMatch(e, n.s)
            ) {
              const k = this.key(n.s, pos);
              if (!next.has(k)) next.set(k, { s: n.s, pos, parent: n, ev: e.index });
            }
            if (P === 1 && maxSilent === 0) {
              // One log, no unlogged steps: match as the successors come, keeping none of the others.
              rt.successors(n.s, (t, label) => {
                if (!this.labelMatches(e, label) || !this.varsMatch(e, t)) return;
                const k = this.key(t, pos);
                if (next.has(k)) return;
                const kept = label ? { ...label, params: label.params.slice() } : undefined;
                next.set(k, { s: t, pos, parent: n, label: kept, ev: e.index });
              });
              continue;
            }
            for (const { t, label } of this.successors(n)) {
              if (!this.labelMatches(e, label) || !this.varsMatch(e, t)) continue;
              const k = this.key(t, pos);
              if (!next.has(k)) next.set(k, { s: t, pos, parent: n, label, ev: e.index });
            }
          }
          // Successors are kept for unlogged steps only; the others are not needed again.
          if (maxSilent === 0) n.succ = undefined;
        }
        if (next.size === 0)
          return done(
            this.diverged(expanded, eligible, P, consumed + (initialEvent ? 1 : 0), mapping),
          );
        if (next.size > limit)
          return done({
            result: 'stopped',
            stopped: `More than ${limit} states of the spec fit the first ${consumed + 1} events: raise maxCandidates in the mapping, or log more of the state`,
          });
        if (next.size > maxCandidates) maxCandidates = next.size;
        // The nodes kept as parents need no successors any more.
        for (const n of expanded) n.succ = undefined;
        layer = next;
        if (await tick(layer.size)) return done({ result: 'stopped', stopped: 'cancelled' });
      }
      const last = layer.values().next().value as Node;
      hooks.onProgress?.({
        events: events.length,
        totalEvents: events.length,
        candidates: layer.size,
        elapsedMs: Date.now() - started,
      });
      return done({ result: 'behaviour', ...this.traceOf(last) });
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      const at = current ? this.traceOf(current) : undefined;
      return done({
        result: 'error',
        error: { message: e.message, range: e.range, ...(at ? { trace: at.trace } : {}) },
        ...(at ?? {}),
      });
    }
  }

  /** No candidate explains the next event: find the closest the spec comes. */
  private diverged(
    expanded: Node[],
    eligible: (pos: number[], p: number) => LogEvent | undefined,
    P: number,
    explained: number,
    mapping: LogMapping,
  ): Omit<ValidateResult, 'events' | 'maxCandidates' | 'durationMs'> {
    // The first event in log order that some candidate was waiting for.
    let event: LogEvent | undefined;
    for (const n of expanded)
      for (let p = 0; p < P; p++) {
        const e = eligible(n.pos, p);
        if (e && (!event || e.index < event.index)) event = e;
      }
    if (!event)
      return {
        result: 'error',
        error: { message: 'The clocks leave no event to take next (a cycle in happened-before)' },
      };
    let best: { n: Node; s: State; label?: ActionLabel; d: Disagreement[] } | undefined;
    for (const n of expanded) {
      let waiting = false;
      for (let p = 0; p < P; p++) if (eligible(n.pos, p) === event) waiting = true;
      if (!waiting) continue;
      for (const { t, label } of this.successors(n)) {
        const d = this.disagreements(event, t, label, false);
        if (!best || d.length < best.d.length) best = { n, s: t, label, d };
      }
      if (mapping.stutter && event.action === undefined) {
        const d = this.disagreements(event, n.s, undefined, true);
        if (!best || d.length < best.d.length) best = { n, s: n.s, d };
      }
    }
    // Without a successor at all, the state the log left the spec in is the closest.
    const from = best?.n ?? expanded[0];
    const { trace, stepEvents } = this.traceOf(from);
    const enabled = [
      ...new Set(
        this.successors(from).map((x) => (x.label ? labelText(x.label) : this.rt.nextName)),
      ),
    ];
    const divergence: Divergence = {
      event: event.index,
      ...(event.line !== undefined ? { line: event.line } : {}),
      explained,
      logged: event,
      enabled,
      ...(best
        ? {
            closest: {
              label: best.label ? labelText(best.label) : 'Stuttering',
              action: best.label?.name ?? 'Stuttering',
              state: Object.fromEntries(this.vars.map((v, i) => [v, toTraceValue(best.s[i])])),
              disagree: best.d,
            },
          }
        : {}),
    };
    return { result: 'divergence', divergence, trace, stepEvents };
  }
}

/** Compiles the model and validates the events; front-end and config errors come back as `error`. */
export async function validateEvents(
  req: CheckRequest,
  events: LogEvent[] | ((v: Validation) => LogEvent[]),
  mapping: LogMapping = {},
  hooks: ValidateHooks = {},
): Promise<ValidateResult> {
  let v: Validation;
  try {
    v = await Validation.open(req);
  } catch (e) {
    const base = { events: 0, maxCandidates: 0, durationMs: 0 };
    if (e instanceof FrontEndFailure) return { ...base, result: 'error', error: e.error };
    if (e instanceof EvalError)
      return { ...base, result: 'error', error: { message: e.message, range: e.range } };
    throw e;
  }
  return v.validate(typeof events === 'function' ? events(v) : events, mapping, hooks);
}
