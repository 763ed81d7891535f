/**
 * Binders: quantifiers (bounded, unbounded, temporal), CHOOSE, and the bounds and tuple patterns
 * they share with set and function constructors and function definitions.
 */
import type { Bound, Expr, Pattern, Range } from '../ast/ast';
import { type ConvertContext, type CstNode, namedChildren, rangeOf } from './cst-context';

export function quantifierOf(node: CstNode): 'A' | 'E' {
  return node.childForFieldName('quantifier')?.type === 'exists' ? 'E' : 'A';
}

export function convertUnboundedQuant(node: CstNode, ctx: ConvertContext, range: Range): Expr {
  const quantifier = node.childForFieldName('quantifier')?.type;
  const intro = node
    .childrenForFieldName('intro')
    .filter((c): c is CstNode => c?.type === 'identifier');
  const body = ctx.convert.expr(node.childForFieldName('expression'), ctx, node);
  if (quantifier === 'temporal_forall' || quantifier === 'temporal_exists') {
    const names = intro.map((i) => i.text);
    return {
      kind: 'TemporalQuant',
      quantifier: quantifier === 'temporal_forall' ? 'AA' : 'EE',
      names,
      body,
      range,
    };
  }
  const bounds: Bound[] = intro.map((i) => ({
    pattern: { kind: 'Var', name: i.text, range: rangeOf(i, ctx) },
  }));
  return { kind: 'Quant', quantifier: quantifierOf(node), bounds, body, range };
}

export function convertChoose(node: CstNode, ctx: ConvertContext, range: Range): Expr {
  const intro = node.childForFieldName('intro');
  const setNode = node.childForFieldName('set');
  const bound: Bound = {
    pattern: intro ? patternOf(intro, ctx) : { kind: 'Var', name: '?', range },
  };
  if (setNode) bound.set = ctx.convert.expr(setNode, ctx);
  return {
    kind: 'Choose',
    bound,
    body: ctx.convert.expr(node.childForFieldName('expression'), ctx, node),
    range,
  };
}

export function patternOf(intro: CstNode, ctx: ConvertContext): Pattern {
  const range = rangeOf(intro, ctx);
  if (intro.type === 'tuple_of_identifiers') {
    const names = namedChildren(intro)
      .filter((c) => c.type === 'identifier')
      .map((c) => c.text);
    return { kind: 'TuplePattern', names, range };
  }
  return { kind: 'Var', name: intro.text, range };
}

/** `quantifier_bound` nodes → bounds; `x, y \in S` gives two bounds sharing one `set` object. */
export function convertBounds(nodes: (CstNode | null)[], ctx: ConvertContext): Bound[] {
  const bounds: Bound[] = [];
  for (const node of nodes) {
    if (!node || node.type !== 'quantifier_bound') continue;
    const set = ctx.convert.expr(node.childForFieldName('set'), ctx, node);
    for (const intro of node.childrenForFieldName('intro')) {
      if (intro && (intro.type === 'identifier' || intro.type === 'tuple_of_identifiers')) {
        bounds.push({ pattern: patternOf(intro, ctx), set });
      }
    }
  }
  return bounds;
}
