import type { ExampleMeta } from '../types';

export const staleReconcile: ExampleMeta = {
  id: 'StaleReconcile',
  title: 'StaleReconcile: a control loop on a stale cache',
  summary: 'A controller acts twice on the same stale read and runs over the quota.',
  description: [
    'A reconcile loop compares its cached pod count with the desired count and creates or deletes one pod per pass. The cache is filled by a watch stream, later. After a pod dies and the cache has seen it, the loop creates a pod, and on its next pass still reads the old count: it creates another, over `Quota`.',
    'In the trace, compare `pods` and `cache` at the two `Reconcile` steps. Real controllers guard against this with "expectations" (do not act until the cache has seen your own last write) or with writes conditional on the version read.',
  ],
  tags: ['distributed', 'violation'],
  mainModule: 'StaleReconcile',
  cfgFile: 'StaleReconcile.cfg',
  expected: { verdict: 'safety failure', violated: 'WithinQuota', traceLength: 5 },
};
