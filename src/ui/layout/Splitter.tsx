/**
 * A draggable divider between two panes. It reports pointer positions; the parent turns them
 * into a size, since only it knows the geometry of its panes. Arrow keys move it too.
 */
import type { KeyboardEvent, PointerEvent } from 'react';

interface SplitterProps {
  /** `vertical`: a vertical bar resizing left/right; `horizontal`: a bar resizing up/down. */
  orientation: 'vertical' | 'horizontal';
  label: string;
  onMove(pointer: { x: number; y: number }): void;
  /** One arrow key press: -1 towards the start (left/up), +1 towards the end. */
  onStep(direction: -1 | 1): void;
}

export function Splitter({ orientation, label, onMove, onStep }: SplitterProps) {
  const down = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const move = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      onMove({ x: event.clientX, y: event.clientY });
    }
  };
  const key = (event: KeyboardEvent<HTMLDivElement>) => {
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    if (event.key === back || event.key === forward) {
      event.preventDefault();
      onStep(event.key === back ? -1 : 1);
    }
  };
  return (
    <div
      className={`splitter splitter--${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      tabIndex={0}
      onPointerDown={down}
      onPointerMove={move}
      onKeyDown={key}
    />
  );
}
