/**
 * Operator applications and references: `Op(a, b)`, `+(a, b)`, operators passed as arguments
 * (symbols, LAMBDA), references through instances (`I(x)!Op`) and subexpression references
 * (`Inv!2`, `Thm!:`), which become placeholders resolved later (subexpressions.ts).
 */
import type { Expr, InstanceStep, Range } from '../ast/ast';
import {
  type ConvertContext,
  type CstNode,
  NUMBER_SET_NAMES,
  error,
  exprChildren,
  namedChildren,
  placeholder,
  rangeOf,
} from './cst-context';
import { spellingOf } from './spellings';

const SYMBOL_NODE_TYPES = new Set(['prefix_op_symbol', 'infix_op_symbol', 'postfix_op_symbol']);

/** An operator argument: an expression, or an operator (symbol or LAMBDA) passed as such. */
export function convertOpOrExpr(node: CstNode, ctx: ConvertContext): Expr {
  if (SYMBOL_NODE_TYPES.has(node.type)) {
    return { kind: 'OpRef', name: symbolName(node) ?? '?', range: rangeOf(node, ctx) };
  }
  if (node.type === 'lambda') {
    const params = namedChildren(node).filter((c) => c.type === 'identifier');
    return {
      kind: 'Lambda',
      params: params.map((p) => p.text),
      body: ctx.convert.expr(exprChildren(node)[0], ctx, node),
      range: rangeOf(node, ctx),
    };
  }
  return ctx.convert.expr(node, ctx);
}

/** The canonical name of a `prefix_op_symbol`, `infix_op_symbol` or `postfix_op_symbol` node. */
export function symbolName(node: CstNode): string | undefined {
  const inner = node.firstNamedChild;
  return inner ? spellingOf(inner.type) : undefined;
}

/** Arguments of `Op(a, b)`: every named child of the `parameter` field. */
function opArgs(node: CstNode, ctx: ConvertContext): Expr[] {
  return node
    .childrenForFieldName('parameter')
    .filter(
      (c): c is CstNode =>
        c !== null && c.isNamed && c.type !== 'comment' && c.type !== 'block_comment',
    )
    .map((c) => (c.type === 'ERROR' ? placeholder(ctx, rangeOf(c, ctx)) : convertOpOrExpr(c, ctx)));
}

export function convertBoundOp(node: CstNode, ctx: ConvertContext, range: Range): Expr {
  const name = node.childForFieldName('name')?.text ?? '?';
  return { kind: 'OpApp', name, args: opArgs(node, ctx), range };
}

/** `+(a, b)`, `~(x)`: a symbolic operator applied in prefix form. */
export function convertNonfixOp(node: CstNode, ctx: ConvertContext, range: Range): Expr {
  const symbol = node.childForFieldName('symbol');
  const name = (symbol && symbolName(symbol)) ?? '?';
  return {
    kind: 'OpApp',
    name,
    args: exprChildren(node).map((e) => ctx.convert.expr(e, ctx)),
    range,
  };
}

/**
 * `I!Op`, `I(x)!J!Op(a)`, `I!+(a, b)`: a reference through named instances. A positional or label
 * selector in the path (`Op!1!2`, `Op!lbl`) is not an instance path: see convertSubexpression.
 */
export function convertPrefixedOp(node: CstNode, ctx: ConvertContext, range: Range): Expr {
  const prefix = node.childForFieldName('prefix');
  const op = node.childForFieldName('op');
  const path: InstanceStep[] = [];
  for (const part of prefix ? namedChildren(prefix) : []) {
    const step = part.type === 'subexpr_component' ? instanceStep(part, ctx) : undefined;
    if (!step) {
      error(ctx, 'unsupported', `unsupported subexpression reference \`${node.text}\``, range);
      return placeholder(ctx, range);
    }
    path.push(step);
  }
  if (!op) return placeholder(ctx, range);
  if (op.type === 'bound_op') {
    return {
      kind: 'Qualified',
      path,
      name: op.childForFieldName('name')?.text ?? '?',
      args: opArgs(op, ctx),
      range,
    };
  }
  if (op.type === 'bound_nonfix_op') {
    const symbol = op.childForFieldName('symbol');
    const args = exprChildren(op).map((e) => ctx.convert.expr(e, ctx));
    return { kind: 'Qualified', path, name: (symbol && symbolName(symbol)) ?? '?', args, range };
  }
  return { kind: 'Qualified', path, name: NUMBER_SET_NAMES[op.type] ?? op.text, args: [], range };
}

function instanceStep(component: CstNode, ctx: ConvertContext): InstanceStep | undefined {
  const inner = component.firstNamedChild;
  if (inner?.type === 'identifier_ref') return { name: inner.text, args: [] };
  if (inner?.type === 'bound_op')
    return { name: inner.childForFieldName('name')?.text ?? '?', args: opArgs(inner, ctx) };
  return undefined;
}

/**
 * `Inv!2` (the second conjunct of Inv) and `Thm!:` (the statement of theorem Thm): TLC evaluates
 * them, so the front end replaces them by the expression they select once all modules are loaded
 * (subexpressions.ts). Here: a placeholder and a note of what to select.
 */
export function convertSubexpression(node: CstNode, ctx: ConvertContext, range: Range): Expr {
  const parts: CstNode[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'subexpr_prefix') parts.push(...namedChildren(child));
    else parts.push(child);
  }
  const [head, ...rest] = parts;
  const target = head?.type === 'subexpr_component' ? head.firstNamedChild : null;
  const selectors = rest.map((p) => (p.type === 'subexpr_tree_nav' ? p.firstNamedChild : null));
  const supported =
    target?.type === 'identifier_ref' &&
    selectors.every((s) => s !== null && (s.type === 'child_id' || s.type === 'colon'));
  const expr = placeholder(ctx, range, node.text);
  if (!supported || !target) {
    error(ctx, 'unsupported', `unsupported subexpression reference \`${node.text}\``, range);
    return expr;
  }
  ctx.extras.subexpressionRefs.push({
    placeholder: expr,
    target: target.text,
    targetRange: rangeOf(target, ctx),
    selectors: selectors.map((s) => s?.text ?? ''),
    range,
  });
  return expr;
}
