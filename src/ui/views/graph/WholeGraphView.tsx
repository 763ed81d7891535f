/** Up to a few thousand states: the whole recorded graph; a click shows the shortest trace to a state. */
import { useCallback, useMemo } from 'react';
import type { CheckResult, StateGraph } from '../../../check/types';
import { writeDot } from '../../../formats/dot';
import { selectStep } from '../../explore/actions';
import { useApp } from '../../store';
import { useTrace } from '../useTrace';
import { GraphCanvas } from './GraphCanvas';
import { errorStateKeys, variablesOf } from './model/errorState';
import { shortestPathTo, traceOfPath, wholeGraph } from './model/wholeGraph';
import { showGraphTrace } from './showTrace';

export function WholeGraphView({ result, graph }: { result: CheckResult; graph: StateGraph }) {
  const trace = useTrace();
  const selectedStep = useApp((s) => s.selectedStep);
  const mainModule = useApp((s) => s.model.mainModule);
  const vars = useMemo(() => variablesOf(result), [result]);
  const whole = useMemo(() => wholeGraph(graph, errorStateKeys(result)), [graph, result]);
  const initName = (result.trace ?? result.error?.trace)?.steps[0]?.action ?? 'Init';

  const onNodeClick = useCallback(
    (node: number, traceIndex: number) => {
      if (traceIndex >= 0) selectStep(traceIndex);
      else void showGraphTrace(traceOfPath(whole, shortestPathTo(whole, node), vars, initName));
    },
    [whole, vars, initName],
  );

  return (
    <GraphCanvas
      graph={whole}
      vars={vars}
      trace={trace}
      selectedStep={selectedStep}
      onNodeClick={onNodeClick}
      viewKey={graph}
      fileStem={mainModule}
      dot={() => writeDot(graph, vars)}
      header={`${whole.nodes.length} states, ${graph.edges.length} transitions, depth ${result.depth}. Click a state for the shortest trace to it.`}
    />
  );
}
