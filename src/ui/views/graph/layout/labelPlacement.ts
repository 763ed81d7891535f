/**
 * Greedy label placement without overlaps: each label, in priority order, takes the first of its
 * candidate positions whose box touches no node and no label placed before it; a label with no
 * free position is left out (its edge still shows its action by colour, and the legend names it).
 * Boxes are looked up in a uniform grid, so placing thousands of labels stays linear.
 */
import type { Box, Point } from './edgeShapes';

export interface LabelRequest {
  text: string;
  /** Centres to try, best first. */
  candidates: Point[];
}

/** Monospace glyphs are 0.6 em wide, so a label's width is known without measuring text. */
export function labelBox(text: string, at: Point, fontSize: number): Box {
  return { x: at.x, y: at.y, width: text.length * fontSize * 0.6 + 4, height: fontSize + 2 };
}

class BoxGrid {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly cell: number) {}

  private keys(b: Box): string[] {
    const c = this.cell;
    const keys: string[] = [];
    const x0 = Math.floor((b.x - b.width / 2) / c);
    const x1 = Math.floor((b.x + b.width / 2) / c);
    const y0 = Math.floor((b.y - b.height / 2) / c);
    const y1 = Math.floor((b.y + b.height / 2) / c);
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) keys.push(`${i},${j}`);
    return keys;
  }

  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  hits(b: Box): boolean {
    for (const k of this.keys(b)) {
      for (const o of this.cells.get(k) ?? []) {
        if (
          Math.abs(o.x - b.x) * 2 < o.width + b.width &&
          Math.abs(o.y - b.y) * 2 < o.height + b.height
        )
          return true;
      }
    }
    return false;
  }
}

/** Each request's chosen centre, or undefined; `requests` are in priority order. */
export function placeLabels(
  requests: LabelRequest[],
  obstacles: Box[],
  fontSize: number,
): (Point | undefined)[] {
  const grid = new BoxGrid(Math.max(16, fontSize * 4));
  for (const o of obstacles) grid.add(o);
  return requests.map((r) => {
    for (const at of r.candidates) {
      const box = labelBox(r.text, at, fontSize);
      if (grid.hits(box)) continue;
      grid.add(box);
      return at;
    }
    return undefined;
  });
}
