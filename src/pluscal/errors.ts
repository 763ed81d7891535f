/**
 * Errors in an algorithm, reported as pcal.trans reports them: the message is the translator's own
 * text (`Missing label at the following location:\n     line 8, column 2`), and the position, when
 * the message has one, is read back from it so that an editor can mark the range.
 */

export interface PlusCalPosition {
  /** 1-based line of the module. */
  line: number;
  /** 1-based column, counting a tab as the spaces up to the next multiple of 8 (as pcal.trans). */
  column: number;
}

export class PlusCalError extends Error {
  /** Where the message says the error is (its first `line L, column C`), if it says. */
  readonly position: PlusCalPosition | undefined;

  constructor(message: string, position?: PlusCalPosition) {
    super(message);
    this.name = 'PlusCalError';
    this.position = position ?? positionIn(message);
  }

  /** The text pcal.trans prints for this error. */
  report(): string {
    return `\nUnrecoverable error:\n -- ${this.message}.\n`;
  }
}

/** The first `line L, column C` of a message. */
export function positionIn(message: string): PlusCalPosition | undefined {
  const m = /line (\d+), column (\d+)/.exec(message);
  if (!m) return undefined;
  return { line: Number(m[1]), column: Number(m[2]) };
}

/**
 * An internal inconsistency (pcal.trans: "You have discovered a bug in pcal.trans"). Kept apart
 * from PlusCalError so that a test can tell a translator bug from an error in the algorithm.
 */
export class PlusCalBug extends Error {
  constructor(message: string) {
    super(`internal error in the PlusCal translator: ${message}`);
    this.name = 'PlusCalBug';
  }
}
