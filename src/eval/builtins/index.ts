/** The table of built-in operators, by canonical name. */
import { ValueError } from '../../core/values';
import { coreOps } from './core-ops';
import { sequenceOps } from './sequences';
import { quintOps } from './quint';
import type { Builtin, BuiltinTable } from './types';

const modelOps: Builtin[] = [
  {
    name: '#unassigned-constant',
    arity: 1,
    call: ([name]) => {
      throw new ValueError(
        `The constant ${String(name)} is not assigned a value by the model (.cfg CONSTANTS)`,
      );
    },
  },
];

let table: BuiltinTable | undefined;

export function builtinTable(): BuiltinTable {
  if (!table) {
    table = new Map();
    for (const b of [...coreOps, ...sequenceOps, ...quintOps, ...modelOps]) table.set(b.name, b);
  }
  return table;
}
