import type { ExampleMeta } from '../types';

export const idempotentQueue: ExampleMeta = {
  id: 'IdempotentQueue',
  title: 'IdempotentQueue: at-least-once delivery, forgotten keys',
  summary: 'The consumer deduplicates by key, then forgets the key while a retry can still arrive.',
  description: [
    'An at-least-once queue: the broker redelivers until acknowledged, the producer republishes until confirmed. The consumer skips keys it has seen, and drops old keys from its table. A key dropped while a copy can still arrive is processed twice.',
    'Each delivery looks idempotent on its own; the property `ProcessedAtMostOnce` is about the whole behaviour, so `processed` counts every run of the side effect. In the trace, see `seen` lose `k1` while `k1` is still in `queue`.',
  ],
  tags: ['retries', 'idempotency', 'violation', 'exercise'],
  mainModule: 'IdempotentQueue',
  cfgFile: 'IdempotentQueue.cfg',
  expected: { verdict: 'safety failure', violated: 'ProcessedAtMostOnce', traceLength: 5 },
  goal: {
    task: 'Keep forgetting keys (the table must not grow for ever), but make ProcessedAtMostOnce hold: change when Forget may drop a key.',
    invariants: ['ProcessedAtMostOnce'],
    properties: [],
    keep: [
      'ProcessedAtMostOnce',
      'Next',
      'Publish',
      'Republish',
      'Confirm',
      'Process',
      'ProcessAndAck',
      'ProcessAckLost',
    ],
    cfgKeeps: ['Keys = {k1, k2}'],
    hints: [
      'Which actions can bring a key back to the consumer after it was processed?',
      'The broker redelivers `k` while `k \\in queue`; the producer republishes `k` while `k \\notin confirmed`.',
      'Forget `k` only when neither can happen any more: add `/\\ k \\notin queue` and `/\\ k \\in confirmed` to Forget.',
    ],
    solution: [
      {
        file: 'IdempotentQueue.tla',
        find: "  /\\ k \\in seen\n  /\\ seen' = seen \\ {k}",
        replace:
          "  /\\ k \\in seen\n  /\\ k \\notin queue\n  /\\ k \\in confirmed\n  /\\ seen' = seen \\ {k}",
      },
    ],
    solved: { verdict: 'success', distinctStates: 64 },
  },
};
