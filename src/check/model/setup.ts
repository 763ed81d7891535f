/**
 * Turning a request into a compiled model, shared by `check`, `simulate` and `explore` so that
 * all three read the .cfg, order strings, answer TLCGet and evaluate ASSUMEs the same way (a path
 * found by one must replay under another).
 */
import type { Module, Unit } from '../../tla/ast/ast';
import { parseConfig } from '../../cfg/parse';
import type { ModelConfig, NamedEntry } from '../../cfg/types';
import type { CheckRequest } from '../contract/types';
import { type Value, RecordValue } from '../../core/values';
import { registerSourceStrings } from '../../core/string-order';
import { ConfigError, EvalError } from '../../eval/errors';
import { ModelBuilder, type ModelParts } from '../../eval/model';
import { builtinTable } from '../../eval/builtins';
import type { EvalServices } from '../../eval/builtins/types';
import { asBool } from '../../eval/compile-expr';
import { printValue } from '../../eval/print';

/**
 * Reads the request's .cfg; an error in it is an EvalError pointing at its line. The .cfg's
 * strings are registered before the modules' (loadModules), as TLC reads the .cfg first.
 */
export function readConfig(req: Pick<CheckRequest, 'cfg' | 'cfgName' | 'mainModule'>): ModelConfig {
  const cfgName = req.cfgName ?? `${req.mainModule}.cfg`;
  registerSourceStrings(req.cfg);
  const parsed = parseConfig(req.cfg, cfgName);
  if (parsed.errors.length || !parsed.config) {
    const e = parsed.errors[0];
    throw new ConfigError(
      e ? `${cfgName}:${e.range.start.line}: ${e.message}` : 'The model config could not be read',
      e?.range,
    );
  }
  return parsed.config;
}

/** What TLCGet("config") and TLCGet("level") answer in this run. */
export interface TlcRunInfo {
  mode: 'bfs' | 'simulate';
  /** TLC's -depth: -1 for a BFS. */
  depth: number;
  /** TLC's -num: -1 for a BFS. */
  traces: number;
  seed: number;
  deadlock: boolean;
  /** The level of the state being evaluated (0 before the search has one). */
  level: () => number;
  /**
   * The search's figures for TLCGet("stats"), "distinct", "generated", "queue", "diameter",
   * "duration": exact once it has finished (a POSTCONDITION), the last progress sample during it.
   */
  stats?: () => SearchStats;
  /**
   * TLCGet("stats") in a simulation: TLC's simulator's record (the behaviour's id and action
   * counts, traces, generated, ...), which differs from a model check's.
   */
  simulationStats?: () => Value;
  /**
   * TLCSet("exit", TRUE): the search ends after the state it is expanding, as TLC's does ("No
   * error has been found", states left on the queue). Absent where there is nothing to end
   * (explore, log validation, constants): there it does nothing.
   */
  exit?: () => void;
}

export interface SearchStats {
  distinct: number;
  generated: number;
  queue: number;
  diameter: number;
  /** Seconds since the search began. */
  duration: number;
  initial: number;
}

/** TLC's services as a model check (breadth-first) sees them; `level` is the search's current one. */
export function checkServices(
  req: CheckRequest,
  config: ModelConfig,
  output: string[],
  level: () => number,
  stats?: () => SearchStats,
  exit?: () => void,
): EvalServices {
  return tlcServices(output, {
    mode: 'bfs',
    depth: -1,
    traces: -1,
    seed: 0,
    deadlock: req.options?.checkDeadlock ?? config.checkDeadlock ?? true,
    level,
    stats,
    exit,
  });
}

/**
 * TLC's services for expressions evaluated outside a search (constant definitions of a test, an
 * oracle's batch): a model check's, at level 0.
 */
export function constantServices(output: string[] = []): EvalServices {
  return tlcServices(output, {
    mode: 'bfs',
    depth: -1,
    traces: -1,
    seed: 0,
    deadlock: true,
    level: () => 0,
  });
}

/** Print/PrintT output, TLCGet and TLCSet registers for one run. */
export function tlcServices(output: string[], run: TlcRunInfo): EvalServices {
  const registers = new Map<number, Value>();
  return {
    print: (line) => output.push(line),
    tlcGet: (k) => {
      if (typeof k === 'number') {
        const v = registers.get(k);
        // As TLC: reading a register that no TLCSet has set is an error.
        if (v === undefined)
          throw new EvalError(`TLCGet(${k}) is undefined: no TLCSet(${k}, …) has set it`);
        return v;
      }
      if (k === 'level') return run.level();
      // A spec may assert that TLC's \cdot support is switched on; ours always is.
      if (k === '-Dtlc2.tool.impl.Tool.cdot') return 'true';
      if (k === 'config') {
        return RecordValue.fromEntries([
          ['mode', run.mode],
          ['worker', 1],
          ['depth', run.depth],
          ['deadlock', run.deadlock],
          ['traces', run.traces],
          ['seed', run.seed],
          ['fingerprint', 0],
          ['install', ''],
        ]);
      }
      if (k === 'stats' && run.simulationStats) return run.simulationStats();
      const stats = run.stats?.() ?? {
        distinct: 0,
        generated: 0,
        queue: 0,
        diameter: 0,
        duration: 0,
        initial: 0,
      };
      if (
        k === 'distinct' ||
        k === 'generated' ||
        k === 'queue' ||
        k === 'diameter' ||
        k === 'duration'
      )
        return stats[k];
      if (k === 'stats') {
        // As TLC 2.20 prints it: [distinct, generated, queue, diameter, worker, duration, initial].
        return RecordValue.fromEntries([
          ['distinct', stats.distinct],
          ['generated', stats.generated],
          ['queue', stats.queue],
          ['diameter', stats.diameter],
          ['worker', 0],
          ['duration', stats.duration],
          ['initial', stats.initial],
        ]);
      }
      throw new EvalError(`TLCGet(${printValue(k)}) is not supported`);
    },
    tlcRegister: (i) => registers.get(i),
    tlcSet: (k, v) => {
      if (k === 'exit') {
        if (v === true) run.exit?.();
        return;
      }
      if (typeof k !== 'number')
        throw new EvalError('TLCSet expects an integer register or "exit"');
      registers.set(k, v);
    },
  };
}

/** Scopes, compiled definitions and the behaviour spec split into init, next and the rest. */
export function buildModel(
  modules: Map<string, Module>,
  config: ModelConfig,
  services: EvalServices,
  mainModule: string,
): ModelParts {
  const builder = new ModelBuilder(modules, config, builtinTable(), services);
  const parts = builder.build(mainModule);
  builder.specParts(parts);
  return parts;
}

/** The main module and the modules it extends, transitively, each once. */
export function extendedModules(modules: Map<string, Module>, main: string): Module[] {
  const out: Module[] = [];
  const visit = (name: string): void => {
    const m = modules.get(name);
    if (!m || out.includes(m)) return;
    out.push(m);
    for (const e of m.extends) visit(e.name);
  };
  visit(main);
  return out;
}

/**
 * The first ASSUME that does not hold, checked as TLC does before any state: those of the main
 * module and what it extends (instantiated modules' assumptions would need their substitutions).
 */
export function violatedAssumption(
  modules: Map<string, Module>,
  mainModule: string,
  parts: ModelParts,
): Extract<Unit, { kind: 'Assume' }> | undefined {
  const ctx = { s: [] as Value[], n: null, f: null };
  for (const m of extendedModules(modules, mainModule)) {
    for (const u of m.units) {
      if (u.kind !== 'Assume') continue;
      const ev = parts.compiler.topLevel(u.expr, parts.root);
      if (!asBool(ev(ctx), u.expr.range, 'assumption')) return u;
    }
  }
  return undefined;
}

/**
 * TLC's check of the .cfg's formulas before the search: an INVARIANT, CONSTRAINT,
 * ACTION_CONSTRAINT or PROPERTY whose definition is constant (it reads no variable) and FALSE is an
 * error, "The invariant of Inv is equal to FALSE", before any state (a constant TRUE one is
 * dropped; one that fails to evaluate is evaluated, and fails, at the first state).
 */
export function constantFalseFormula(
  parts: ModelParts,
  config: ModelConfig,
): { message: string; range: NamedEntry['range'] } | undefined {
  const ctx = { s: [] as Value[], n: null, f: null };
  const kinds: [string, NamedEntry[]][] = [
    ['invariant', config.invariants],
    ['constraint', config.constraints],
    ['action constraint', config.actionConstraints],
    ['property', config.properties],
  ];
  for (const [kind, entries] of kinds) {
    for (const entry of entries) {
      const b = parts.root.lookup(entry.name);
      if (
        !b ||
        b.k !== 'def' ||
        b.def.kind !== 'op' ||
        b.def.params.length > 0 ||
        !parts.compiler.isConstantDef(b.def)
      )
        continue;
      let v: Value;
      try {
        v = parts.compiler.topLevel(
          { kind: 'Ident', name: entry.name, range: entry.range },
          parts.root,
        )(ctx);
      } catch {
        continue;
      }
      if (v === false)
        return { message: `The ${kind} of ${entry.name} is equal to FALSE`, range: entry.range };
    }
  }
  return undefined;
}
