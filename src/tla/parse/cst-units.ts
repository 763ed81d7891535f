/**
 * Module-level units and LET definitions: declarations, operator and function definitions,
 * instances, assumptions, nested modules. Theorems, proofs, USE/HIDE and separators are dropped;
 * only the statements of named theorems are kept aside for `Thm!:` references.
 */
import type { Expr, Param, Substitution, Unit } from '../ast/ast';
import {
  type ConvertContext,
  type CstNode,
  EXPR_TYPES,
  exprChildren,
  namedChildren,
  rangeOf,
} from './cst-context';
import { convertBounds } from './cst-binders';
import { convertExpr } from './cst-expr';
import { convertOpOrExpr, symbolName } from './cst-operators';
import { labelsOf } from '../ast/module-extras';

const SYMBOL_NODE_TYPES = new Set(['prefix_op_symbol', 'infix_op_symbol', 'postfix_op_symbol']);

/** Converts one module-level unit; undefined for what the AST omits (theorems, proofs, `----`). */
export function convertUnit(node: CstNode, ctx: ConvertContext): Unit | undefined {
  switch (node.type) {
    case 'variable_declaration':
      return {
        kind: 'Variables',
        names: namedChildren(node)
          .filter((c) => c.type === 'identifier')
          .map((c) => ({ name: c.text, range: rangeOf(c, ctx) })),
        range: rangeOf(node, ctx),
      };
    case 'constant_declaration':
      return { kind: 'Constants', decls: declarations(node, ctx), range: rangeOf(node, ctx) };
    case 'recursive_declaration':
      return { kind: 'Recursive', decls: declarations(node, ctx), range: rangeOf(node, ctx) };
    case 'operator_definition':
    case 'function_definition':
    case 'module_definition':
    case 'instance':
      return convertDefinition(node, ctx, false);
    case 'local_definition': {
      const inner = namedChildren(node)[0];
      return inner ? convertDefinition(inner, ctx, true) : undefined;
    }
    case 'assumption': {
      const name = node.childForFieldName('name')?.text;
      const expr = convertExpr(exprChildren(node).at(-1), ctx, node);
      const range = rangeOf(node, ctx);
      return name === undefined
        ? { kind: 'Assume', expr, range }
        : { kind: 'Assume', name, expr, range };
    }
    case 'theorem':
      rememberTheorem(node, ctx);
      return undefined;
    case 'module':
      return {
        kind: 'Submodule',
        module: ctx.convert.module(node, ctx),
        range: rangeOf(node, ctx),
      };
    default:
      return undefined;
  }
}

/** A definition inside LET: the same forms as at module level, minus LOCAL. */
export function convertLetDefinition(node: CstNode, ctx: ConvertContext): Unit | undefined {
  if (node.type === 'recursive_declaration') return convertUnit(node, ctx);
  return convertDefinition(node, ctx, false);
}

function convertDefinition(node: CstNode, ctx: ConvertContext, local: boolean): Unit | undefined {
  const range = rangeOf(node, ctx);
  switch (node.type) {
    case 'operator_definition': {
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return undefined;
      const labels = new Map<string, Expr>();
      const unit: Unit = {
        kind: 'OpDef',
        name: definedName(nameNode),
        nameRange: rangeOf(nameNode, ctx),
        params: parameters(node, ctx),
        body: convertExpr(node.childForFieldName('definition'), { ...ctx, labels }, node),
        local,
        range,
      };
      if (labels.size > 0) labelsOf.set(unit, labels);
      return unit;
    }
    case 'function_definition': {
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return undefined;
      const boundNodes = namedChildren(node).filter((c) => c.type === 'quantifier_bound');
      return {
        kind: 'FcnDef',
        name: nameNode.text,
        nameRange: rangeOf(nameNode, ctx),
        bounds: convertBounds(boundNodes, ctx),
        body: convertExpr(node.childForFieldName('definition'), ctx, node),
        local,
        range,
      };
    }
    case 'instance':
      return convertInstance(node, ctx, local, range);
    case 'module_definition': {
      const nameNode = node.childForFieldName('name');
      const instance = node.childForFieldName('definition');
      if (!nameNode || !instance) return undefined;
      const unit = convertInstance(instance, ctx, local, range);
      if (!unit || unit.kind !== 'Instance') return undefined;
      return {
        ...unit,
        name: nameNode.text,
        nameRange: rangeOf(nameNode, ctx),
        params: parameters(node, ctx),
      };
    }
    default:
      return undefined;
  }
}

function convertInstance(
  node: CstNode,
  ctx: ConvertContext,
  local: boolean,
  range: Unit['range'],
): Unit | undefined {
  const moduleNode = namedChildren(node).find((c) => c.type === 'identifier_ref');
  if (!moduleNode) return undefined;
  const subs: Substitution[] = [];
  for (const sub of namedChildren(node)) {
    if (sub.type !== 'substitution') continue;
    const [lhs, ...rest] = namedChildren(sub).filter((c) => c.type !== 'gets');
    const rhs = rest[0];
    if (!lhs) continue;
    const name = SYMBOL_NODE_TYPES.has(lhs.type) ? (symbolName(lhs) ?? '?') : lhs.text;
    subs.push({ name, expr: rhs ? convertOpOrExpr(rhs, ctx) : convertExpr(undefined, ctx, sub) });
  }
  return {
    kind: 'Instance',
    params: [],
    module: moduleNode.text,
    moduleRange: rangeOf(moduleNode, ctx),
    subs,
    local,
    range,
  };
}

/** Name of a definition: an identifier, `Nat`-like built-in set name, or an operator symbol. */
function definedName(nameNode: CstNode): string {
  if (SYMBOL_NODE_TYPES.has(nameNode.type)) return symbolName(nameNode) ?? '?';
  return nameNode.text === 'ℕ'
    ? 'Nat'
    : nameNode.text === 'ℤ'
      ? 'Int'
      : nameNode.text === 'ℝ'
        ? 'Real'
        : nameNode.text;
}

/** Parameters of an operator definition: `x` (arity 0) or `F(_, _)`, `_ + _`, `-. _`, `_ ^+`. */
function parameters(node: CstNode, ctx: ConvertContext): Param[] {
  return node
    .childrenForFieldName('parameter')
    .filter(
      (c): c is CstNode =>
        c !== null && (c.type === 'identifier' || c.type === 'operator_declaration'),
    )
    .map((c) => paramOf(c, ctx));
}

/** The entries of `CONSTANT a, F(_)` and `RECURSIVE G(_, _), H`. */
function declarations(node: CstNode, ctx: ConvertContext): Param[] {
  return namedChildren(node)
    .filter((c) => c.type === 'identifier' || c.type === 'operator_declaration')
    .map((c) => paramOf(c, ctx));
}

function paramOf(node: CstNode, ctx: ConvertContext): Param {
  const range = rangeOf(node, ctx);
  if (node.type === 'identifier') return { name: node.text, arity: 0, range };
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return { name: '?', arity: 0, range };
  if (nameNode.type === 'identifier') {
    const arity = node
      .childrenForFieldName('parameter')
      .filter((c) => c?.type === 'placeholder').length;
    return { name: nameNode.text, arity, range };
  }
  const arity = nameNode.type === 'infix_op_symbol' ? 2 : 1;
  return { name: symbolName(nameNode) ?? '?', arity, range };
}

function rememberTheorem(node: CstNode, ctx: ConvertContext): void {
  const nameNode = node.childForFieldName('name');
  const statement = node.childForFieldName('statement');
  if (!nameNode) return;
  // Converted apart: a theorem statement is only checked if something refers to it.
  const quiet: ConvertContext = {
    ...ctx,
    diagnostics: [],
    extras: { ...ctx.extras, subexpressionRefs: [] },
  };
  const expr =
    statement && EXPR_TYPES.has(statement.type) ? convertExpr(statement, quiet, node) : undefined;
  ctx.extras.theorems.set(nameNode.text, {
    name: nameNode.text,
    statement: expr,
    range: rangeOf(node, ctx),
    nameRange: rangeOf(nameNode, ctx),
  });
}
