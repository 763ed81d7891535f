/**
 * Judging one expression: TLC's outcome against ours, value for value and error for error.
 *
 * Classes of disagreement, worst first:
 * - `value`: both give a value and the values differ;
 * - `we-accept`: TLC fails (an evaluation error) and we give a value: in an invariant, the kind of
 *   difference that hides a violation TLC reports;
 * - `we-fail`: TLC gives a value and we fail;
 * - `crash`: our engine fails with an internal error (a JavaScript exception), whatever TLC does;
 * - `parse`: one side refuses the module text and the other does not;
 * - `order`: the same value, but elements (or a function's domain, a record's fields) listed in a
 *   different order: CHOOSE, printing and SYMMETRY read that order;
 * - `print`: the same value, printed differently (`ToString`, Print, error messages and TLC-format
 *   traces use our printing);
 * - `we-timeout`: TLC gives an answer and we do not within the limit.
 * An expression TLC does not finish within the limit is `skipped`, whatever we do.
 */
import type { TlcOutcome } from './batch';
import type { OurOutcome } from './child';
import { keyOf, orderDifference, show } from './values';

export type DisagreementClass =
  'value' | 'we-accept' | 'we-fail' | 'crash' | 'parse' | 'order' | 'print' | 'we-timeout';

export type Judgement =
  | { agree: true; how: 'value' | 'error' | 'rejected' }
  | { agree: false; cls: DisagreementClass; detail: string }
  | { skipped: true; why: string };

/**
 * A printed value without layout: TLC breaks long values over lines and then pads brackets
 * (`[ a |-> 1,\n  b |-> 2 ]`); whitespace outside strings is folded and the padding inside
 * brackets dropped, on both sides.
 */
export function withoutLayout(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      out += s.slice(i, j + 1);
      i = j + 1;
    } else if (/\s/.test(c)) {
      while (i < s.length && /\s/.test(s[i])) i++;
      const next = s[i] ?? '';
      const prevOpen = /(\[|\{|\(|<<)$/.test(out);
      const nextClose = /^(\]|\}|\)|>>)/.test(s.slice(i));
      if (out && next && !prevOpen && !nextClose) out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  return out.trim();
}

export function judge(tlc: TlcOutcome | undefined, ours: OurOutcome | undefined): Judgement {
  if (!tlc) return { skipped: true, why: 'TLC gave no outcome' };
  if (tlc.kind === 'timeout') return { skipped: true, why: 'TLC passed the time limit' };
  if (!ours) return { agree: false, cls: 'we-fail', detail: 'our engine gave no outcome' };
  if (ours.kind === 'timeout')
    return {
      agree: false,
      cls: 'we-timeout',
      detail: `TLC: ${tlc.kind === 'value' ? tlc.text : tlc.kind}`,
    };
  if (tlc.kind === 'rejected' || ours.kind === 'rejected') {
    if (tlc.kind === ours.kind) return { agree: true, how: 'rejected' };
    return {
      agree: false,
      cls: 'parse',
      detail:
        tlc.kind === 'rejected'
          ? `TLC refuses the module: ${tlc.message.slice(0, 300)}; we ${ours.kind === 'value' ? `give ${ours.printed}` : `fail: ${ours.message}`}`
          : `we refuse the module: ${(ours as { message: string }).message}; TLC ${tlc.kind === 'value' ? `gives ${tlc.text}` : 'fails'}`,
    };
  }
  // An internal error (a bug of ours: a JavaScript exception, a stack overflow) never agrees.
  if (ours.kind === 'error' && /^(Internal error|RangeError)/.test(ours.message)) {
    return {
      agree: false,
      cls: 'crash',
      detail: `TLC ${tlc.kind === 'value' ? `gives ${tlc.text}` : 'fails'}; we crash: ${ours.message.slice(0, 500)}`,
    };
  }
  if (tlc.kind === 'error') {
    if (ours.kind === 'error') return { agree: true, how: 'error' };
    return {
      agree: false,
      cls: 'we-accept',
      detail: `TLC fails${tlc.message ? `: ${tlc.message}` : ''}; we give ${ours.printed}`,
    };
  }
  if (ours.kind === 'error')
    return {
      agree: false,
      cls: 'we-fail',
      detail: `TLC gives ${tlc.text}; we fail: ${ours.message}`,
    };
  if (keyOf(tlc.value) !== keyOf(ours.value)) {
    return {
      agree: false,
      cls: 'value',
      detail: `TLC gives ${tlc.text}; we give ${show(ours.value)}`,
    };
  }
  const order = orderDifference(tlc.value, ours.value);
  if (order) return { agree: false, cls: 'order', detail: order };
  if (withoutLayout(tlc.text) !== withoutLayout(ours.printed)) {
    return {
      agree: false,
      cls: 'print',
      detail: `TLC prints ${withoutLayout(tlc.text)}; we print ${ours.printed}`,
    };
  }
  return { agree: true, how: 'value' };
}
