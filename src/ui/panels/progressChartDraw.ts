/**
 * Draws the progress chart (ProgressChart.tsx) with D3: states per second on the left scale,
 * queue size on the right one, elapsed time along the bottom, a legend, and the figures as text.
 * Colours come from the theme's variables (CSS), so the chart follows light and dark themes.
 */
import {
  axisBottom,
  axisLeft,
  axisRight,
  format,
  line,
  scaleLinear,
  select,
  type ScaleLinear,
} from 'd3';
import { ratePoints, shownRate, type RatePoint } from '../engine/progressHistory';
import type { RunState } from '../store/state';
import { formatCount, formatDuration } from './numbers';

const height = 120;
const margin = { top: 20, right: 40, bottom: 20, left: 40 };
const si = format('~s');

function seconds(ms: number): string {
  const s = ms / 1000;
  return s < 60 ? `${format('~g')(s)}s` : `${Math.floor(s / 60)}m${Math.round(s % 60) || ''}`;
}

/** About three ticks, whole numbers only (no "500m" states on a scale of 0 to 1). */
function wholeTicks(scale: ScaleLinear<number, number>): number[] {
  return scale.ticks(3).filter(Number.isInteger);
}

export interface ProgressChartHandle {
  draw(run: RunState): void;
  destroy(): void;
}

export function createProgressChart(container: HTMLElement): ProgressChartHandle {
  const root = select(container);
  const svg = root.append('svg').attr('class', 'progress-chart__plot').attr('height', height);
  const caption = root
    .append('figcaption')
    .attr('class', 'progress-chart__figures')
    .attr('data-testid', 'progress-figures');
  const captionNode = caption.node()!;
  const xAxis = svg.append('g').attr('class', 'progress-chart__axis');
  const rateAxis = svg.append('g').attr('class', 'progress-chart__axis progress-chart__axis--rate');
  const queueAxis = svg
    .append('g')
    .attr('class', 'progress-chart__axis progress-chart__axis--queue');
  const queuePath = svg.append('path').attr('class', 'progress-chart__line--queue');
  const ratePath = svg.append('path').attr('class', 'progress-chart__line--rate');
  const legend = svg.append('g').attr('class', 'progress-chart__legend');
  [
    { label: 'states/s', kind: 'rate' },
    { label: 'queue', kind: 'queue' },
  ].forEach(({ label, kind }, i) => {
    const item = legend.append('g').attr('transform', `translate(${margin.left + i * 84},8)`);
    item
      .append('line')
      .attr('class', `progress-chart__line--${kind}`)
      .attr('x1', 0)
      .attr('x2', 14)
      .attr('y1', 0)
      .attr('y2', 0);
    item.append('text').attr('x', 18).attr('dy', '0.32em').text(label);
  });

  return {
    draw(run) {
      const history = run.history ?? [];
      const width = Math.max(160, container.clientWidth);
      svg.attr('width', width).attr('viewBox', `0 0 ${width} ${height}`);
      const points = ratePoints(history);
      const last = history[history.length - 1];
      // A run too short for two points has no curve to show: the figures say it all.
      svg.style('display', points.length < 2 ? 'none' : 'block');

      const x = scaleLinear()
        .domain([0, Math.max(1000, last?.elapsedMs ?? 0)])
        .range([margin.left, width - margin.right]);
      const rate = scaleLinear()
        .domain([0, Math.max(1, ...points.map((p) => p.statesPerSecond))])
        .nice(3)
        .range([height - margin.bottom, margin.top]);
      const queue = scaleLinear()
        .domain([0, Math.max(1, ...points.map((p) => p.queueSize))])
        .nice(3)
        .range([height - margin.bottom, margin.top]);

      xAxis.attr('transform', `translate(0,${height - margin.bottom})`).call(
        axisBottom(x)
          .ticks(Math.max(2, Math.floor(width / 70)))
          .tickFormat((v) => seconds(+v)),
      );
      rateAxis.attr('transform', `translate(${margin.left},0)`).call(
        axisLeft(rate)
          .tickValues(wholeTicks(rate))
          .tickFormat((v) => si(+v)),
      );
      queueAxis.attr('transform', `translate(${width - margin.right},0)`).call(
        axisRight(queue)
          .tickValues(wholeTicks(queue))
          .tickFormat((v) => si(+v)),
      );

      ratePath.attr(
        'd',
        line<RatePoint>()
          .x((p) => x(p.elapsedMs))
          .y((p) => rate(p.statesPerSecond))(points) ?? '',
      );
      queuePath.attr(
        'd',
        line<RatePoint>()
          .x((p) => x(p.elapsedMs))
          .y((p) => queue(p.queueSize))(points) ?? '',
      );

      const figures = last
        ? [
            `${formatCount(last.distinctStates)} distinct states`,
            `${formatCount(last.generatedStates)} generated`,
            `queue ${formatCount(last.queueSize)}`,
            `depth ${formatCount(last.depth)}`,
            `${formatCount(Math.round(shownRate(history, run.status === 'running')))} states/s`,
            formatDuration(last.elapsedMs),
          ]
        : ['Starting…'];
      // One unbreakable piece per figure; lines break only between them.
      captionNode.replaceChildren(
        ...figures.flatMap((text, i) => {
          const piece = document.createElement('span');
          piece.textContent = i === 0 ? text : `· ${text}`;
          return i === 0 ? [piece] : [' ', piece];
        }),
      );
      container.dataset.samples = String(history.length);
    },
    destroy() {
      root.selectAll('*').remove();
    },
  };
}
