/**
 * `specstage export Spec.tla [--config X.cfg] [--no-deadlock] --out DIR|FILE.zip`: the model as a
 * folder (or zip) TLC runs unchanged, with every module it reaches and a README of the commands
 * for one machine and for TLC's distributed mode (formats/tlc-bundle.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { ensureParser } from '../check/check';
import { quintNotForTlc, tlcBundle } from '../formats/tlc-bundle';
import { EXIT } from './exit-codes';
import { LoadError, loadModel } from './load-model';
import { optionTokens, type OptionSpec } from './options';

export const EXPORT_USAGE = `Usage: specstage export Spec.tla --out DIR|FILE.zip [options]

Writes the model as TLC runs it: the spec, every module it reaches (the library modules TLC lacks
beside it, with their licences), the .cfg, and a README with the commands (one machine with all
its cores, checkpoints, TLC's distributed mode).

Options:
  --config FILE   the model config (default: Spec.cfg beside the spec)
  --no-deadlock   write CHECK_DEADLOCK FALSE into the exported .cfg
  --lib DIR       also load the .tla modules of DIR (repeatable)
  --out PATH      a folder, or a file ending in .zip`;

/** The options as node:util's parseArgs reads them (options.ts). */
const EXPORT_OPTIONS = {
  help: { type: 'boolean' },
  h: { type: 'boolean' },
  config: { type: 'string' },
  out: { type: 'string' },
  lib: { type: 'string', multiple: true },
  'no-deadlock': { type: 'boolean' },
} as const satisfies OptionSpec;

export async function runExport(
  argv: string[],
  out = (l: string) => process.stdout.write(l + '\n'),
  err = (l: string) => process.stderr.write(l + '\n'),
): Promise<number> {
  let spec: string | undefined;
  let config: string | undefined;
  let target: string | undefined;
  let noDeadlock = false;
  const libs: string[] = [];
  for (const t of optionTokens(argv, EXPORT_OPTIONS)) {
    const a = t.kind === 'option' ? t.arg : t.kind === 'positional' ? t.value : '--';
    // Known options only, and not inside a group of short ones (-hx).
    const known =
      t.kind === 'option' &&
      Object.hasOwn(EXPORT_OPTIONS, t.name) &&
      (t.raw.startsWith('--') ? t.name !== 'h' : t.name === 'h' && a === '-h');
    if (known && (t.name === 'help' || t.name === 'h')) {
      out(EXPORT_USAGE);
      return EXIT.success;
    }
    if (known && (t.name === 'config' || t.name === 'out' || t.name === 'lib')) {
      const v = t.value;
      if (!v) {
        err(`specstage export: ${t.raw} needs a value`);
        return EXIT.usage;
      }
      if (t.name === 'config') config = v;
      else if (t.name === 'out') target = v;
      else libs.push(v);
    } else if (known && t.name === 'no-deadlock') noDeadlock = true;
    else if (t.kind !== 'positional' || a.startsWith('-') || spec) {
      err(`specstage export: unexpected ${a}\n${EXPORT_USAGE}`);
      return EXIT.usage;
    } else spec = a;
  }
  if (!spec || !target) {
    err(`specstage export: ${spec ? '--out' : 'a spec'} is needed\n${EXPORT_USAGE}`);
    return EXIT.usage;
  }
  const quint = quintNotForTlc(spec);
  if (quint) {
    err(`Error: ${quint}`);
    return EXIT.usage;
  }
  let model;
  try {
    model = loadModel(spec, config, libs);
  } catch (e) {
    if (!(e instanceof LoadError)) throw e;
    err(`Error: ${e.message}`);
    return e.kind === 'cfg' ? EXIT.cfgError : EXIT.io;
  }
  await ensureParser();
  const bundle = tlcBundle({
    files: model.files,
    mainModule: model.mainModule,
    cfg: model.cfgText,
    cfgName: basename(model.cfgPath),
    options: noDeadlock ? { checkDeadlock: false } : {},
  });
  try {
    if (target.endsWith('.zip')) {
      const folder = model.mainModule;
      writeFileSync(
        target,
        zipSync(
          Object.fromEntries(bundle.files.map((f) => [`${folder}/${f.name}`, strToU8(f.text)])),
        ),
      );
    } else {
      mkdirSync(target, { recursive: true });
      for (const f of bundle.files) writeFileSync(join(target, f.name), f.text);
    }
  } catch (e) {
    err(`Error: cannot write ${target}: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.io;
  }
  out(
    `Wrote ${bundle.files.length} files to ${target}: ${bundle.files.map((f) => f.name).join(', ')}`,
  );
  if (bundle.fromTlc.length) out(`TLC has the others in its jar: ${bundle.fromTlc.join(', ')}.`);
  out(
    `Run: java -XX:+UseParallelGC -cp tla2tools.jar tlc2.TLC -workers auto -config ${bundle.cfgFile} ${model.mainModule}   (see README.md)`,
  );
  return EXIT.success;
}
