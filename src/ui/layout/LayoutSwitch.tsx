/**
 * How the editor and the views share the main area (kept in the view settings, so a reload keeps
 * it): the editor above the views, beside them, or folded so that the view takes it all.
 */
import { appStore, useApp, type MainLayout } from '../store';

const layouts: { id: MainLayout; icon: string; label: string }[] = [
  { id: 'stacked', icon: '⬒', label: 'Editor above the views' },
  { id: 'side', icon: '◧', label: 'Editor beside the views' },
  { id: 'views', icon: '▣', label: 'Views only (editor folded)' },
];

export function LayoutSwitch() {
  const layout = useApp((s) => s.view.layout);
  return (
    <div className="layout-switch" role="group" aria-label="Layout">
      {layouts.map((l) => (
        <button
          key={l.id}
          className="layout-switch__button"
          aria-pressed={l.id === layout}
          aria-label={l.label}
          title={l.label}
          onClick={() => appStore.getState().setLayout(l.id)}
        >
          <span aria-hidden="true">{l.icon}</span>
        </button>
      ))}
    </div>
  );
}
