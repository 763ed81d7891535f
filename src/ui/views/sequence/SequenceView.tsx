/**
 * The shown trace as a sequence diagram (space-time diagram): lifelines for the processes,
 * messages from send to receipt, local state changes as notes, the selected step highlighted.
 * Inference, layout and drawing are pure (model/, layout/, render/); this component wires them to
 * the store: clicking a row selects that step, a new selection scrolls into view.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import type { Trace } from '../../../check/contract/types';
import { selectStep } from '../../explore/actions';
import { useDarkTheme } from '../../shell/useDarkTheme';
import { useApp } from '../../store';
import { downloadText } from '../graph/download';
import { palette } from '../graph/render/palette';
import { standaloneSvg } from '../graph/render/scene';
import { useTrace } from '../useTrace';
import { MappingPanel } from './MappingPanel';
import { buildDiagram } from './model/diagram';
import { inferMapping } from './model/inferMapping';
import { validMapping } from './model/mapping';
import { layoutSequence } from './layout/sequenceLayout';
import {
  renderLaneHeads,
  renderSequence,
  renderStepBand,
  SEQUENCE_CSS,
} from './render/sequenceScene';
import './sequence.css';

export default function SequenceView() {
  const trace = useTrace();
  if (!trace || trace.states.length === 0) {
    return (
      <div className="view-empty">
        <p>The sequence diagram view draws a trace’s steps between the processes they name.</p>
        <p className="muted">
          A check that finds an error, a path explored by hand or a state chosen in the graph gives
          it a trace.
        </p>
      </div>
    );
  }
  return <SequenceDiagramView trace={trace} />;
}

function SequenceDiagramView({ trace }: { trace: Trace }) {
  const selectedStep = useApp((s) => s.selectedStep);
  const saved = useApp((s) => s.model.sequenceMapping);
  const mainModule = useApp((s) => s.model.mainModule);
  const dark = useDarkTheme();
  const [panelOpen, setPanelOpen] = useState(false);
  const band = useRef<SVGGElement>(null);

  const inferred = useMemo(() => inferMapping(trace), [trace]);
  const custom = useMemo(() => validMapping(saved, trace.vars), [saved, trace]);
  const mapping = custom ?? inferred;
  const layout = useMemo(() => layoutSequence(buildDiagram(trace, mapping)), [trace, mapping]);
  const scene = useMemo(() => renderSequence(layout), [layout]);
  const step = Math.min(selectedStep, trace.states.length - 1);

  // Keep the selected step in sight as the stepper moves.
  useEffect(() => {
    band.current?.firstElementChild?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [step, layout]);

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    // In the diagram's own pixels: under a CSS zoom (review mode) client pixels are zoomed ones.
    const y =
      (e.clientY - e.currentTarget.getBoundingClientRect().top) /
      (e.currentTarget.currentCSSZoom || 1);
    const row = layout.rows.findIndex((r) => y >= r.top && y < r.top + r.height);
    if (row >= 0) selectStep(row);
  };

  const exportSvg = () =>
    downloadText(
      `${mainModule}-sequence.svg`,
      standaloneSvg(
        renderStepBand(layout, step) + scene,
        layout.width,
        layout.height,
        SEQUENCE_CSS,
        palette(dark),
      ),
      'image/svg+xml',
    );

  const received = layout.arrows.filter((a) => a.kind === 'received').length;
  return (
    <div className="sq" style={palette(dark) as CSSProperties}>
      <div className="sq-toolbar" role="toolbar" aria-label="Sequence diagram">
        <span className="sq-header">
          {count(trace.states.length, 'step')}, {count(layout.lanes.length, 'lifeline')}
          {mapping.messages
            ? `, ${count(layout.arrows.length, 'message arrow')} (${received} received) · messages in ${mapping.messages.variable}`
            : ' · no message variable'}
          {custom ? ' (your mapping)' : ''}
        </span>
        <button aria-expanded={panelOpen} onClick={() => setPanelOpen(!panelOpen)}>
          Mapping…
        </button>
        <button onClick={exportSvg}>Export SVG</button>
      </div>
      {panelOpen && <MappingPanel trace={trace} mapping={mapping} custom={!!custom} />}
      <div className="sq-scroll">
        <svg
          className="sq-heads"
          width={layout.width}
          height={layout.header}
          style={{ marginBottom: -layout.header }}
          aria-hidden
          dangerouslySetInnerHTML={{ __html: renderLaneHeads(layout) }}
        />
        <svg
          className="sq-svg"
          width={layout.width}
          height={layout.height}
          role="img"
          aria-label={`Sequence diagram of ${trace.states.length} steps`}
          onClick={onClick}
        >
          <style>{SEQUENCE_CSS}</style>
          <g ref={band} dangerouslySetInnerHTML={{ __html: renderStepBand(layout, step) }} />
          <g dangerouslySetInnerHTML={{ __html: scene }} />
        </svg>
      </div>
    </div>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
