/**
 * The sequence diagram as SVG markup, from its layout: a pure function used by the view and by
 * the SVG export alike. The selected step's band is drawn apart (`renderStepBand`), under the
 * rest, since it changes at every step of the stepper.
 */
import { arrowHeadPath, type Point } from '../../graph/layout/edgeShapes';
import { CATEGORY_CSS, categoryClass, escapeXml } from '../../graph/render/palette';
import { FONT_SIZE, LABEL_FONT, type Arrow, type SequenceLayout } from '../layout/sequenceLayout';

export const SEQUENCE_CSS = `${CATEGORY_CSS}
.sq-lane-head{fill:var(--pic-bg);stroke:var(--pic-node-stroke);stroke-width:1.2}
.sq-lane-name{font:bold 12px var(--pic-mono,monospace);fill:var(--pic-text)}
.sq-lifeline{stroke:var(--pic-line);stroke-width:1.5}
.sq-lifeline--others{stroke-dasharray:4 4}
.sq-step{font:${FONT_SIZE}px var(--pic-mono,monospace);fill:var(--pic-muted)}
.sq-rule{stroke:var(--pic-line);stroke-width:.5;opacity:.5}
.sq-event{fill:var(--pic-text)}
.sq-note{fill:var(--pic-note);stroke:var(--pic-line);stroke-width:.8}
.sq-note-text{font:${FONT_SIZE}px var(--pic-mono,monospace);fill:var(--pic-text)}
.sq-arrow{fill:none;stroke-width:1.6}
.sq-arrow--in-flight{stroke-dasharray:6 4}
.sq-arrow--not-received{stroke-dasharray:2 3}
path.sq-head{fill:currentColor;stroke:none}
.sq-end{fill:var(--pic-bg);stroke-width:1.4}
.sq-start{fill:currentColor;stroke:none}
.sq-label{font:${LABEL_FONT}px var(--pic-mono,monospace);fill:var(--pic-text);paint-order:stroke;stroke:var(--pic-bg);stroke-width:3px;stroke-linejoin:round}
.sq-band{fill:var(--pic-band)}
.sq-band-edge{fill:var(--pic-selected)}
.sq-loop{fill:none;stroke:var(--pic-text);stroke-width:1.4}`;

const r1 = (n: number) => Math.round(n * 10) / 10;

function arrowMarkup(a: Arrow): string {
  const cls = `${categoryClass(a.category)}`;
  const kind =
    a.kind === 'received'
      ? ''
      : a.kind === 'in flight'
        ? ' sq-arrow--in-flight'
        : ' sq-arrow--not-received';
  const out: string[] = [];
  const { from, to } = a;
  let curve: [Point, Point, Point, Point];
  if (a.self) {
    const reach = 26;
    curve = [from, { x: from.x + reach, y: from.y }, { x: to.x + reach, y: to.y }, to];
    out.push(
      `<path class="sq-arrow ${cls}${kind}" d="M${r1(from.x)} ${r1(from.y)}C${r1(from.x + reach)} ${r1(from.y)} ${r1(to.x + reach)} ${r1(to.y)} ${r1(to.x)} ${r1(to.y)}"/>`,
    );
  } else {
    curve = [from, from, from, to];
    out.push(
      `<path class="sq-arrow ${cls}${kind}" d="M${r1(from.x)} ${r1(from.y)}L${r1(to.x)} ${r1(to.y)}"/>`,
    );
  }
  if (a.kind === 'not received')
    out.push(`<circle class="sq-end ${cls}" cx="${r1(to.x)}" cy="${r1(to.y)}" r="3"/>`);
  else out.push(`<path class="sq-head ${cls}" d="${arrowHeadPath(curve, 8, 3.5)}"/>`);
  if (a.initial)
    out.push(`<circle class="sq-start ${cls}" cx="${r1(from.x)}" cy="${r1(from.y)}" r="3"/>`);
  return out.join('');
}

/** The lifelines' name boxes; the view also keeps them in a sticky header while scrolling. */
export function renderLaneHeads(l: SequenceLayout): string {
  return l.lanes
    .map((lane) => {
      const w = lane.name.length * 7.2 + 16;
      return (
        `<rect class="sq-lane-head" x="${r1(lane.x - w / 2)}" y="6" width="${r1(w)}" height="${l.header - 12}" rx="4"/>` +
        `<text class="sq-lane-name" x="${r1(lane.x)}" y="${l.header / 2 + 4}" text-anchor="middle">${escapeXml(lane.name)}</text>`
      );
    })
    .join('');
}

/**
 * Back to front: rows and step labels, lifelines, arrows, then notes over the arrows (a note's
 * text stays readable where an arrow crosses it), events, labels, lifeline heads.
 */
export function renderSequence(l: SequenceLayout): string {
  const out: string[] = [];
  l.rows.forEach((row, i) => {
    out.push(
      `<line class="sq-rule" x1="0" x2="${r1(l.width)}" y1="${r1(row.top)}" y2="${r1(row.top)}"/>`,
    );
    const label = escapeXml(l.labels[i]);
    const full = escapeXml(l.fullLabels[i]);
    // A title beside the text, not in it: the text's content stays the label alone.
    const title = full !== label ? `<title>${full}</title>` : '';
    out.push(`<g>${title}<text class="sq-step" x="8" y="${r1(row.y + 4)}">${label}</text></g>`);
  });
  for (const lane of l.lanes) {
    out.push(
      `<line class="sq-lifeline${lane.kind === 'others' ? ' sq-lifeline--others' : ''}" x1="${r1(lane.x)}" x2="${r1(lane.x)}" y1="${l.header - 4}" y2="${r1(l.height - 4)}"/>`,
    );
  }
  for (const a of l.arrows) out.push(arrowMarkup(a));
  for (const n of l.notes) {
    const left = n.x - n.width / 2;
    const top = n.y - n.height / 2;
    const cutShort = n.full.some((line, i) => line !== n.lines[i]);
    out.push(
      `<g>${cutShort ? `<title>${escapeXml(n.full.join('\n'))}</title>` : ''}<rect class="sq-note" x="${r1(left)}" y="${r1(top)}" width="${r1(n.width)}" height="${r1(n.height)}" rx="3"/>`,
    );
    n.lines.forEach((line, i) =>
      out.push(
        `<text class="sq-note-text" x="${r1(left + 5)}" y="${r1(top + 14 + i * 14)}">${escapeXml(line)}</text>`,
      ),
    );
    out.push('</g>');
  }
  l.events.forEach((x, i) => {
    if (x !== undefined)
      out.push(`<circle class="sq-event" cx="${r1(x)}" cy="${r1(l.rows[i].y)}" r="4"/>`);
  });
  for (const a of l.arrows) {
    if (!a.label) continue;
    const at = `x="${r1(a.label.x)}" y="${r1(a.label.y + LABEL_FONT * 0.35)}"`;
    out.push(
      `<g><title>${escapeXml(a.full)}</title><text class="sq-label" ${at} text-anchor="middle">${escapeXml(a.text)}</text></g>`,
    );
  }
  if (l.loop) {
    const [a, b] = [l.rows[l.loop.from].y, l.rows[l.loop.to].y];
    const x = l.gutter - 8;
    out.push(
      `<path class="sq-loop" d="M${x - 20} ${r1(a)}C${x} ${r1(a)} ${x} ${r1(b)} ${x - 20} ${r1(b)}"/>`,
    );
    out.push(
      `<path class="sq-head" style="color:var(--pic-text)" d="${arrowHeadPath(
        [
          { x, y: b },
          { x, y: b },
          { x, y: b },
          { x: x - 20, y: b },
        ],
        7,
        3,
      )}"/>`,
    );
  }
  out.push(renderLaneHeads(l));
  return out.join('');
}

/** The selected step's row, highlighted across the diagram. */
export function renderStepBand(l: SequenceLayout, step: number): string {
  const row = l.rows[step];
  if (!row) return '';
  return `<rect class="sq-band" data-band="${step}" x="0" y="${r1(row.top)}" width="${r1(l.width)}" height="${r1(row.height)}"/><rect class="sq-band-edge" x="0" y="${r1(row.top)}" width="4" height="${r1(row.height)}"/>`;
}
