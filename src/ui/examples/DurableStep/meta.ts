import type { ExampleMeta } from '../types';

export const durableStep: ExampleMeta = {
  id: 'DurableStep',
  title: 'DurableStep: a side effect re-run after a crash',
  summary: 'A workflow step is skipped once done, but a crash mid-call re-runs it with a new key.',
  description: [
    'A durable-execution engine checkpoints each step after it returns and skips done steps on replay. A crash after the call reached the service but before the "done" checkpoint makes the worker call again; the key of that attempt lived only in memory, so the rerun gets a fresh key and the service applies the effect twice: `EffectAtMostOnce` fails.',
    'The model also checks the liveness property `Completes` (under weak fairness): the workflow always finishes despite crashes. In the trace, follow `key` and `applied` across the `Crash` step.',
  ],
  tags: ['crash', 'retries', 'idempotency', 'liveness', 'violation', 'exercise'],
  mainModule: 'DurableStep',
  cfgFile: 'DurableStep.cfg',
  expected: { verdict: 'safety failure', violated: 'EffectAtMostOnce', traceLength: 6 },
  goal: {
    task: 'Make EffectAtMostOnce hold, with Completes still holding and the worker still crashing: write a "started" checkpoint before the call (BeginStep).',
    invariants: ['EffectAtMostOnce'],
    properties: ['Completes'],
    keep: ['EffectAtMostOnce', 'Completes', 'Spec', 'Next', 'Begin', 'Call', 'Return', 'Crash'],
    cfgKeeps: ['Steps = {1, 2}', 'MaxCrashes = 2'],
    hints: [
      'After a crash the worker has lost `key`. What would the service need to recognise the rerun as a retry?',
      "The `started` variable is durable and unused: it can hold the key of a step's first attempt.",
      "In BeginStep: if `started[s] # 0`, reuse `key' = started[s]`; otherwise take a fresh key and record it: `started' = [started EXCEPT ![s] = nextKey]`.",
    ],
    solution: [
      {
        file: 'DurableStep.tla',
        find: "BeginStep(s) ==\n  /\\ key' = nextKey\n  /\\ nextKey' = nextKey + 1\n  /\\ UNCHANGED started\n",
        replace:
          "BeginStep(s) ==\n  IF started[s] # 0\n  THEN /\\ key' = started[s]\n       /\\ UNCHANGED <<nextKey, started>>\n  ELSE /\\ key' = nextKey\n       /\\ nextKey' = nextKey + 1\n       /\\ started' = [started EXCEPT ![s] = nextKey]\n",
      },
    ],
    solved: { verdict: 'success', distinctStates: 41 },
  },
};
