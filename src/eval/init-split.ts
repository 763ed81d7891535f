/**
 * Sharing the enumeration of the initial states between the workers of a parallel search
 * (check/parallel/) without any of them enumerating them all.
 *
 * Every worker runs the same enumeration. The loops of the initial predicate (`x \in S`, `\E`) nest;
 * the first time the enumeration reaches a nesting depth whose loops, multiplied down the first
 * path, make at least `64 · count` branches, the iterations of the loops at that depth are dealt out
 * in turn: the worker `branch mod count` takes the branch and the others skip it, with all the
 * work below it (for an initial predicate like `TypeOK /\ Inv`, the bulk). Above that depth every
 * worker runs everything, the same way, so they agree on the depth and on the branch numbers.
 *
 * A state gets the key (branch, index of the state in its branch), in the order of the sequential
 * enumeration, as the parallel search needs. A state met outside any dealt branch (before the depth
 * is decided, or above it) is a branch of its own.
 */
import { EvalError } from './errors';

/** States per branch and branches: keys below 2^53. */
const PER_BRANCH = 2 ** 26;
const MAX_BRANCHES = 2 ** 27;

export class InitSplit {
  /** Loop nesting now, and the deepest reached so far (before the dealt depth is decided). */
  private depth = 0;
  private deepest = 0;
  private product = 1;
  /** The nesting depth whose iterations are dealt out; 0 until decided. */
  private at = 0;
  /** The current branch. */
  private branch = -1;
  /** States met in the current branch. */
  private inBranch = 0;

  /**
   * `count` shares, of which this worker takes share `index`, or with `takes`, the shares it
   * says (a worker may take several: the parallel search deals out more shares than workers).
   */
  constructor(
    readonly count: number,
    readonly index: number,
    private readonly goal = 64 * count,
    private readonly takes?: (share: number) => boolean,
  ) {}

  /** Whether the enumeration reached a depth whose iterations are dealt out. */
  get dealt(): boolean {
    return this.at !== 0;
  }

  private mine(): boolean {
    const share = this.branch % this.count;
    return this.takes ? this.takes(share) : share === this.index;
  }

  /** Entering a loop over `size` choices. */
  enter(size: number): void {
    this.depth++;
    if (this.at === 0 && this.depth > this.deepest) {
      this.deepest = this.depth;
      if (size > 1) this.product *= size;
      if (this.product >= this.goal) this.at = this.depth;
    }
  }

  leave(): void {
    this.depth--;
  }

  /** At an iteration of a loop: whether this worker runs it. */
  take(): boolean {
    if (this.depth !== this.at) return true;
    this.newBranch();
    return this.mine();
  }

  /** At a state of the enumeration: its key if this worker takes it, else -1. */
  state(): number {
    if (this.at === 0 || this.depth < this.at) {
      this.newBranch();
      if (!this.mine()) return -1;
    }
    if (this.inBranch === PER_BRANCH)
      throw new EvalError(
        `More than ${PER_BRANCH} initial states in one branch of the enumeration: check this model with one worker`,
      );
    return this.branch * PER_BRANCH + this.inBranch++;
  }

  /** The key the next state would get (for an error met between states; the loops leave the split as it was at an error). */
  nextKey(): number {
    if (this.at === 0 || this.depth < this.at) return (this.branch + 1) * PER_BRANCH;
    return this.branch * PER_BRANCH + this.inBranch;
  }

  private newBranch(): void {
    this.branch++;
    this.inBranch = 0;
    if (this.branch === MAX_BRANCHES)
      throw new EvalError(
        `More than ${MAX_BRANCHES} branches in the enumeration of the initial states: check this model with one worker`,
      );
  }
}
