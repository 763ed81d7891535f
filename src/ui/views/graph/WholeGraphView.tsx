/** The whole recorded graph; a click shows the shortest trace to a state. */
import { useCallback, type ReactNode } from 'react';
import type { CheckResult, StateGraph } from '../../../check/contract/types';
import { writeDot } from '../../../formats/dot';
import { selectStep } from '../../explore/actions';
import { useApp } from '../../store';
import { useTrace } from '../useTrace';
import { GraphCanvas } from './GraphCanvas';
import { shortestPathTo, traceOfPath, type WholeGraph } from './model/wholeGraph';
import { showGraphTrace } from './showTrace';

interface Props {
  result: CheckResult;
  graph: StateGraph;
  whole: WholeGraph;
  vars: string[];
  initName: string;
  modes?: ReactNode;
}

export function WholeGraphView({ result, graph, whole, vars, initName, modes }: Props) {
  const trace = useTrace();
  const selectedStep = useApp((s) => s.selectedStep);
  const mainModule = useApp((s) => s.model.mainModule);

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
      modes={modes}
      header={`${whole.nodes.length} states, ${graph.edges.length} transitions, depth ${result.depth}. Click a state for the shortest trace to it.`}
    />
  );
}
