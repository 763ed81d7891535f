/**
 * Draws a `DrawnGraph` with the shown trace on top: layout and scene are memoised pure functions
 * of the graph (layout/, render/); this component only wires them to the DOM, to d3-zoom, to the
 * pointer and to the toolbar. Clicking a state calls `onNodeClick`; what that means is the mode's
 * business (whole graph or neighbourhood).
 */
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import type { Trace } from '../../../check/contract/types';
import { useDarkTheme } from '../../shell/useDarkTheme';
import { downloadText } from './download';
import { layoutGraph, placeEdgeLabels } from './layout/layoutGraph';
import { actionNames, locateStates, type DrawnGraph } from './model/drawnGraph';
import { categoryClass, palette } from './render/palette';
import {
  GRAPH_CSS,
  renderLegend,
  renderOverlay,
  renderStaticScene,
  standaloneSvg,
} from './render/scene';
import { useZoom } from './useZoom';
import './graph.css';
import { printState } from '../../../trace/print';
import { canonicalStateKey } from '../../../trace/keys';

/** Default zoom: the whole graph when it is still readable so, else a readable piece of it. */
const READABLE_SCALE = 0.55;
const START_SCALE = 0.9;

interface Props {
  graph: DrawnGraph;
  vars: string[];
  trace: Trace | undefined;
  selectedStep: number;
  onNodeClick(node: number, traceIndex: number): void;
  /** A new value re-fits the view (a new run); growth of the same graph keeps the zoom. */
  viewKey: unknown;
  header: ReactNode;
  /** A line under the toolbar, for what the user may want to act on. */
  note?: string;
  fileStem: string;
  dot(): string;
  /** The ways to look at the graph (whole, around the trace, clusters), at the toolbar's start. */
  modes?: ReactNode;
  /** A row under the toolbar for the mode's own controls. */
  controls?: ReactNode;
  /** The node of each state of the trace, when nodes are not states (clusters). */
  locate?(trace: Trace): number[];
}

export function GraphCanvas({
  graph,
  vars,
  trace,
  selectedStep,
  onNodeClick,
  viewKey,
  header,
  note,
  fileStem,
  dot,
  modes,
  controls,
  locate,
}: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const viewport = useRef<SVGGElement>(null);
  const zoom = useZoom(svg, viewport);
  const dark = useDarkTheme();
  const [hover, setHover] = useState<{ node: number; x: number; y: number }>();

  const actions = useMemo(() => actionNames(graph), [graph]);
  const layout = useMemo(() => layoutGraph(graph, vars), [graph, vars]);
  const traceNodes = useMemo(
    () =>
      trace
        ? locate
          ? locate(trace)
          : locateStates(graph, trace.states.map(canonicalStateKey))
        : [],
    [graph, trace, locate],
  );
  const scene = useMemo(() => {
    const edgeOf = new Map(graph.edges.map((e, i) => [`${e.from}>${e.to}`, i]));
    const traceEdges = traceNodes
      .slice(1)
      .flatMap((to, i) => edgeOf.get(`${traceNodes[i]}>${to}`) ?? []);
    const labels = placeEdgeLabels(graph, layout, traceEdges);
    return renderStaticScene({ graph, layout, labels, actions });
  }, [graph, layout, traceNodes, actions]);
  const overlay = renderOverlay({ graph, layout, traceNodes, selectedStep, loop: trace?.loop });
  const selectedNode = traceNodes[selectedStep] ?? -1;

  // A new run: show the whole graph if it reads at that size, else where the user is.
  useLayoutEffect(() => {
    const first = layout.boxes[graph.nodes.findIndex((n) => n.initial)] ?? layout.boxes[0];
    if (!first) return;
    const zoomed = svg.current?.getBoundingClientRect();
    const cssZoom = svg.current?.currentCSSZoom || 1;
    const rect = zoomed && { width: zoomed.width / cssZoom, height: zoomed.height / cssZoom };
    const fitScale = rect
      ? Math.min(rect.width / (layout.width + 24), rect.height / (layout.height + 24))
      : 1;
    if (fitScale >= READABLE_SCALE) zoom.fit([0, 0, layout.width, layout.height]);
    else zoom.centre(first.x + ((rect?.width ?? 0) * 0.4) / START_SCALE, first.y, START_SCALE);
    // Only a new run re-fits; the layout changes as a neighbourhood grows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewKey]);

  // Keep the selected state in sight as the stepper moves.
  useEffect(() => {
    const box = layout.boxes[selectedNode];
    if (box) zoom.reveal(box.x, box.y);
  }, [layout, selectedNode, zoom]);

  const nodeAt = (target: EventTarget | null): number | undefined => {
    const element = (target as Element | null)?.closest?.('[data-node]');
    return element ? Number(element.getAttribute('data-node')) : undefined;
  };

  const exportSvg = () => {
    const margin = 24;
    const legendHeight = actions.length * 16 + 16;
    const body = [
      renderLegend(actions, margin, margin),
      `<g transform="translate(${margin} ${margin * 2 + legendHeight})">${scene}${overlay}</g>`,
    ].join('');
    const width = layout.width + margin * 2;
    const height = layout.height + legendHeight + margin * 3;
    downloadText(
      `${fileStem}.svg`,
      standaloneSvg(body, width, height, GRAPH_CSS, palette(dark)),
      'image/svg+xml',
    );
  };

  const hovered = hover && graph.nodes[hover.node];
  return (
    <div className="gv" style={palette(dark) as CSSProperties}>
      <div className="gv-toolbar" role="toolbar" aria-label="State graph">
        {modes}
        <span className="gv-header">{header}</span>
        <button onClick={() => zoom.zoomBy(1 / 1.4)} aria-label="Zoom out">
          −
        </button>
        <button onClick={() => zoom.zoomBy(1.4)} aria-label="Zoom in">
          +
        </button>
        <button onClick={() => zoom.fit([0, 0, layout.width, layout.height])}>Fit</button>
        <button onClick={exportSvg}>Export SVG</button>
        <button onClick={() => downloadText(`${fileStem}.dot`, dot(), 'text/vnd.graphviz')}>
          Export DOT
        </button>
      </div>
      {note && <p className="gv-note">{note}</p>}
      {controls && <div className="gv-controls">{controls}</div>}
      <ul className="gv-legend" aria-label="Legend">
        <li>
          <svg width="12" height="12" aria-hidden>
            <rect className="gv-node gv-node--initial" x="1" y="1" width="10" height="10" />
          </svg>
          initial
        </li>
        <li>
          <svg width="14" height="14" aria-hidden>
            <path className="gv-node gv-node--violating" d="M7 0L14 7L7 14L0 7Z" />
          </svg>
          violating
        </li>
        <li>
          <svg width="16" height="14" aria-hidden>
            <rect className="gv-trace-node" x="1" y="1" width="14" height="12" rx="6" />
          </svg>
          trace
        </li>
        {actions.map((a, k) => (
          <li key={a}>
            <svg width="20" height="8" aria-hidden>
              <path className={categoryClass(k)} d="M0 4h20" strokeWidth="2.5" />
            </svg>
            {a}
          </li>
        ))}
      </ul>
      <div className="gv-stage">
        <svg
          ref={svg}
          className="gv-svg"
          role="img"
          aria-label={`State graph: ${graph.nodes.length} states, ${graph.edges.length} edges`}
          data-layout-ms={layout.ms.toFixed(1)}
          data-states={graph.nodes.length}
          onClick={(e) => {
            const node = nodeAt(e.target);
            if (node !== undefined) onNodeClick(node, traceNodes.indexOf(node));
          }}
          onPointerOver={(e) => {
            const node = nodeAt(e.target);
            setHover(
              node === undefined
                ? undefined
                : { node, x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY },
            );
          }}
          onPointerLeave={() => setHover(undefined)}
        >
          <style>{GRAPH_CSS}</style>
          <g ref={viewport}>
            <g dangerouslySetInnerHTML={{ __html: scene }} />
            <g className="gv-overlay" dangerouslySetInnerHTML={{ __html: overlay }} />
          </g>
        </svg>
        {hovered && (
          <pre className="gv-tooltip" style={{ left: hover.x + 14, top: hover.y + 10 }}>
            {printState(hovered.state, vars)}
            {hovered.expandable ? '\n(click to expand)' : ''}
          </pre>
        )}
      </div>
    </div>
  );
}
