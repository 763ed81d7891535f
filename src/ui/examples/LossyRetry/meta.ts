import type { ExampleMeta } from '../types';

export const lossyRetry: ExampleMeta = {
  id: 'LossyRetry',
  title: 'LossyRetry: retrying is not enough without fairness',
  summary: 'Resend until delivered, over a lossy link: does the message get through?',
  description: [
    'A liveness property, `Delivered == <>delivered`, and a counterexample that is a loop: the message is sent, lost, sent again, lost again, for ever. Weak fairness of `Receive` does not rule that out, because `Receive` is never enabled for ever: `Lose` keeps disabling it.',
    'The trace view marks where the behaviour loops back. Whether retries succeed is an assumption about the link, written as fairness.',
  ],
  tags: ['liveness', 'fairness', 'retries', 'violation', 'exercise'],
  mainModule: 'LossyRetry',
  cfgFile: 'LossyRetry.cfg',
  expected: { verdict: 'liveness failure', violated: 'Delivered', traceLength: 2, loopsBackTo: 0 },
  goal: {
    task: 'Make Delivered hold while the link can still lose the message: change what the model assumes about Receive.',
    invariants: [],
    properties: ['Delivered'],
    keep: ['Delivered', 'Next', 'Send', 'Lose', 'Receive'],
    cfgKeeps: [],
    hints: [
      'In the loop, how often is `Receive` enabled? Always, or again and again?',
      'WF (weak fairness) needs an action enabled continuously; SF (strong fairness) only infinitely often.',
      'Assume a link that delivers some of infinitely many retries: `SF_vars(Receive)`.',
    ],
    solution: [{ file: 'LossyRetry.tla', find: 'WF_vars(Receive)', replace: 'SF_vars(Receive)' }],
    solved: { verdict: 'success', distinctStates: 3 },
  },
};
