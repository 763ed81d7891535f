/**
 * Colours of the pictures, for both themes, as CSS custom properties: the view sets them on its
 * <svg>, an exported file carries them in its own style, so both read the same.
 *
 * Categorical colours are Okabe and Ito's palette ("Color Universal Design", 2008), readable with
 * the common colour-vision deficiencies; yellow is left out on light backgrounds, where it has too
 * little contrast, and blue is lightened on dark ones. Colour never carries meaning alone: states
 * differ by shape too, edges and arrows by label, and categories beyond seven also by dash pattern.
 */

export const CATEGORY_COUNT = 7;

const fonts = {
  '--pic-mono': "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace",
  '--pic-sans': "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif",
};

const light = {
  ...fonts,
  '--pic-bg': '#ffffff',
  '--pic-text': '#1c2128',
  '--pic-muted': '#5d6673',
  '--pic-line': '#9aa3ae',
  '--pic-node': '#ffffff',
  '--pic-node-stroke': '#4b5563',
  '--pic-initial': '#d7dde5',
  '--pic-violating': '#d55e00',
  '--pic-trace': '#1c2128',
  '--pic-selected': '#0072b2',
  '--pic-band': '#e3ecfa',
  '--pic-note': '#f4f1e8',
  '--pic-c0': '#0072b2',
  '--pic-c1': '#e69f00',
  '--pic-c2': '#009e73',
  '--pic-c3': '#cc79a7',
  '--pic-c4': '#56b4e9',
  '--pic-c5': '#d55e00',
  '--pic-c6': '#6b6b6b',
};

type Palette = typeof light;

const dark: Palette = {
  ...fonts,
  '--pic-bg': '#15181d',
  '--pic-text': '#e3e6ea',
  '--pic-muted': '#98a1ad',
  '--pic-line': '#5c6570',
  '--pic-node': '#15181d',
  '--pic-node-stroke': '#b8c0ca',
  '--pic-initial': '#3a434f',
  '--pic-violating': '#ff8c42',
  '--pic-trace': '#f4f6f8',
  '--pic-selected': '#56b4e9',
  '--pic-band': '#1d2b40',
  '--pic-note': '#24262b',
  '--pic-c0': '#4ba3e3',
  '--pic-c1': '#e69f00',
  '--pic-c2': '#1fb58a',
  '--pic-c3': '#d98cb8',
  '--pic-c4': '#8fd0f5',
  '--pic-c5': '#f07a3a',
  '--pic-c6': '#f0e442',
};

export function palette(isDark: boolean): Palette {
  return isDark ? dark : light;
}

/** Category `k`'s colour class and, past the palette's size, a dash pattern class. */
export function categoryClass(k: number): string {
  const dash = Math.floor(k / CATEGORY_COUNT) % 3;
  return `pic-c${k % CATEGORY_COUNT}${dash ? ` pic-dash${dash}` : ''}`;
}

/** Rules for the category classes, shared by both pictures. */
export const CATEGORY_CSS = [
  ...Array.from(
    { length: CATEGORY_COUNT },
    (_, k) => `.pic-c${k}{stroke:var(--pic-c${k});color:var(--pic-c${k})}`,
  ),
  '.pic-dash1{stroke-dasharray:6 3}',
  '.pic-dash2{stroke-dasharray:2 3}',
].join('\n');

/** Text for SVG markup: the spec's names and values may hold `<` or `&`. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
