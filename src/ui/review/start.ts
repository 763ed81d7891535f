/**
 * Turns review mode on and off, and keeps it in step with the URL (`?review=<view>`), the page
 * (`<html data-review>`, which switches the palette to high contrast) and the keyboard:
 * Alt+Shift+R toggles it anywhere (the editor too), Escape leaves it, and in review mode the trace
 * viewer's keys (←/→, Home/End, …) step whatever has the focus, without a click first.
 */
import { selectStep } from '../explore/actions';
import { shownTrace } from '../explore/state';
import { appStore, type ViewId } from '../store';
import { stepForKey } from '../views/trace/stepKeys';
import { readReviewUrl, reviewStore, writeReviewUrl } from './reviewState';

export const reviewShortcut = 'Alt+Shift+R';

function writeUrl(view: ViewId | undefined): void {
  const search = writeReviewUrl(location.search, view);
  if (search !== location.search) {
    history.replaceState(history.state, '', location.pathname + search + location.hash);
  }
}

export function enterReview(view?: ViewId): void {
  if (view) appStore.getState().setActiveView(view);
  reviewStore.setState({ active: true });
}

export function leaveReview(): void {
  reviewStore.setState({ active: false });
}

export function toggleReview(): void {
  if (reviewStore.getState().active) leaveReview();
  else enterReview();
}

const isShortcut = (e: KeyboardEvent) =>
  e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyR';

/** Whether a key went to something that takes typing (a field, a menu, a dialog). */
function typingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || !element.tagName) return false;
  return (
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) ||
    element.isContentEditable ||
    element.closest('dialog, [role=dialog], [role=menu]') !== null
  );
}

export function startReviewMode(): () => void {
  const fromUrl = readReviewUrl(location.search);
  if (fromUrl?.view) appStore.getState().setActiveView(fromUrl.view);

  const apply = () => {
    const { active } = reviewStore.getState();
    if (active) document.documentElement.dataset.review = '';
    else delete document.documentElement.dataset.review;
    writeUrl(active ? appStore.getState().view.activeView : undefined);
  };
  apply();
  const stopReview = reviewStore.subscribe((state, previous) => {
    if (state.active !== previous.active) apply();
  });
  const stopViews = appStore.subscribe((state, previous) => {
    if (reviewStore.getState().active && state.view.activeView !== previous.view.activeView) {
      writeUrl(state.view.activeView);
    }
  });

  // Capture phase: the shortcut must work while Monaco (which stops many keys) has the focus.
  const onShortcut = (event: KeyboardEvent) => {
    if (!isShortcut(event)) return;
    event.preventDefault();
    event.stopPropagation();
    toggleReview();
  };
  // Bubble phase, after the views' own handlers: a key one of them used is not used again.
  const onKey = (event: KeyboardEvent) => {
    if (!reviewStore.getState().active || event.defaultPrevented) return;
    if (typingTarget(event.target)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      leaveReview();
      return;
    }
    const state = appStore.getState();
    const count = shownTrace(state)?.states.length ?? 0;
    const current = Math.max(0, Math.min(state.selectedStep, count - 1));
    const { key, ctrlKey, altKey, metaKey } = event;
    const target = event.target as HTMLElement | null;
    const next = stepForKey({ key, ctrlKey, altKey, metaKey, target }, current, count);
    if (next === undefined) return;
    event.preventDefault();
    selectStep(next);
  };
  addEventListener('keydown', onShortcut, true);
  document.addEventListener('keydown', onKey);
  const onPopState = () => reviewStore.setState({ active: !!readReviewUrl(location.search) });
  addEventListener('popstate', onPopState);
  return () => {
    stopReview();
    stopViews();
    removeEventListener('keydown', onShortcut, true);
    document.removeEventListener('keydown', onKey);
    removeEventListener('popstate', onPopState);
  };
}
