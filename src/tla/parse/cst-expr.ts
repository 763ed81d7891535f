/**
 * Expressions: tree-sitter-tlaplus expression nodes → AST `Expr`. Parentheses and labels vanish,
 * operator symbols get their canonical spelling (spellings.ts), and binary `/\`, `\/`, `\X` chains
 * become one n-ary node (a parenthesised operand stays nested: `(A \X B) \X C` is a pair of pairs).
 */
import type { ExceptPathStep, ExceptUpdate, Expr, Range } from '../ast/ast';
import { convertBounds, convertChoose, convertUnboundedQuant, quantifierOf } from './cst-binders';
import {
  type ConvertContext,
  type CstNode,
  EXPR_TYPES,
  NUMBER_SET_NAMES,
  contentChildren,
  error,
  exprChildren,
  namedChildren,
  placeholder,
  rangeOf,
} from './cst-context';
import { decimalOfNumber, stringValue } from './cst-literals';
import {
  convertBoundOp,
  convertNonfixOp,
  convertPrefixedOp,
  convertSubexpression,
} from './cst-operators';
import { INFIX_PRECEDENCE, INFIX_SPELLING, POSTFIX_SPELLING, PREFIX_SPELLING } from './spellings';

export function convertExpr(
  node: CstNode | null | undefined,
  ctx: ConvertContext,
  near?: CstNode,
): Expr {
  if (!node || node.isMissing || node.type === 'ERROR') {
    const at = node ?? near;
    return placeholder(ctx, at ? rangeOf(at, ctx) : zeroRange(ctx));
  }
  const range = rangeOf(node, ctx);
  switch (node.type) {
    case 'nat_number':
    case 'binary_number':
    case 'octal_number':
    case 'hex_number':
      return { kind: 'Num', value: decimalOfNumber(node), range };
    case 'real_number':
      return { kind: 'Decimal', value: node.text, range };
    case 'string':
      return { kind: 'Str', value: stringValue(node.text), range };
    case 'boolean':
      return { kind: 'Bool', value: node.text === 'TRUE', range };
    case 'nat_number_set':
    case 'int_number_set':
    case 'real_number_set':
    case 'string_set':
    case 'boolean_set':
      return { kind: 'Ident', name: NUMBER_SET_NAMES[node.type], range };
    case 'identifier_ref':
      return { kind: 'Ident', name: node.text, range };
    case 'parentheses': {
      const inner = convertExpr(exprChildren(node)[0], ctx, node);
      // `(~(x))[1]`: the parentheses close the prefix application.
      return prefixNonfix.has(inner) ? { ...inner } : inner;
    }
    case 'label': {
      const expr = convertExpr(node.childForFieldName('expression'), ctx, node);
      const name = node.childForFieldName('name')?.text;
      if (name !== undefined) ctx.labels?.set(name, expr);
      return expr;
    }
    case 'prev_func_val':
      return { kind: 'At', range };
    case 'bound_op':
      return convertBoundOp(node, ctx, range);
    case 'bound_nonfix_op': {
      const e = convertNonfixOp(node, ctx, range);
      const symbol = node.childForFieldName('symbol');
      const prefix = symbol?.type === 'prefix_op_symbol' ? symbol.firstNamedChild?.type : undefined;
      if (prefix && e.kind === 'OpApp' && e.args.length === 1) prefixNonfix.set(e, prefix);
      return e;
    }
    case 'bound_prefix_op': {
      const symbol = node.childForFieldName('symbol');
      const name = (symbol && PREFIX_SPELLING[symbol.type]) ?? '?';
      return {
        kind: 'OpApp',
        name,
        args: [convertExpr(node.childForFieldName('rhs'), ctx, node)],
        range,
      };
    }
    case 'bound_postfix_op': {
      const symbol = node.childForFieldName('symbol');
      const name = (symbol && POSTFIX_SPELLING[symbol.type]) ?? '?';
      checkPrefixBefore(node.childForFieldName('lhs'), POSTFIX_PRECEDENCE, name, ctx);
      return {
        kind: 'OpApp',
        name,
        args: [convertExpr(node.childForFieldName('lhs'), ctx, node)],
        range,
      };
    }
    case 'bound_infix_op':
      return convertInfix(node, ctx, range);
    case 'prefixed_op':
      return convertPrefixedOp(node, ctx, range);
    case 'subexpression':
      return convertSubexpression(node, ctx, range);
    case 'proof_step_ref':
      error(
        ctx,
        'unsupported',
        'proof step references belong in proofs, not in expressions',
        range,
      );
      return placeholder(ctx, range);
    case 'bounded_quantification':
      return {
        kind: 'Quant',
        quantifier: quantifierOf(node),
        bounds: convertBounds(node.childrenForFieldName('bound'), ctx),
        body: convertExpr(node.childForFieldName('expression'), ctx, node),
        range,
      };
    case 'unbounded_quantification':
      return convertUnboundedQuant(node, ctx, range);
    case 'choose':
      return convertChoose(node, ctx, range);
    case 'finite_set_literal':
      return { kind: 'SetEnum', elems: exprChildren(node).map((e) => convertExpr(e, ctx)), range };
    case 'set_filter': {
      const [bound] = convertBounds([node.childForFieldName('generator')], ctx);
      const pred = convertExpr(node.childForFieldName('filter'), ctx, node);
      return bound ? { kind: 'SetFilter', bound, pred, range } : placeholder(ctx, range);
    }
    case 'set_map':
      return {
        kind: 'SetMap',
        body: convertExpr(node.childForFieldName('map'), ctx, node),
        bounds: convertBounds(node.childrenForFieldName('generator'), ctx),
        range,
      };
    case 'function_evaluation': {
      const [fcn, ...args] = exprChildren(node).map((e) => convertExpr(e, ctx));
      if (!fcn) return placeholder(ctx, range);
      return underPrefix(fcn, (operand) => ({ kind: 'FcnApp', fcn: operand, args, range }), range);
    }
    case 'function_literal': {
      const bounds = convertBounds(
        namedChildren(node).filter((c) => c.type === 'quantifier_bound'),
        ctx,
      );
      return {
        kind: 'FcnCtor',
        bounds,
        body: convertExpr(exprChildren(node)[0], ctx, node),
        range,
      };
    }
    case 'set_of_functions': {
      const [domain, range_] = exprChildren(node);
      return {
        kind: 'FcnSet',
        domain: convertExpr(domain, ctx, node),
        range_: convertExpr(range_, ctx, node),
        range,
      };
    }
    case 'record_literal':
      return {
        kind: 'RecordCtor',
        fields: fieldPairs(node, ctx).map(([name, value]) => ({ name, value })),
        range,
      };
    case 'set_of_records':
      return {
        kind: 'RecordSet',
        fields: fieldPairs(node, ctx).map(([name, set]) => ({ name, set })),
        range,
      };
    case 'record_value': {
      const [record] = exprChildren(node);
      const field = namedChildren(node).find((c) => c.type === 'identifier_ref' && c !== record);
      const name = field?.text ?? '?';
      return underPrefix(
        convertExpr(record, ctx, node),
        (operand) => ({ kind: 'Dot', record: operand, field: name, range }),
        range,
      );
    }
    case 'except':
      return convertExcept(node, ctx, range);
    case 'tuple_literal':
      return { kind: 'Tuple', elems: exprChildren(node).map((e) => convertExpr(e, ctx)), range };
    case 'step_expr_or_stutter':
    case 'step_expr_no_stutter': {
      const [action, sub] = exprChildren(node);
      return {
        kind: 'StepExpr',
        box: node.type === 'step_expr_or_stutter',
        action: convertExpr(action, ctx, node),
        sub: convertExpr(sub, ctx, node),
        range,
      };
    }
    case 'fairness': {
      const [sub, action] = exprChildren(node);
      return {
        kind: 'Fairness',
        strong: node.firstChild?.type === 'SF_',
        sub: convertExpr(sub, ctx, node),
        action: convertExpr(action, ctx, node),
        range,
      };
    }
    case 'if_then_else':
      return {
        kind: 'If',
        cond: convertExpr(node.childForFieldName('if'), ctx, node),
        then: convertExpr(node.childForFieldName('then'), ctx, node),
        else_: convertExpr(node.childForFieldName('else'), ctx, node),
        range,
      };
    case 'case':
      return convertCase(node, ctx, range);
    case 'let_in': {
      const defs = node
        .childrenForFieldName('definitions')
        .flatMap((d) => (d ? (ctx.convert.letDefinition(d, ctx) ?? []) : []));
      return {
        kind: 'Let',
        defs,
        body: convertExpr(node.childForFieldName('expression'), ctx, node),
        range,
      };
    }
    case 'conj_list':
    case 'disj_list': {
      const args = contentChildren(node).map((item) =>
        convertExpr(exprChildren(item)[0], ctx, item),
      );
      return { kind: node.type === 'conj_list' ? 'And' : 'Or', args, range };
    }
    default:
      error(ctx, 'unsupported', `unsupported expression (${node.type})`, range);
      return placeholder(ctx, range);
  }
}

function zeroRange(ctx: ConvertContext): Range {
  return { module: ctx.moduleName, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

/**
 * SANY's rule for `a op1 b op2 c` (Specifying Systems 15.2.1): the operand of an infix operator
 * may be another infix application without parentheses only when their precedence ranges do not
 * overlap, or both are the same left-associative operator. `a % n + 1` and `a \/ b /\ c` are
 * errors there; the parser here resolves them silently, so they are reported as TLC would.
 */
function checkPrecedence(node: CstNode, symbolType: string, ctx: ConvertContext): void {
  const outer = INFIX_PRECEDENCE[symbolType];
  if (!outer) return;
  for (const side of ['lhs', 'rhs'] as const) {
    const child = node.childForFieldName(side);
    // SANY also refuses a prefix minus (precedence 12) as the right operand of an infix operator
    // of precedence 13 or more: `a * -b`, `a \div -2`, `a ^ -1`, `s \o -x` (TLC 2.20), while
    // `a + -b`, `a % -b` and `a = -b` are fine.
    if (side === 'rhs' && child?.type === 'bound_prefix_op' && outer[0] >= 13) {
      const prefix = child.childForFieldName('symbol')?.type;
      if (prefix === 'negative' || prefix === 'negative_dot')
        error(
          ctx,
          'syntax',
          `Precedence conflict between ops ${INFIX_SPELLING[symbolType] ?? symbolType} and -.: add parentheses`,
          rangeOf(child, ctx),
        );
      continue;
    }
    if (child?.type !== 'bound_infix_op') continue;
    const innerType = child.childForFieldName('symbol')?.type ?? '';
    const inner = INFIX_PRECEDENCE[innerType];
    if (!inner) continue;
    const overlap = inner[0] <= outer[1] && outer[0] <= inner[1];
    if (!overlap || (innerType === symbolType && outer[2] && side === 'lhs')) continue;
    const spell = (t: string) => INFIX_SPELLING[t] ?? t;
    error(
      ctx,
      'syntax',
      `Precedence conflict between ops ${spell(innerType)} and ${spell(symbolType)}: add parentheses`,
      rangeOf(child, ctx),
    );
  }
}

/**
 * SANY's precedence ranges of the prefix operators (tla2sany.parser.Operators, in the scale of
 * INFIX_PRECEDENCE): SUBSET, UNION and DOMAIN are 10-13 there, not 8 and 9 as in the book.
 */
const PREFIX_PRECEDENCE: Readonly<Record<string, readonly [number, number]>> = {
  lnot: [4, 4],
  enabled: [4, 15],
  unchanged: [4, 15],
  always: [4, 15],
  eventually: [4, 15],
  powerset: [10, 13],
  union: [10, 13],
  domain: [10, 13],
  negative: [12, 12],
  negative_dot: [12, 12],
};

/** SANY's range of `\X` (not an infix operator here: INFIX_PRECEDENCE has no entry) and of postfix operators. */
const TIMES_PRECEDENCE = [10, 13] as const;
const POSTFIX_PRECEDENCE = [15, 15] as const;

/** The prefix operator a node applies (`[]a`, or its nonfix form `[](a)`), if any. */
function prefixType(node: CstNode): string | undefined {
  if (node.type === 'bound_prefix_op') return node.childForFieldName('symbol')?.type;
  if (node.type !== 'bound_nonfix_op') return undefined;
  const symbol = node.childForFieldName('symbol');
  return symbol?.type === 'prefix_op_symbol' ? symbol.firstNamedChild?.type : undefined;
}

/**
 * SANY's rule for `P a op b`, a prefix operator P followed by its operand and an infix or postfix
 * operator (Specifying Systems 15.2.1): when their precedence ranges overlap, it is a conflict
 * (`[]a = b`, `<>a \in S`, `ENABLED x' = 1`, `DOMAIN f + 1`, `[]a + b = c`: TLC 2.20 -sany
 * "Precedence conflict between ops [] ... and ="); the parser here reads `([]a) = b` silently. The
 * operators met between `a` and `op` are those on the right spine of `op`'s left operand, the
 * innermost first; a prefix operator whose range lies above op's is applied first (`[]a /\ b`,
 * `DOMAIN f .. g`), and SANY then compares op with the next one out.
 */
function checkPrefixBefore(
  operand: CstNode | null,
  outer: readonly [number, number, ...unknown[]],
  spelling: string,
  ctx: ConvertContext,
): void {
  const spine: CstNode[] = [];
  for (let n = operand; n;) {
    const prefix = prefixType(n);
    if (prefix) {
      spine.push(n);
      n = n.type === 'bound_prefix_op' ? n.childForFieldName('rhs') : null;
    } else if (n.type === 'bound_infix_op') {
      spine.push(n);
      n = n.childForFieldName('rhs');
    } else break;
  }
  for (const n of spine.reverse()) {
    const type = prefixType(n);
    const p = type ? PREFIX_PRECEDENCE[type] : undefined;
    // An infix operator between them: checkPrecedence compares it with op.
    if (!type || !p) return;
    if (p[0] <= outer[1] && outer[0] <= p[1]) {
      error(
        ctx,
        'syntax',
        `Precedence conflict between ops ${PREFIX_SPELLING[type] ?? type} and ${spelling}: add parentheses`,
        rangeOf(n, ctx),
      );
      return;
    }
    // op binds tighter than P: SANY reads P(a op b), which is not this tree; leave it.
    if (outer[0] > p[1]) return;
  }
}

function convertInfix(node: CstNode, ctx: ConvertContext, range: Range): Expr {
  const symbolType = node.childForFieldName('symbol')?.type ?? '';
  checkPrecedence(node, symbolType, ctx);
  const infix = symbolType === 'times' ? TIMES_PRECEDENCE : INFIX_PRECEDENCE[symbolType];
  if (infix)
    checkPrefixBefore(
      node.childForFieldName('lhs'),
      infix,
      INFIX_SPELLING[symbolType] ?? symbolType,
      ctx,
    );
  if (symbolType === 'land' || symbolType === 'lor' || symbolType === 'times') {
    // Left-nested chains of the same operator (`a /\ b /\ c` parses as `(a /\ b) /\ c`) become
    // one n-ary node; a parenthesised operand is a `parentheses` node and stays nested.
    const operands: CstNode[] = [];
    let left: CstNode | null = node;
    while (
      left &&
      left.type === 'bound_infix_op' &&
      left.childForFieldName('symbol')?.type === symbolType
    ) {
      const rhs = left.childForFieldName('rhs');
      operands.push(rhs ?? left);
      left = left.childForFieldName('lhs');
    }
    operands.push(left ?? node);
    const args = operands.reverse().map((e) => convertExpr(e, ctx, node));
    if (symbolType === 'times') return { kind: 'Product', sets: args, range };
    const expr: Expr = { kind: symbolType === 'land' ? 'And' : 'Or', args, range };
    ctx.extras.flattened.add(expr);
    return expr;
  }
  const name = INFIX_SPELLING[symbolType] ?? '?';
  const lhs = convertExpr(node.childForFieldName('lhs'), ctx, node);
  const rhs = convertExpr(node.childForFieldName('rhs'), ctx, node);
  const apply = (operand: Expr): Expr => ({ kind: 'OpApp', name, args: [operand, rhs], range });
  return infix ? infixAfterPrefix(lhs, infix, apply, range) : apply(lhs);
}

/** `[a |-> 1, b |-> 2]` and `[a : S]`: (field name, converted expression) pairs in order. */
/** The fields of `[a |-> e, …]` or `[a : S, …]`; a field written twice is SANY's error, as in TLC. */
function fieldPairs(node: CstNode, ctx: ConvertContext): [string, Expr][] {
  const pairs: [string, Expr][] = [];
  let name: CstNode | undefined;
  for (const child of namedChildren(node)) {
    if (child.type === 'identifier') name = child;
    else if (EXPR_TYPES.has(child.type) && name !== undefined) {
      if (pairs.some(([n]) => n === name!.text)) {
        error(
          ctx,
          'duplicate-field',
          `Non-unique fields in constructor: ${name.text} is given twice`,
          rangeOf(name, ctx),
        );
      }
      pairs.push([name.text, convertExpr(child, ctx)]);
      name = undefined;
    }
  }
  return pairs;
}

function convertExcept(node: CstNode, ctx: ConvertContext, range: Range): Expr {
  const fcn = convertExpr(node.childForFieldName('expr_to_update'), ctx, node);
  const updates: ExceptUpdate[] = [];
  for (const update of namedChildren(node)) {
    if (update.type !== 'except_update') continue;
    const specifier = update
      .childrenForFieldName('update_specifier')
      .find((c) => c?.type === 'except_update_specifier');
    const path: ExceptPathStep[] = [];
    for (const step of specifier ? namedChildren(specifier) : []) {
      if (step.type === 'except_update_fn_appl') {
        path.push({ kind: 'Index', args: exprChildren(step).map((e) => convertExpr(e, ctx)) });
      } else if (step.type === 'except_update_record_field') {
        path.push({ kind: 'Field', name: step.firstNamedChild?.text ?? '?' });
      }
    }
    updates.push({ path, value: convertExpr(update.childForFieldName('new_val'), ctx, update) });
  }
  return { kind: 'Except', fcn, updates, range };
}

function convertCase(node: CstNode, ctx: ConvertContext, range: Range): Expr {
  const arms: { guard: Expr; body: Expr }[] = [];
  let other: Expr | undefined;
  for (const arm of namedChildren(node)) {
    const [first, second] = exprChildren(arm);
    if (arm.type === 'case_arm') {
      arms.push({ guard: convertExpr(first, ctx, arm), body: convertExpr(second, ctx, arm) });
    } else if (arm.type === 'other_arm') {
      other = convertExpr(first, ctx, arm);
    }
  }
  return other ? { kind: 'Case', arms, other, range } : { kind: 'Case', arms, range };
}

/**
 * `~(x).a`, `SUBSET (s)[i]`, `DOMAIN (f)[1]`: tree-sitter reads a prefix operator before a
 * parenthesised expression as its nonfix application `~(x)` and applies `.a` or `[i]` to that.
 * In SANY, as in the precedence table, `.` and `[ ]` bind tighter than every prefix operator:
 * ~((x).a). Such applications are marked here, and a `.` or `[ ]` after one goes inside it.
 */
const prefixNonfix = new WeakMap<Expr, string>();

function underPrefix(base: Expr, apply: (operand: Expr) => Expr, range: Range): Expr {
  const prefix = prefixNonfix.get(base);
  if (prefix === undefined || base.kind !== 'OpApp') return apply(base);
  const e: Expr = { kind: 'OpApp', name: base.name, args: [apply(base.args[0])], range };
  prefixNonfix.set(e, prefix);
  return e;
}

/**
 * `~(x) = 1`, `-(x)^2`, `~(a) \in S`: the same reading of `~(x)` as a closed application, before
 * an infix operator. SANY applies a prefix operator to everything after it that binds tighter
 * than it does: ~((x) = 1), -((x)^2). An infix operator whose range lies above the prefix
 * operator's goes inside it; the result stays open for the next operator out (`~(x) + 1 = 2` is
 * ~((x + 1) = 2)). Overlapping ranges are SANY's precedence conflict (checkPrefixBefore).
 */
function infixAfterPrefix(
  lhs: Expr,
  infix: readonly [number, number, ...unknown[]],
  apply: (operand: Expr) => Expr,
  range: Range,
): Expr {
  const prefix = prefixNonfix.get(lhs);
  const p = prefix === undefined ? undefined : PREFIX_PRECEDENCE[prefix];
  if (!p || infix[0] <= p[1]) return apply(lhs);
  return underPrefix(lhs, apply, range);
}
