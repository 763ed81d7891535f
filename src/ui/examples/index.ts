/**
 * The example gallery. Examples are bundled as text: the one loaded at start must not cost a
 * round trip before the editor has something to show. Each example's folder holds its spec, its
 * model and `meta.ts` (description, tags, stated result, exercise); examples.test.ts checks
 * every stated result with the engine.
 */
import { dieHard } from './DieHard/meta';
import { durableStep } from './DurableStep/meta';
import { ewd998 } from './EWD998/meta';
import { idempotentQueue } from './IdempotentQueue/meta';
import { lockServer } from './LockServer/meta';
import { lossyRetry } from './LossyRetry/meta';
import { paxos } from './Paxos/meta';
import { paymentRetry } from './PaymentRetry/meta';
import { staleReconcile } from './StaleReconcile/meta';
import { twoPhase } from './TwoPhase/meta';
import type { Example } from './types';

export type { Edit, Example, ExampleTag, ExpectedResult, Goal } from './types';

export const examples: Example[] = [
  dieHard,
  twoPhase,
  paxos,
  lockServer,
  idempotentQueue,
  staleReconcile,
  durableStep,
  paymentRetry,
  ewd998,
  lossyRetry,
];

export const defaultExample = examples[0];
