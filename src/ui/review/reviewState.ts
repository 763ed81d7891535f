/**
 * Review mode: the trace and one view filling the screen in large type, for design reviews over
 * screen sharing. Whether it is on lives in the URL's query (`?review`, or `?review=graph` to open
 * a view), so a link or a reload opens in it; the app store (and so the normal layout) is never
 * changed by it. The zoom is the presenter's, kept in localStorage.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ViewId } from '../store';

export const REVIEW_PARAM = 'review';
const ZOOM_KEY = 'specstage.review-zoom';
export const zoomRange = { min: 1, max: 2.5, step: 0.25, initial: 1.5 } as const;

const views: readonly ViewId[] = ['trace', 'graph', 'sequence'];

export interface ReviewState {
  active: boolean;
  /** How much larger than normal everything in the review stage is drawn. */
  zoom: number;
}

/** What the query string says: undefined when review mode is off, else the view it names. */
export function readReviewUrl(search: string): { view?: ViewId } | undefined {
  const params = new URLSearchParams(search);
  if (!params.has(REVIEW_PARAM)) return undefined;
  const value = params.get(REVIEW_PARAM) as ViewId;
  return views.includes(value) ? { view: value } : {};
}

/** The query string with review mode on (showing `view`) or off; other parameters are kept. */
export function writeReviewUrl(search: string, view: ViewId | undefined): string {
  const params = new URLSearchParams(search);
  if (view === undefined) params.delete(REVIEW_PARAM);
  else params.set(REVIEW_PARAM, view);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return zoomRange.initial;
  return Math.min(zoomRange.max, Math.max(zoomRange.min, Math.round(zoom * 4) / 4));
}

function savedZoom(): number {
  try {
    const text = localStorage.getItem(ZOOM_KEY);
    return text === null ? zoomRange.initial : clampZoom(Number(text));
  } catch {
    return zoomRange.initial;
  }
}

export const reviewStore = createStore<ReviewState>()(() => ({
  active: typeof location !== 'undefined' && readReviewUrl(location.search) !== undefined,
  zoom: typeof localStorage !== 'undefined' ? savedZoom() : zoomRange.initial,
}));

export function useReview<T>(selector: (state: ReviewState) => T): T {
  return useStore(reviewStore, selector);
}

export function setReviewZoom(zoom: number): void {
  const next = clampZoom(zoom);
  reviewStore.setState({ zoom: next });
  try {
    localStorage.setItem(ZOOM_KEY, String(next));
  } catch {
    // Not kept across reloads then; the zoom still applies.
  }
}
