import type { ExampleMeta } from '../types';

export const paymentRetry: ExampleMeta = {
  id: 'PaymentRetry',
  title: 'PaymentRetry: timeout, retry, double charge',
  summary: 'A checkout times out and retries; the card is charged twice.',
  description: [
    'A timeout does not tell the caller whether the charge happened. The service sends an attempt, stops waiting, and sends another; the gateway then receives both, and as each carries its own idempotency key it charges both: `NoDoubleCharge` fails.',
    'In the trace, look at `requests` after the second `Send`: two different keys for one order.',
  ],
  tags: ['retries', 'idempotency', 'violation', 'exercise'],
  mainModule: 'PaymentRetry',
  cfgFile: 'PaymentRetry.cfg',
  expected: { verdict: 'safety failure', violated: 'NoDoubleCharge', traceLength: 6 },
  goal: {
    task: 'Change the model so that NoDoubleCharge holds. The service must still time out and retry up to three times, and replies may still be lost.',
    invariants: ['NoDoubleCharge', 'PaidMeansCharged'],
    properties: [],
    keep: ['NoDoubleCharge', 'PaidMeansCharged', 'Next', 'Timeout', 'LoseReply', 'Gateway'],
    cfgKeeps: ['MaxAttempts = 3'],
    hints: [
      'The gateway already refuses to charge a key twice. Why does that not help here?',
      'Each attempt sends `RequestKey(attempt + 1)`: a new key per attempt. The gateway cannot tell a retry from a new order.',
      'Send the same key with every attempt of one order: `RequestKey(n) == OrderId`.',
    ],
    solution: [
      {
        file: 'PaymentRetry.tla',
        find: 'RequestKey(n) == n\n',
        replace: 'RequestKey(n) == OrderId\n',
      },
    ],
    solved: { verdict: 'success', distinctStates: 39 },
  },
};
