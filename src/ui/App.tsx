/**
 * The shell: editor and views on the left, model settings and results on the right, with
 * resizable dividers whose positions live in the store.
 */
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { registerServiceWorker } from '../offline/register';
import { CodeEditor } from './editor/CodeEditor';
import { EditorTabs } from './editor/EditorTabs';
import { DropOverlay } from './files/DropOverlay';
import { FilesBanner } from './files/FilesBanner';
import { startTraceViewer } from './explore/start';
import { Splitter } from './layout/Splitter';
import { useReview } from './review/reviewState';
import { startReviewMode } from './review/start';
import { SidePanel } from './panels/SidePanel';
import { ShareBanner } from './share/ShareBanner';
import { startShareLinks } from './share/start';
import { TopBar } from './shell/TopBar';
import { useDarkTheme } from './shell/useDarkTheme';
import { appStore, useApp } from './store';
import { ViewArea } from './views/ViewArea';

// Review mode (src/ui/review) is its own chunk: most sessions never open it.
const ReviewMode = lazy(() => import('./review/ReviewMode'));

const sideWidthRange = [240, 720] as const;
const editorFractionRange = [0.15, 0.9] as const;

const clamp = (n: number, [low, high]: readonly [number, number]) =>
  Math.min(high, Math.max(low, n));

export function App() {
  const { sidePanelWidth, editorFraction, editorSideFraction, layout } = useApp((s) => s.view);
  const side = layout === 'side';
  const mainColumn = useRef<HTMLDivElement>(null);
  const dark = useDarkTheme();
  const reviewing = useReview((s) => s.active);

  // Before the browser paints, so a dark page never flashes light.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);

  // The selected step in the URL, and the engine's answers for explore mode and watches.
  useEffect(() => startTraceViewer(), []);
  // Your files: the projects in IndexedDB, saved as the open one is edited (src/ui/files). Their
  // code (with IndexedDB's wrapper) loads after the first paint.
  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopped = false;
    void import('./files/sync').then(({ startProjects }) => {
      if (!stopped) stop = startProjects();
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, []);
  // A share link in the URL replaces the open spec and shows its behaviour (src/ui/share).
  useEffect(() => startShareLinks(), []);
  // Offline use: the service worker caches the build once it has loaded (src/offline).
  useEffect(() => registerServiceWorker(), []);
  // Review mode's URL flag, shortcut and keys.
  useEffect(() => startReviewMode(), []);

  const setSideWidth = (width: number) =>
    appStore.getState().setPaneSizes({ sidePanelWidth: clamp(width, sideWidthRange) });
  const setEditorFraction = (fraction: number) =>
    appStore
      .getState()
      .setPaneSizes(
        side
          ? { editorSideFraction: clamp(fraction, editorFractionRange) }
          : { editorFraction: clamp(fraction, editorFractionRange) },
      );
  const fraction = side ? editorSideFraction : editorFraction;

  const sizes = {
    '--side-width': `${sidePanelWidth}px`,
    '--editor-fraction': String(fraction),
  } as CSSProperties;

  if (reviewing) {
    return (
      <div className="app">
        <ShareBanner />
        <Suspense fallback={<p className="muted view-empty">Loading review mode…</p>}>
          <ReviewMode />
        </Suspense>
      </div>
    );
  }

  return (
    <div className="app" style={sizes}>
      <TopBar />
      <ShareBanner />
      <FilesBanner />
      <DropOverlay />
      <div className="workspace">
        <div className="main-column" ref={mainColumn} data-layout={layout}>
          <div className="editor-pane" aria-hidden={layout === 'views' || undefined}>
            <EditorTabs />
            <CodeEditor />
          </div>
          {layout !== 'views' && (
            <Splitter
              orientation={side ? 'vertical' : 'horizontal'}
              label="Resize the editor and the views"
              onMove={({ x, y }) => {
                const box = mainColumn.current?.getBoundingClientRect();
                if (!box) return;
                setEditorFraction(side ? (x - box.left) / box.width : (y - box.top) / box.height);
              }}
              onStep={(d) => setEditorFraction(fraction + d * 0.05)}
            />
          )}
          <ViewArea />
        </div>
        <Splitter
          orientation="vertical"
          label="Resize the side panel"
          onMove={({ x }) => setSideWidth(document.documentElement.clientWidth - x)}
          onStep={(d) => setSideWidth(sidePanelWidth - d * 24)}
        />
        <SidePanel />
      </div>
    </div>
  );
}
