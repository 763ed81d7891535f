/**
 * A PlusCal algorithm lives in a block comment: `(* --algorithm Name ... *)` or
 * `(* --fair algorithm ... *)`. SANY, and so TLC, never read it (the translator does). The
 * grammar parses it as PlusCal, so an algorithm the translator accepts but the grammar does not
 * (an `else` with no statement, a newer form) would fail the module. `plusCalAsComment` gives the
 * text with each algorithm's `--` blanked, inside block comments only, so that it parses as the
 * plain comment SANY sees; offsets, lines and columns are unchanged.
 */

/** The text with PlusCal algorithm headers in block comments blanked; undefined when there are none. */
export function plusCalAsComment(text: string): string | undefined {
  let out: string[] | undefined;
  let depth = 0;
  let inString = false;
  let last = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    const next = text[k + 1];
    if (depth > 0) {
      if (c === '(' && next === '*') {
        depth++;
        k++;
      } else if (c === '*' && next === ')') {
        depth--;
        k++;
      } else if (
        c === '-' &&
        next === '-' &&
        /^--(?:fair\s+)?algorithm\b/.test(text.slice(k, k + 40))
      ) {
        out ??= [];
        out.push(text.slice(last, k), '  ');
        last = k + 2;
        k++;
      }
    } else if (inString) {
      if (c === '\\') k++;
      else if (c === '"' || c === '\n') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '\\' && next === '*') {
      const end = text.indexOf('\n', k);
      if (end < 0) break;
      k = end;
    } else if (c === '(' && next === '*') {
      depth++;
      k++;
    }
  }
  if (!out) return undefined;
  out.push(text.slice(last));
  return out.join('');
}
