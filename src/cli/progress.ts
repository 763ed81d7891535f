/**
 * The live progress line on a terminal: one line on stderr, rewritten in place, so that stdout keeps
 * only the report (and the `--json` object stays its last line). Off when stderr is not a TTY.
 */
import type { Progress } from '../check/contract/types';

const number = new Intl.NumberFormat('en-US');

export function progressText(p: Progress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(p.generatedStates / seconds) : 0;
  // Short enough for an 80-column terminal.
  return (
    `Progress: ${number.format(p.generatedStates)} generated, ${number.format(p.distinctStates)} distinct, ` +
    `${number.format(p.queueSize)} queued, depth ${p.depth}, ${seconds.toFixed(1)}s, ${number.format(rate)}/s`
  );
}

export interface ProgressLine {
  update(p: Progress): void;
  /** Erases the line before the report is printed. */
  clear(): void;
}

export function progressLine(stream: NodeJS.WriteStream): ProgressLine {
  if (!stream.isTTY) return { update: () => {}, clear: () => {} };
  let shown = false;
  return {
    update(p) {
      const width = stream.columns ?? 120;
      stream.write('\r' + progressText(p).slice(0, width - 1) + '\x1b[K');
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
