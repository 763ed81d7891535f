/**
 * The state as an expandable tree, drawn from `treeRows`: one line per value, only the lines in
 * view in the DOM. Each line carries its change since the previous state as a symbol (+ added,
 * ~ changed, − removed) with a word for screen readers, and a colour on top; parts removed in
 * this step stay, struck through, where they were. Collections of records open as tables.
 */
import { memo, type CSSProperties } from 'react';
import { setHidden, setPinned } from '../../explore/actions';
import { describeChange, flattenDiff, type Change, type ValueDiff } from './stateDiff';
import {
  cellDiff,
  sizeText,
  type MoreRow,
  type TableHeadRow,
  type TableRow,
  type TreeRow,
  type ValueRow,
} from './treeRows';
import { useScrollWindow } from './useScrollWindow';
import { valueSummary, valueTooltip } from './valueText';

/** Must match `.vt-row`'s height in trace.css. */
export const TREE_ROW_HEIGHT = 24;
const INDENT_PX = 18;

const changeWord: Record<Change, string> = {
  added: 'added',
  changed: 'changed',
  removed: 'removed',
};
const changeSymbol: Record<Change, string> = { added: '+', changed: '~', removed: '−' };

export function ChangeMark({ change }: { change?: Change }) {
  return (
    <span className="vt-mark" data-change={change}>
      <span aria-hidden="true">{change ? changeSymbol[change] : ''}</span>
      {change && <span className="sr-only">{changeWord[change]}: </span>}
    </span>
  );
}

export interface TreeActions {
  toggle(id: string): void;
  showMore(id: string): void;
}

interface StateTreeProps {
  rows: TreeRow[];
  pinned: readonly string[];
  actions: TreeActions;
}

export function StateTree({ rows, pinned, actions }: StateTreeProps) {
  const { box, onScroll, start, end } = useScrollWindow(TREE_ROW_HEIGHT, rows.length);
  return (
    <div ref={box} className="state-tree" onScroll={onScroll} aria-label="Variables" role="group">
      <div className="state-tree__rows" style={{ height: rows.length * TREE_ROW_HEIGHT }}>
        {rows.slice(start, end).map((row, k) => (
          <Row
            key={row.id}
            row={row}
            index={start + k}
            pinned={row.kind === 'value' && row.variable && pinned.includes(row.id)}
            actions={actions}
          />
        ))}
      </div>
    </div>
  );
}

interface RowProps {
  row: TreeRow;
  index: number;
  pinned: boolean;
  actions: TreeActions;
}

const Row = memo(function Row({ row, index, pinned, actions }: RowProps) {
  const style: CSSProperties = {
    top: index * TREE_ROW_HEIGHT,
    paddingLeft: 4 + row.depth * INDENT_PX,
  };
  switch (row.kind) {
    case 'value':
      return <ValueLine row={row} style={style} pinned={pinned} actions={actions} />;
    case 'tableHead':
      return <TableHead row={row} style={style} />;
    case 'tableRow':
      return <TableLine row={row} style={style} />;
    case 'more':
      return <MoreLine row={row} style={style} actions={actions} />;
  }
});

function ValueLine({
  row,
  style,
  pinned,
  actions,
}: {
  row: ValueRow;
  style: CSSProperties;
  pinned: boolean;
  actions: TreeActions;
}) {
  const { diff } = row;
  const text = valueSummary(row.value);
  const replaced = diff?.change === 'changed' && !diff.parts && diff.before !== undefined;
  return (
    <div
      className="vt-row"
      data-change={diff?.change}
      data-variable={row.variable || undefined}
      style={style}
    >
      <ChangeMark change={diff?.change} />
      {row.expandable ? (
        <button
          className="vt-toggle"
          aria-expanded={row.expanded}
          aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${row.path}`}
          onClick={() => actions.toggle(row.id)}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="vt-toggle" aria-hidden="true" />
      )}
      {row.label !== undefined && (
        <>
          <span className={row.variable ? 'vt-var' : 'vt-key'}>{row.label}</span>
          <span className="vt-sep">{row.variable ? ' = ' : ' |-> '}</span>
        </>
      )}
      <code className="vt-value" title={valueTooltip(row.value)}>
        {text}
      </code>
      {row.expandable && <span className="vt-note">{sizeText(row.value)}</span>}
      {replaced && (
        <span className="vt-note">
          was <code>{valueSummary(diff.before!, 60)}</code>
        </span>
      )}
      {diff?.parts && !row.expanded && (
        <span className="vt-note" title={changedPaths(row.path, diff)}>
          {partsSummary(diff)}
        </span>
      )}
      {row.variable && <VariableActions name={row.id} pinned={pinned} />}
    </div>
  );
}

/** `2 added, 1 changed` inside a closed value. */
function partsSummary(diff: ValueDiff): string {
  const counts: Record<Change, number> = { added: 0, changed: 0, removed: 0 };
  for (const d of diff.parts!.values()) counts[d.change]++;
  return (Object.keys(counts) as Change[])
    .filter((c) => counts[c] > 0)
    .map((c) => `${counts[c]} ${changeWord[c]}`)
    .join(', ');
}

/** The changes inside a closed value, one path per line (its tooltip). */
function changedPaths(path: string, diff: ValueDiff): string {
  const lines = flattenDiff(path, diff).map(describeChange);
  const shown = lines.slice(0, 20).map((l) => (l.length > 120 ? `${l.slice(0, 119)}…` : l));
  if (lines.length > shown.length) shown.push(`and ${lines.length - shown.length} more`);
  return shown.join('\n');
}

function VariableActions({ name, pinned }: { name: string; pinned: boolean }) {
  return (
    <span className="vt-actions">
      <button
        className="vt-action"
        aria-pressed={pinned}
        title={pinned ? `Unpin ${name}` : `Keep ${name} at the top, shown even when unchanged`}
        onClick={() => setPinned(name, !pinned)}
      >
        Pin<span className="sr-only"> {name}</span>
      </button>
      <button className="vt-action" title={`Hide ${name}`} onClick={() => setHidden(name, true)}>
        Hide<span className="sr-only"> {name}</span>
      </button>
    </span>
  );
}

/** Table lines share one grid: the change mark, the key (not in a set), the fields. */
function gridOf(columns: string[], keyed: boolean): CSSProperties {
  const key = keyed ? ' minmax(3ch, 12ch)' : '';
  return { gridTemplateColumns: `2ch${key} repeat(${columns.length}, minmax(6ch, 1fr))` };
}

function TableHead({ row, style }: { row: TableHeadRow; style: CSSProperties }) {
  return (
    <div
      className="vt-row vt-table vt-table--head"
      style={{ ...style, ...gridOf(row.columns, row.keyed) }}
    >
      <span />
      {row.keyed && <span />}
      {row.columns.map((c) => (
        <span key={c} className="vt-cell">
          {c}
        </span>
      ))}
    </div>
  );
}

function TableLine({ row, style }: { row: TableRow; style: CSSProperties }) {
  const keyed = row.label !== undefined;
  return (
    <div
      className="vt-row vt-table"
      data-change={row.diff?.change}
      style={{ ...style, ...gridOf(row.columns, keyed) }}
    >
      <ChangeMark change={row.diff?.change} />
      {keyed && <span className="vt-cell vt-key">{row.label}</span>}
      {row.columns.map((c) => {
        const cell = cellDiff(row, c);
        return (
          <span key={c} className="vt-cell" data-change={cell?.change}>
            {cell && <span className="sr-only">{changeWord[cell.change]}: </span>}
            {c in row.value ? <code>{valueSummary(row.value[c], 80)}</code> : null}
          </span>
        );
      })}
    </div>
  );
}

function MoreLine({
  row,
  style,
  actions,
}: {
  row: MoreRow;
  style: CSSProperties;
  actions: TreeActions;
}) {
  return (
    <div className="vt-row" style={style}>
      <button className="link vt-more" onClick={() => actions.showMore(row.parent)}>
        Show more ({row.hidden} not shown)
      </button>
    </div>
  );
}
