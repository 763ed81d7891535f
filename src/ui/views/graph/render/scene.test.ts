import { describe, expect, it } from 'vitest';
import { layoutGraph, placeEdgeLabels } from '../layout/layoutGraph';
import type { DrawnGraph } from '../model/drawnGraph';
import { palette } from './palette';
import { GRAPH_CSS, renderOverlay, renderStaticScene, standaloneSvg } from './scene';

const state = (x: number) => ({ x: { '#bigint': String(x) } });
const graph: DrawnGraph = {
  nodes: [0, 1, 2].map((x) => ({
    key: String(x),
    state: state(x),
    depth: x,
    initial: x === 0,
    violating: x === 2,
  })),
  edges: [
    { from: 0, to: 1, actions: ['Inc'] },
    { from: 1, to: 2, actions: ['Odd<&>'] },
    { from: 2, to: 0, actions: ['Inc'] },
  ],
};
const layout = layoutGraph(graph, ['x']);
const actions = ['Inc', 'Odd<&>'];

describe('graph scene', () => {
  const scene = renderStaticScene({
    graph,
    layout,
    labels: placeEdgeLabels(graph, layout),
    actions,
  });

  it('draws every node with its marks and every label, escaped', () => {
    expect(scene.match(/data-node="\d"/g)).toHaveLength(3);
    expect(scene).toContain('gv-node gv-node--initial');
    expect(scene).toContain('gv-node gv-node--violating');
    expect(scene).toContain('>Odd&#60;&#38;&#62;</text>');
    expect(scene).not.toContain('Odd<&>');
  });

  it('colours edges by action: one path per colour and tile, and one for their heads', () => {
    expect(scene.match(/class="pic-c0"/g)?.length).toBeGreaterThanOrEqual(1);
    expect(scene.match(/class="gv-head pic-c1"/g)).toHaveLength(1);
  });

  it('numbers the trace’s states, rings the selected one, and closes a lasso', () => {
    const overlay = renderOverlay({
      graph,
      layout,
      traceNodes: [0, 1, 2],
      selectedStep: 1,
      loop: 0,
    });
    expect(overlay.match(/class="gv-trace-node"/g)).toHaveLength(3);
    expect(overlay).toContain('data-selected="1" data-step="2"');
    // Three edges drawn: two steps and the loop back, each a curve and a head.
    expect(overlay.match(/M/g)).toHaveLength(6);
    expect(renderOverlay({ graph, layout, traceNodes: [0, -1], selectedStep: 1 })).not.toContain(
      'gv-selected',
    );
  });

  it('exports a standalone file with the colours written in', () => {
    const svg = standaloneSvg(scene, layout.width, layout.height, GRAPH_CSS, palette(true));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
    expect(svg).not.toContain('var(--');
    expect(svg).toContain(palette(true)['--pic-c0']);
  });
});
