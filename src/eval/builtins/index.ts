/** The table of built-in operators, by canonical name. */
import { coreOps } from './core-ops';
import { sequenceOps } from './sequences';
import { quintOps } from './quint';
import type { BuiltinTable } from './types';

let table: BuiltinTable | undefined;

export function builtinTable(): BuiltinTable {
  if (!table) {
    table = new Map();
    for (const b of [...coreOps, ...sequenceOps, ...quintOps]) table.set(b.name, b);
  }
  return table;
}
