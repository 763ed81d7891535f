/**
 * What a suite of generated behaviours exercises: how often each action was taken, with which
 * parameter values, and how many distinct states each depth reached. `simulate --out-itf` writes
 * it beside the ITF files (coverage.json) so that a team sees what its generated tests cover.
 */
import type { Trace } from '../check/contract/types';
import { Hasher } from '../core/fingerprint';
import { canonicalStateKey } from '../trace/keys';
import { printValueOneLine } from '../trace/print';

export interface CoverageReport {
  behaviours: number;
  steps: number;
  /** Per action, most taken first: steps, behaviours that took it, and each parameter's values. */
  actions: {
    name: string;
    steps: number;
    behaviours: number;
    params: { name: string; values: { value: string; steps: number }[] }[];
  }[];
  /** `statesPerDepth[d]`: distinct states at depth d (0: the initial states) over all behaviours. */
  statesPerDepth: number[];
  distinctStates: number;
}

interface ActionCount {
  steps: number;
  behaviours: number;
  params: Map<string, Map<string, number>>;
}

export class Coverage {
  private behaviours = 0;
  private steps = 0;
  private readonly actions = new Map<string, ActionCount>();
  private readonly depths: Set<string>[] = [];
  private readonly all = new Set<string>();

  /** Counts one behaviour. States are kept as 64-bit hashes of their canonical form. */
  add(trace: Trace): void {
    this.behaviours++;
    const taken = new Set<string>();
    trace.states.forEach((state, d) => {
      const h = new Hasher();
      h.string(canonicalStateKey(state));
      const key = `${h.finishHi()}:${h.finishLo()}`;
      (this.depths[d] ??= new Set()).add(key);
      this.all.add(key);
      if (d === 0) return;
      this.steps++;
      const step = trace.steps[d];
      if (!step) return;
      let a = this.actions.get(step.action);
      if (!a) this.actions.set(step.action, (a = { steps: 0, behaviours: 0, params: new Map() }));
      a.steps++;
      if (!taken.has(step.action)) {
        taken.add(step.action);
        a.behaviours++;
      }
      for (const p of step.params) {
        let values = a.params.get(p.name);
        if (!values) a.params.set(p.name, (values = new Map()));
        const v = printValueOneLine(p.value);
        values.set(v, (values.get(v) ?? 0) + 1);
      }
    });
  }

  report(): CoverageReport {
    return {
      behaviours: this.behaviours,
      steps: this.steps,
      actions: [...this.actions.entries()]
        .sort((x, y) => y[1].steps - x[1].steps || (x[0] < y[0] ? -1 : 1))
        .map(([name, a]) => ({
          name,
          steps: a.steps,
          behaviours: a.behaviours,
          params: [...a.params.entries()].map(([p, values]) => ({
            name: p,
            values: [...values.entries()]
              .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
              .map(([value, steps]) => ({ value, steps })),
          })),
        })),
      statesPerDepth: this.depths.map((s) => s.size),
      distinctStates: this.all.size,
    };
  }
}

const number = new Intl.NumberFormat('en-US');

/** A few lines for a terminal. */
export function coverageLines(c: CoverageReport): string[] {
  const actions = c.actions.map((a) => {
    const params = a.params
      .map(
        (p) =>
          `${p.name}: ${p.values.map((v) => `${v.value} ×${number.format(v.steps)}`).join(', ')}`,
      )
      .join('; ');
    return `  ${a.name}: ${number.format(a.steps)} steps in ${number.format(a.behaviours)} behaviours${params ? ` (${params})` : ''}`;
  });
  return [
    `Coverage: ${c.actions.length} actions taken in ${number.format(c.steps)} steps of ${number.format(c.behaviours)} behaviours:`,
    ...actions,
    `Distinct states per depth: ${c.statesPerDepth.map((n) => number.format(n)).join(', ')}; ${number.format(c.distinctStates)} distinct states in all.`,
  ];
}
