/**
 * Zoom and pan with d3-zoom. The transform is written straight onto the viewport group, never
 * through React state: a wheel or drag re-renders nothing, so 2,000 states stay smooth. Labels
 * too small to read at the current scale are hidden by a class on the <svg> (level of detail).
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { select, zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3';

/** Below this scale 10px labels are under 6px on screen: hidden. */
export const LABEL_SCALE = 0.6;

export interface ZoomControls {
  /** Shows the box `[x, y, width, height]` (drawing units) whole, at most at `maxScale`. */
  fit(box: [number, number, number, number], maxScale?: number): void;
  /** Centres the point at `scale` (the current scale when omitted). */
  centre(x: number, y: number, scale?: number): void;
  /** Pans the point into view if it is outside the visible area (by `margin` px). */
  reveal(x: number, y: number, margin?: number): void;
  zoomBy(factor: number): void;
}

export function useZoom(
  svg: RefObject<SVGSVGElement | null>,
  viewport: RefObject<SVGGElement | null>,
): ZoomControls {
  const [behaviour] = useState(() => zoom<SVGSVGElement, unknown>().scaleExtent([0.02, 4]));
  const [controls] = useState(() => controlsFor(svg, behaviour));

  // A layout effect: it must be in place before the component's own layout effects zoom.
  useLayoutEffect(() => {
    const element = svg.current;
    if (!element) return;
    let far: boolean | undefined;
    behaviour.on('zoom', (event: { transform: { k: number; toString(): string } }) => {
      viewport.current?.setAttribute('transform', event.transform.toString());
      // Only on a change: toggling a class restyles every label.
      const isFar = event.transform.k < LABEL_SCALE;
      if (isFar !== far) element.classList.toggle('gv-far', (far = isFar));
    });
    const selection = select(element);
    selection.call(behaviour).on('dblclick.zoom', null);
    return () => {
      selection.on('.zoom', null);
    };
  }, [behaviour, svg, viewport]);

  return controls;
}

function controlsFor(
  svg: RefObject<SVGSVGElement | null>,
  behaviour: ZoomBehavior<SVGSVGElement, unknown>,
): ZoomControls {
  const size = () => {
    const box = svg.current?.getBoundingClientRect();
    // In the SVG's own pixels: under a CSS zoom (review mode) the box is the zoomed one.
    const zoom = svg.current?.currentCSSZoom || 1;
    return { width: (box?.width ?? 0) / zoom || 1, height: (box?.height ?? 0) / zoom || 1 };
  };
  const current = () => (svg.current ? zoomTransform(svg.current) : zoomIdentity);
  const apply = (k: number, x: number, y: number) => {
    if (svg.current)
      select(svg.current).call(behaviour.transform, zoomIdentity.translate(x, y).scale(k));
  };
  return {
    fit([x, y, w, h], maxScale = 1) {
      const { width, height } = size();
      const k = Math.max(
        0.02,
        Math.min(maxScale, (width - 24) / Math.max(w, 1), (height - 24) / Math.max(h, 1)),
      );
      apply(k, (width - w * k) / 2 - x * k, (height - h * k) / 2 - y * k);
    },
    centre(x, y, scale) {
      const { width, height } = size();
      const k = scale ?? current().k;
      apply(k, width / 2 - x * k, height / 2 - y * k);
    },
    reveal(x, y, margin = 40) {
      const { width, height } = size();
      const t = current();
      const sx = x * t.k + t.x;
      const sy = y * t.k + t.y;
      if (sx < margin || sy < margin || sx > width - margin || sy > height - margin) {
        apply(t.k, width / 2 - x * t.k, height / 2 - y * t.k);
      }
    },
    zoomBy(factor) {
      if (svg.current) select(svg.current).call(behaviour.scaleBy, factor);
    },
  };
}
