/**
 * State spaces too large to draw whole: the shown trace, the successors of each of its states, and
 * whatever the user expands by clicking. Clicking a state off the trace shows the trace to it.
 */
import { useCallback, useMemo } from 'react';
import type { CheckResult } from '../../../check/contract/types';
import { writeDot } from '../../../formats/dot';
import { formatCount } from '../../panels/numbers';
import { selectStep } from '../../explore/actions';
import { useApp } from '../../store';
import { useTrace } from '../useTrace';
import { GraphCanvas } from './GraphCanvas';
import { variablesOf } from './model/errorState';
import { neighbourhoodStateGraph } from './model/neighbourhood';
import { showTraceAtEnd } from './showTrace';
import { useNeighbourhood } from './useNeighbourhood';

/** `note`: why the whole graph is not drawn, when that is not just its size. */
export function NeighbourhoodView({ result, note }: { result: CheckResult; note?: string }) {
  const trace = useTrace();
  const selectedStep = useApp((s) => s.selectedStep);
  const mainModule = useApp((s) => s.model.mainModule);
  const { nb, busy, problem, expand } = useNeighbourhood(result, trace);
  const vars = useMemo(() => trace?.vars ?? variablesOf(result), [trace, result]);

  const onNodeClick = useCallback(
    (node: number, traceIndex: number) => {
      if (traceIndex >= 0) selectStep(traceIndex);
      const expanding = nb.nodes[node]?.expandable;
      if (traceIndex >= 0 && !expanding) return;
      void expand(node).then((reached) => {
        if (reached && traceIndex < 0) showTraceAtEnd(reached);
      });
    },
    [nb, expand],
  );

  const header = [
    `Neighbourhood of the ${trace ? 'trace' : 'initial states'}: ${formatCount(nb.nodes.length)} of ${formatCount(result.distinctStates)} states; click a state to expand it.`,
    busy ? 'Exploring…' : '',
    problem ? `(${problem})` : '',
  ]
    .filter(Boolean)
    .join(' ');

  if (nb.nodes.length === 0)
    return (
      <p className="muted view-empty">{busy ? 'Exploring the states around the trace…' : header}</p>
    );
  return (
    <GraphCanvas
      graph={nb}
      vars={vars}
      trace={trace}
      selectedStep={selectedStep}
      onNodeClick={onNodeClick}
      viewKey={result}
      fileStem={`${mainModule}-neighbourhood`}
      dot={() => writeDot(neighbourhoodStateGraph(nb), vars)}
      header={header}
      note={note}
    />
  );
}
