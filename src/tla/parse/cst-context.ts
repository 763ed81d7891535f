/**
 * What every CST → AST conversion step shares: the module the nodes belong to (for ranges), the
 * diagnostics found so far, and the side information the AST has no room for (module-extras.ts).
 */
import type { Node } from 'web-tree-sitter';
import type { Diagnostic, Expr, Module, Position, Range, Unit } from '../ast/ast';
import type { ModuleExtras } from '../ast/module-extras';

export type CstNode = Node;

export interface ConvertContext {
  moduleName: string;
  /** The whole source text, to trim ranges (see rangeOf). */
  text: string;
  diagnostics: Diagnostic[];
  extras: ModuleExtras;
  /** Labels of the operator definition being converted (`P0:: e`), for `Op!P0` references. */
  labels?: Map<string, Expr>;
  /** The recursive steps (converters.ts wires them), so that no conversion file imports its caller. */
  convert: Converters;
}

/**
 * The grammar is recursive (an expression holds a LET definition, which holds expressions; a
 * module holds a nested module), the files are not: a step that converts something enclosing it
 * reaches the converter through the context, wired once in cst-to-ast.ts.
 */
export interface Converters {
  expr(node: CstNode | null | undefined, ctx: ConvertContext, near?: CstNode): Expr;
  letDefinition(node: CstNode, ctx: ConvertContext): Unit | undefined;
  module(node: CstNode, ctx: ConvertContext): Module;
}

// tree-sitter's rows and columns are 0-based, columns in UTF-16 code units when the input is a JS
// string (what the AST wants), so only the base changes.
export function positionOf(point: { row: number; column: number }): Position {
  return { line: point.row + 1, column: point.column + 1 };
}

export function rangeOf(node: CstNode, ctx: ConvertContext): Range {
  return {
    module: ctx.moduleName,
    start: positionOf(node.startPosition),
    end: positionOf(tightEnd(node, ctx.text)),
  };
}

/**
 * Where a node's last token ends. A bullet list ends with an invisible dedent token that the
 * scanner emits at the next token, after whitespace and comments, so the list and every node
 * ending with it would reach onto the next line; a real token never ends in whitespace, which is
 * how a loose end shows.
 */
function tightEnd(node: CstNode, text: string): { row: number; column: number } {
  let current = node;
  for (;;) {
    const end = current.endIndex;
    if (end === 0 || !isSpace(text.charCodeAt(end - 1))) return current.endPosition;
    let last: CstNode | null = current.lastChild;
    while (last && (isExtra(last) || last.endIndex === last.startIndex))
      last = last.previousSibling;
    if (!last) return current.endPosition;
    current = last;
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 12;
}

export function error(ctx: ConvertContext, code: string, message: string, range: Range): void {
  ctx.diagnostics.push({ severity: 'error', code, message, range });
}

/** Named children, skipping comments (tree-sitter "extras" can sit between any two tokens). */
export function namedChildren(node: CstNode): CstNode[] {
  return node.namedChildren.filter((c): c is CstNode => c !== null && !isExtra(c));
}

export function isExtra(node: CstNode): boolean {
  return node.type === 'comment' || node.type === 'block_comment';
}

/** Named children that are not comments nor ERROR nodes (error recovery leaves those behind). */
export function contentChildren(node: CstNode): CstNode[] {
  return namedChildren(node).filter((c) => c.type !== 'ERROR');
}

/** Node types that are expressions (the `_expr` supertype, expanded). */
export const EXPR_TYPES: ReadonlySet<string> = new Set([
  'nat_number',
  'real_number',
  'binary_number',
  'octal_number',
  'hex_number',
  'string',
  'boolean',
  'string_set',
  'boolean_set',
  'nat_number_set',
  'int_number_set',
  'real_number_set',
  'parentheses',
  'label',
  'subexpression',
  'proof_step_ref',
  'identifier_ref',
  'bound_op',
  'bound_nonfix_op',
  'prefixed_op',
  'bound_prefix_op',
  'bound_infix_op',
  'bound_postfix_op',
  'bounded_quantification',
  'unbounded_quantification',
  'choose',
  'finite_set_literal',
  'set_filter',
  'set_map',
  'function_evaluation',
  'function_literal',
  'set_of_functions',
  'record_literal',
  'set_of_records',
  'record_value',
  'except',
  'prev_func_val',
  'tuple_literal',
  'step_expr_or_stutter',
  'step_expr_no_stutter',
  'fairness',
  'if_then_else',
  'case',
  'let_in',
  'conj_list',
  'disj_list',
]);

export const NUMBER_SET_NAMES: Readonly<Record<string, string>> = {
  nat_number_set: 'Nat',
  int_number_set: 'Int',
  real_number_set: 'Real',
  string_set: 'STRING',
  boolean_set: 'BOOLEAN',
};

/** Expression children of a node (its operands), in order. */
export function exprChildren(node: CstNode): CstNode[] {
  return namedChildren(node).filter((c) => EXPR_TYPES.has(c.type));
}

/** A stand-in for a missing or broken expression; its problem is reported elsewhere. */
export function placeholder(ctx: ConvertContext, range: Range, name = '?'): Expr {
  const expr: Expr = { kind: 'Ident', name, range };
  ctx.extras.placeholders.add(expr);
  return expr;
}
