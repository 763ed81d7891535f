/**
 * The state tree as a flat list of rows: the variables, and the parts of every opened value below
 * them, with their changes. The view renders only the rows in sight (virtualWindow.ts), so a step
 * costs the same whatever is opened; this function does the walking, and only into opened values.
 */
import { removedId, type ValueDiff } from './stateDiff';
import { fieldId, keyText, partsOf, pathSegment, tableColumns, type ValuePart } from './valueParts';
import type { TraceState, TraceValue } from '../../../trace/value';
import { compositeKind, partCount } from '../../../trace/view';

interface RowBase {
  /** Unique among the rows, stable from step to step (React key, expansion key). */
  id: string;
  depth: number;
}

export interface ValueRow extends RowBase {
  kind: 'value';
  /** A variable, a field, a key; none for a set element. */
  label?: string;
  variable: boolean;
  /** `rmState[r1]`, `msgs element 2`: names the row for screen readers. */
  path: string;
  value: TraceValue;
  diff?: ValueDiff;
  expandable: boolean;
  expanded: boolean;
}

export interface TableHeadRow extends RowBase {
  kind: 'tableHead';
  columns: string[];
  keyed: boolean;
}

export interface TableRow extends RowBase {
  kind: 'tableRow';
  columns: string[];
  /** The key of a function's or sequence's entry; none in a set. */
  label?: string;
  value: Record<string, TraceValue>;
  diff?: ValueDiff;
}

export interface MoreRow extends RowBase {
  kind: 'more';
  /** The id of the value whose parts are cut short. */
  parent: string;
  hidden: number;
}

export type TreeRow = ValueRow | TableHeadRow | TableRow | MoreRow;

export interface TreeInput {
  state: TraceState;
  /** The variables to show, in order (pinned first, hidden left out). */
  vars: string[];
  diff: Map<string, ValueDiff>;
  /** Ids of opened values. */
  expanded: ReadonlySet<string>;
  /** How many parts of a value (by id) to list; `partsPage` when absent. */
  shownParts?: ReadonlyMap<string, number>;
  onlyChanged: boolean;
}

/** Parts listed at first when a value is opened; more on request. */
export const partsPage = 500;

const SEP = '\u0001';

export function treeRows(input: TreeInput): TreeRow[] {
  const rows: TreeRow[] = [];
  for (const name of input.vars) {
    addValue(rows, input, {
      id: name,
      depth: 0,
      label: name,
      variable: true,
      path: name,
      value: input.state[name],
      diff: input.diff.get(name),
    });
  }
  return rows;
}

type Node = Omit<ValueRow, 'kind' | 'expandable' | 'expanded'>;

function addValue(rows: TreeRow[], input: TreeInput, node: Node): void {
  const expandable = compositeKind(node.value) !== undefined;
  const expanded = expandable && input.expanded.has(node.id);
  rows.push({ kind: 'value', ...node, expandable, expanded });
  if (expanded) addParts(rows, input, node);
}

function addParts(rows: TreeRow[], input: TreeInput, node: Node): void {
  const { diff } = node;
  const setLike = compositeKind(node.value) === 'set';
  let parts = partsOf(node.value);
  if (input.onlyChanged && diff?.parts) parts = parts.filter((p) => diff.parts!.has(p.id));
  const limit = input.shownParts?.get(node.id) ?? partsPage;
  const hidden = Math.max(0, parts.length - limit);
  parts = parts.slice(0, limit);
  const removed = [...(diff?.parts?.values() ?? [])].filter((d) => d.change === 'removed');
  const depth = node.depth + 1;
  const child = (p: ValuePart, index: number, d?: ValueDiff, removedRow = false): Node => ({
    id: `${node.id}${SEP}${removedRow ? removedId(p.id) : p.id}`,
    depth,
    label: setLike ? undefined : keyText(p),
    variable: false,
    path: setLike ? `${node.path} element ${index + 1}` : `${node.path}${pathSegment(p)}`,
    value: p.value,
    diff: d,
  });

  const columns = tableColumns(node.value);
  if (columns) {
    rows.push({ kind: 'tableHead', id: `${node.id}${SEP}#head`, depth, columns, keyed: !setLike });
    const tableRow = (n: Node): TableRow => ({
      kind: 'tableRow',
      id: n.id,
      depth,
      columns,
      label: n.label,
      value: n.value as Record<string, TraceValue>,
      diff: n.diff,
    });
    parts.forEach((p, i) => rows.push(tableRow(child(p, i, diff?.parts?.get(p.id)))));
    removed.forEach((d, i) => rows.push(tableRow(child(d.removedPart!, i, d, true))));
  } else {
    parts.forEach((p, i) => addValue(rows, input, child(p, i, diff?.parts?.get(p.id))));
    removed.forEach((d, i) => addValue(rows, input, child(d.removedPart!, i, d, true)));
  }
  if (hidden > 0) {
    rows.push({ kind: 'more', id: `${node.id}${SEP}#more`, depth, parent: node.id, hidden });
  }
}

/** The change of a table cell: the diff of the record's field `column`. */
export function cellDiff(row: TableRow, column: string): ValueDiff | undefined {
  return row.diff?.parts?.get(fieldId(column));
}

/** `3 elements`, `length 4`, `2 fields`, `5 entries`. */
export function sizeText(v: TraceValue): string {
  const n = partCount(v);
  const count = (one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  switch (compositeKind(v)) {
    case 'set':
      return count('element', 'elements');
    case 'seq':
      return `length ${n}`;
    case 'record':
      return count('field', 'fields');
    default:
      return count('entry', 'entries');
  }
}
