import { ExampleInfo } from '../gallery/ExampleInfo';
import { ModelSettings } from './ModelSettings';
import { ResultsPanel } from './ResultsPanel';
import { RunControls } from './RunControls';

export function SidePanel() {
  return (
    <aside className="side-panel" aria-label="Model and results">
      <ExampleInfo />
      <ModelSettings />
      <RunControls />
      <ResultsPanel />
    </aside>
  );
}
