/**
 * Prints a generated expression or spec of a run, to reproduce a disagreement by its seed and id:
 *
 *   npx tsx scripts/differential/show.ts --seed 3 --expr 187 [--community-every 4]
 *   npx tsx scripts/differential/show.ts --seed 3 --spec 29 [--out DIR]   (writes G3_29.tla/.cfg)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCases } from './run-exprs';
import { generateSpec } from './spec-gen';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const seed = Number(opt('--seed') ?? 1);
if (opt('--expr')) {
  const id = Number(opt('--expr'));
  const c = generateCases(seed, id, Number(opt('--community-every') ?? 4))[id - 1];
  console.log(`${c.family}${c.community ? ' (community modules)' : ''}: ${c.ty}\n${c.expr}`);
} else if (opt('--spec')) {
  const g = generateSpec(seed, Number(opt('--spec')));
  const out = opt('--out');
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${g.name}.tla`), g.tla);
    writeFileSync(join(out, `${g.name}.cfg`), g.cfg);
    console.log(`${join(out, g.name)}.tla and .cfg written (${g.family})`);
  } else console.log(`${g.family}\n${g.tla}\n${g.cfg}`);
} else {
  console.error('usage: show.ts --seed S (--expr ID | --spec I [--out DIR])');
  process.exitCode = 2;
}
