/** Tabs over the views of a run's behaviour; only the active view is mounted. */
import { Suspense } from 'react';
import { LayoutSwitch } from '../layout/LayoutSwitch';
import { StaleNotice } from '../panels/StaleNotice';
import { appStore, useApp } from '../store';
import { views } from './registry';

export function ViewArea() {
  const active = useApp((s) => s.view.activeView);
  const entry = views.find((v) => v.id === active) ?? views[0];
  const View = entry.component;
  // What the views show of the last run: its trace (unless an explored or opened one is shown)
  // and, in the state graph, its states.
  const showsRun = useApp(
    (s) => s.run.result !== undefined && (s.traceView.source === 'check' || entry.id === 'graph'),
  );
  return (
    <section className="view-area" aria-label="Views">
      <div className="tabs tabs--views">
        <div className="tabs__list" role="tablist" aria-label="Views">
          {views.map((v) => (
            <button
              key={v.id}
              role="tab"
              id={`view-tab-${v.id}`}
              aria-selected={v.id === entry.id}
              aria-controls="view-panel"
              className="tab tab__label"
              data-active={v.id === entry.id || undefined}
              onClick={() => appStore.getState().setActiveView(v.id)}
            >
              {v.title}
            </button>
          ))}
        </div>
        <span className="tabs__spacer" />
        <LayoutSwitch />
      </div>
      {showsRun && (
        <div className="view-area__notice">
          <StaleNotice what="trace" />
        </div>
      )}
      <div
        id="view-panel"
        role="tabpanel"
        aria-labelledby={`view-tab-${entry.id}`}
        className="view-panel"
      >
        <Suspense fallback={<p className="muted view-empty">Loading…</p>}>
          <View />
        </Suspense>
      </div>
    </section>
  );
}
