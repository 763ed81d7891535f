/**
 * The trace viewer's keys: ←/→ or k/j one step (↑/↓ too, as in the step list), PageUp/PageDown ten
 * steps, Home/End the first and last state. Keys typed into a field or with a modifier are not
 * steps.
 */
const moves: Record<string, (current: number, count: number) => number> = {
  ArrowLeft: (i) => i - 1,
  ArrowUp: (i) => i - 1,
  k: (i) => i - 1,
  ArrowRight: (i) => i + 1,
  ArrowDown: (i) => i + 1,
  j: (i) => i + 1,
  PageUp: (i) => i - 10,
  PageDown: (i) => i + 10,
  Home: () => 0,
  End: (_, count) => count - 1,
};

export interface StepKey {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** The element the key went to. */
  target?: { tagName?: string; isContentEditable?: boolean } | null;
}

/** The state a key moves the selection to, or undefined when the key is not a step. */
export function stepForKey(event: StepKey, current: number, count: number): number | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey || count === 0) return undefined;
  const tag = event.target?.tagName;
  if (
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    event.target?.isContentEditable
  ) {
    return undefined;
  }
  const move = moves[event.key];
  if (!move) return undefined;
  return Math.max(0, Math.min(count - 1, move(current, count)));
}
