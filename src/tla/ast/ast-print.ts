/**
 * A compact, unambiguous text form of the AST: operator applications in prefix form with explicit
 * parentheses, everything else close to TLA+. For tests (one line pins a shape) and debugging;
 * not a pretty-printer for users.
 */
import type { Bound, Expr, Module, Pattern, Unit } from './ast';

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'Num':
    case 'Decimal':
      return e.value;
    case 'Str':
      return JSON.stringify(e.value);
    case 'Bool':
      return e.value ? 'TRUE' : 'FALSE';
    case 'Ident':
      return e.name;
    case 'At':
      return '@';
    case 'OpApp':
      return `(${e.name}${e.args.map((a) => ' ' + printExpr(a)).join('')})`;
    case 'Qualified': {
      const path = e.path.map((s) => s.name + printArgs(s.args) + '!').join('');
      return `${path}${e.name}${printArgs(e.args)}`;
    }
    case 'OpRef':
      return `op:${e.name}`;
    case 'Lambda':
      return `(LAMBDA ${e.params.join(', ')} : ${printExpr(e.body)})`;
    case 'And':
      return `(/\\${e.args.map((a) => ' ' + printExpr(a)).join('')})`;
    case 'Or':
      return `(\\/${e.args.map((a) => ' ' + printExpr(a)).join('')})`;
    case 'SetEnum':
      return `{${e.elems.map(printExpr).join(', ')}}`;
    case 'SetFilter':
      return `{${printBound(e.bound)} : ${printExpr(e.pred)}}`;
    case 'SetMap':
      return `{${printExpr(e.body)} : ${printBounds(e.bounds)}}`;
    case 'Product':
      return `(\\X ${e.sets.map(printExpr).join(' ')})`;
    case 'FcnCtor':
      return `[${printBounds(e.bounds)} |-> ${printExpr(e.body)}]`;
    case 'FcnSet':
      return `[${printExpr(e.domain)} -> ${printExpr(e.range_)}]`;
    case 'RecordCtor':
      return `[${e.fields.map((f) => `${f.name} |-> ${printExpr(f.value)}`).join(', ')}]`;
    case 'RecordSet':
      return `[${e.fields.map((f) => `${f.name} : ${printExpr(f.set)}`).join(', ')}]`;
    case 'FcnApp':
      return `${printExpr(e.fcn)}[${e.args.map(printExpr).join(', ')}]`;
    case 'Dot':
      return `${printExpr(e.record)}.${e.field}`;
    case 'Tuple':
      return `<<${e.elems.map(printExpr).join(', ')}>>`;
    case 'Except': {
      const updates = e.updates.map((u) => {
        const path = u.path.map((s) =>
          s.kind === 'Field' ? `.${s.name}` : `[${s.args.map(printExpr).join(', ')}]`,
        );
        return `!${path.join('')} = ${printExpr(u.value)}`;
      });
      return `[${printExpr(e.fcn)} EXCEPT ${updates.join(', ')}]`;
    }
    case 'If':
      return `(IF ${printExpr(e.cond)} THEN ${printExpr(e.then)} ELSE ${printExpr(e.else_)})`;
    case 'Case': {
      const arms = e.arms.map((a) => `${printExpr(a.guard)} -> ${printExpr(a.body)}`);
      if (e.other) arms.push(`OTHER -> ${printExpr(e.other)}`);
      return `(CASE ${arms.join(' [] ')})`;
    }
    case 'Let':
      return `(LET ${e.defs.map(printUnit).join('; ')} IN ${printExpr(e.body)})`;
    case 'Choose':
      return `(CHOOSE ${printBound(e.bound)} : ${printExpr(e.body)})`;
    case 'Quant':
      return `(\\${e.quantifier} ${printBounds(e.bounds)} : ${printExpr(e.body)})`;
    case 'TemporalQuant':
      return `(\\${e.quantifier} ${e.names.join(', ')} : ${printExpr(e.body)})`;
    case 'StepExpr':
      return e.box
        ? `[${printExpr(e.action)}]_${printExpr(e.sub)}`
        : `<<${printExpr(e.action)}>>_${printExpr(e.sub)}`;
    case 'Fairness':
      return `${e.strong ? 'SF' : 'WF'}_${printExpr(e.sub)}(${printExpr(e.action)})`;
  }
}

function printArgs(args: Expr[]): string {
  return args.length === 0 ? '' : `(${args.map(printExpr).join(', ')})`;
}

function printPattern(p: Pattern): string {
  return p.kind === 'Var' ? p.name : `<<${p.names.join(', ')}>>`;
}

function printBound(b: Bound): string {
  return b.set ? `${printPattern(b.pattern)} \\in ${printExpr(b.set)}` : printPattern(b.pattern);
}

function printBounds(bounds: Bound[]): string {
  return bounds.map(printBound).join(', ');
}

export function printUnit(u: Unit): string {
  const params = (ps: { name: string; arity: number }[]) =>
    ps.length === 0
      ? ''
      : `(${ps.map((p) => (p.arity === 0 ? p.name : `${p.name}/${p.arity}`)).join(', ')})`;
  const local = 'local' in u && u.local ? 'LOCAL ' : '';
  switch (u.kind) {
    case 'Variables':
      return `VARIABLES ${u.names.map((n) => n.name).join(', ')}`;
    case 'Constants':
      return `CONSTANTS ${u.decls.map((d) => (d.arity === 0 ? d.name : `${d.name}/${d.arity}`)).join(', ')}`;
    case 'Recursive':
      return `RECURSIVE ${u.decls.map((d) => `${d.name}/${d.arity}`).join(', ')}`;
    case 'OpDef':
      return `${local}${u.name}${params(u.params)} == ${printExpr(u.body)}`;
    case 'FcnDef':
      return `${local}${u.name}[${printBounds(u.bounds)}] == ${printExpr(u.body)}`;
    case 'Instance': {
      const subs = u.subs.map((s) => `${s.name} <- ${printExpr(s.expr)}`).join(', ');
      const head = u.name === undefined ? '' : `${u.name}${params(u.params)} == `;
      return `${local}${head}INSTANCE ${u.module}${subs ? ' WITH ' + subs : ''}`;
    }
    case 'Assume':
      return `ASSUME ${u.name === undefined ? '' : u.name + ' == '}${printExpr(u.expr)}`;
    case 'Submodule':
      return `MODULE ${u.module.name} { ${u.module.units.map(printUnit).join('; ')} }`;
  }
}

export function printModule(m: Module): string {
  const ext = m.extends.length ? `EXTENDS ${m.extends.map((e) => e.name).join(', ')}\n` : '';
  return `MODULE ${m.name}\n${ext}${m.units.map(printUnit).join('\n')}`;
}
