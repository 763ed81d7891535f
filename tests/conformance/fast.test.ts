/**
 * The fast part of the conformance suite, inside `npm test`: small corpus models and state graphs
 * that we check exactly as TLC does, checked in-process in a few seconds. Every entry agreed with
 * TLC when it was added; a failure here is a regression. The full comparison is
 * `npm run conformance`.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/check';
import type { CheckResult } from '../../src/check/contract/types';
import { loadModel } from '../../src/cli/load-model';
import { keyedGraph, readTlcDot } from '../../src/formats/dot';
import { compareGraphs, compareModel } from '../../scripts/conformance/compare';
import {
  EXAMPLES,
  listGraphCases,
  readExpected,
  STATEGRAPHS,
} from '../../scripts/conformance/corpus';

/** Configs (paths under examples/) of models we agree with TLC on, small enough to run in a test. */
const MODELS: string[] = [
  'DieHard/DieHard.cfg',
  'N-Queens/Queens.toolbox/FourQueens/MC.cfg',
  'spanning/MC_spanning.cfg',
  'CigaretteSmokers/CigaretteSmokers.cfg',
  'Paxos/MCConsensus.cfg',
  'SpecifyingSystems/AsynchronousInterface/AsynchInterface.cfg',
  'SpecifyingSystems/HourClock/HourClock.cfg',
  'SpecifyingSystems/TLC/ABCorrectness.cfg',
  'SpecifyingSystems/CachingMemory/MCInternalMemory.cfg',
  'transaction_commit/TCommit.cfg',
  'transaction_commit/TwoPhase.cfg',
  'locks_auxiliary_vars/Lock.cfg',
  // PROPERTIES: liveness under fairness, a liveness violation (lasso), a refinement and leads-to.
  'DiningPhilosophers/DiningPhilosophers.cfg',
  'FiniteMonotonic/MCDistributedReplicatedLog.cfg',
  'SpecifyingSystems/TLC/MCAlternatingBit.cfg',
];

/** State-graph specs (stategraphs/X) whose reachable graph equals TLC's. */
const GRAPHS: string[] = [
  'DieHard',
  'EWD998_bounded1',
  'Elevator',
  'Paxos_1a',
  'Prisoners',
  'ShardTxn',
  'TwoPhase',
  'empty_domain_and_seq',
  'simple_extends_instance_def_parameterized_var_subst_no_clash',
  'simple_lambda',
  'simple_quant_multi',
  'simple_seq_update',
  'simple_strings',
  'simple_subset',
  'simple_tlc_fn',
  'tla_case_with_state_assignment',
];

async function check(
  spec: string,
  config: string,
  options: { collectGraph?: boolean; checkDeadlock?: boolean } = {},
): Promise<CheckResult> {
  const model = loadModel(spec, config, []);
  return checkModel(
    {
      files: model.files,
      mainModule: model.mainModule,
      cfg: model.cfgText,
      cfgName: basename(config),
      options: { workers: 1, ...options },
    },
    {},
  );
}

describe('conformance with TLC (fast selection)', () => {
  const expected = readExpected();
  for (const config of MODELS) {
    it(`model ${config}`, async () => {
      const m = expected.find((e) => e.config === config);
      if (!m) throw new Error(`${config} is not in expected.tsv`);
      const r = await check(join(EXAMPLES, m.module), join(EXAMPLES, m.config));
      const trace = r.trace ?? r.error?.trace;
      const comparison = compareModel(m, {
        ...r,
        traceLength: trace?.states.length,
        error: r.error?.message,
      });
      expect(comparison).toEqual({ status: 'match', reasons: [] });
      if (m.result === 'success') expect(r.generatedStates).toBe(m.generatedStates);
    });
  }

  const cases = listGraphCases();
  for (const name of GRAPHS) {
    it(`state graph ${name}`, async () => {
      const g = cases.find((c) => c.name === name);
      if (!g) throw new Error(`${name} is not in ${STATEGRAPHS}`);
      const r = await check(g.spec, g.cfg, { collectGraph: true, checkDeadlock: false });
      expect(r.error?.message).toBeUndefined();
      const c = compareGraphs(
        readTlcDot(readFileSync(g.dot, 'utf8')),
        keyedGraph(r.graph ?? { states: [], edges: [], truncated: false }),
      );
      expect(c).toMatchObject({ match: true });
    });
  }
});
