/**
 * The views of the view area. Each is its own lazily loaded chunk (D3 stays out of the first
 * load) and reads what it needs from the store; adding a view is one entry here.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ViewId } from '../store';

export interface ViewEntry {
  id: ViewId;
  title: string;
  component: LazyExoticComponent<ComponentType>;
}

export const views: ViewEntry[] = [
  { id: 'trace', title: 'Trace', component: lazy(() => import('./trace/TraceView')) },
  { id: 'graph', title: 'State graph', component: lazy(() => import('./graph/GraphView')) },
  { id: 'sequence', title: 'Sequence', component: lazy(() => import('./sequence/SequenceView')) },
];
