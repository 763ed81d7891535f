/**
 * How the workers of a shared search reach each other (parallel/search.ts): a port to every other
 * worker. Kept apart from the search so that the pool, on the page's thread, loads none of the
 * engine to wire them.
 */
/** What a worker needs of a MessagePort (browser) or a worker_threads MessagePort (Node). */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  close(): void;
}

export interface ParallelNet {
  /** This worker's index; 0 leads. */
  index: number;
  count: number;
  /** One port per other worker (undefined at `index`). */
  ports: (PortLike | undefined)[];
  /**
   * The leader's, when its host starts the peers only on demand (the CLI): called (perhaps more
   * than once) when the search proves long enough to share. Without it the peers start with the
   * leader.
   */
  wake?: () => void;
  /**
   * The leader's thread's CPU time in ms, when its host has it (the CLI, on Linux): whether a
   * level is long enough to share is then judged by the work it took, the same on a loaded
   * machine as on a quiet one, rather than by the wall clock.
   */
  cpuMs?: () => number;
}

/**
 * The nets of `count` workers: a MessageChannel between every two, each end given to one of them.
 * (Node's worker_threads and browsers both have a global MessageChannel.)
 */
export function channelNets(count: number): ParallelNet[] {
  const ports: (MessagePort | undefined)[][] = Array.from({ length: count }, () =>
    new Array<MessagePort | undefined>(count).fill(undefined),
  );
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const channel = new MessageChannel();
      ports[i][j] = channel.port1;
      ports[j][i] = channel.port2;
    }
  }
  return ports.map((p, index) => ({ index, count, ports: p }));
}
