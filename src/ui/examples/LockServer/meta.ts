import type { ExampleMeta } from '../types';

export const lockServer: ExampleMeta = {
  id: 'LockServer',
  title: 'LockServer: a lease runs out mid-update',
  summary: 'A paused client still believes it holds the lock; an update is lost.',
  description: [
    'A lease-based lock protects a read-modify-write of a counter. Client `c1` takes the lock, the lease runs out while it pauses, `c2` takes the lock too, and both write `local + 1`: one increment is lost and `NoLostUpdate` fails.',
    "In the trace, watch `holder` (the server's view) against `pc` (each client's view) after `Expire`. The lock server alone cannot prevent this; the storage must take part.",
  ],
  tags: ['distributed', 'crash', 'violation', 'exercise'],
  mainModule: 'LockServer',
  cfgFile: 'LockServer.cfg',
  expected: { verdict: 'safety failure', violated: 'NoLostUpdate', traceLength: 8 },
  goal: {
    task: 'Make NoLostUpdate hold while leases still expire. Change what the storage accepts (StorageAccepts); the clients and the lock server stay as they are.',
    invariants: ['NoLostUpdate'],
    properties: [],
    keep: ['NoLostUpdate', 'Next', 'Expire', 'Acquire', 'Read', 'Write'],
    cfgKeeps: ['Clients = {c1, c2}', 'MaxGrants = 3'],
    hints: [
      'Find the state where two clients both have `pc` "read". What does the storage know that the clients do not?',
      'Tokens grow with every grant, and the storage remembers the newest one it has seen in `fence`.',
      'A request whose token is older than `fence` comes from a client whose lease has run out: refuse it (a fencing token). `StorageAccepts(t) == t >= fence`.',
    ],
    solution: [
      {
        file: 'LockServer.tla',
        find: 'StorageAccepts(t) == TRUE',
        replace: 'StorageAccepts(t) == t >= fence',
      },
    ],
    solved: { verdict: 'success', distinctStates: 169 },
  },
};
