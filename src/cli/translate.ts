/**
 * `specstage translate Spec.tla [--write] [-wf|-sf|-termination|...]`: translates the PlusCal
 * algorithm of a module as pcal.trans (`tlc -pcal -nocfg`) does, with our translator
 * (src/pluscal). Prints the module with its new translation, or with `--write` rewrites the file's
 * BEGIN/END TRANSLATION block (no `.old` copy) and, unless `-nocfg`, writes the model config as
 * pcal.trans does (src/pluscal/config.ts). The translator's messages go to stderr;
 * an error in the algorithm is reported as pcal.trans reports it (exit code 150).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { translatorConfig } from '../pluscal/config';
import { translateModule } from '../pluscal/translate';
import { EXIT } from './exit-codes';

export const TRANSLATE_USAGE = `Usage: specstage translate Spec.tla [--write] [translator options]

Translates the PlusCal algorithm of Spec.tla (as TLA+'s pcal.trans does) and prints the module
with its new translation between \\* BEGIN TRANSLATION and \\* END TRANSLATION.

  --write           rewrite Spec.tla instead of printing it, and Spec.cfg as pcal.trans
                    writes it (SPECIFICATION Spec, ...) unless -nocfg
  translator options, as pcal.trans takes them (a module's "PlusCal options (...)" comes after):
  -wf -sf -wfNext -nof  fairness of Spec   -termination   -noDoneDisjunct   -nocfg
  -label  -labelRoot NAME   -lineWidth N   -version V`;

export interface TranslateDeps {
  stdout: (text: string) => void;
  stderr: (line: string) => void;
}

const defaultDeps: TranslateDeps = {
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(line + '\n'),
};

export function runTranslate(argv: string[], deps: TranslateDeps = defaultDeps): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    deps.stdout(TRANSLATE_USAGE + '\n');
    return EXIT.success;
  }
  const write = argv.includes('--write');
  const rest = argv.filter((a) => a !== '--write');
  const files = rest.filter(
    (a, i) => a.endsWith('.tla') && !/^-(labelRoot|lineWidth|version)$/.test(rest[i - 1] ?? ''),
  );
  if (files.length !== 1) {
    deps.stderr('specstage translate: give one .tla file');
    deps.stderr(TRANSLATE_USAGE);
    return EXIT.usage;
  }
  const file = files[0];
  const options = rest.filter((a) => a !== file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    deps.stderr(`specstage translate: cannot read ${file}: ${(e as Error).message}`);
    return EXIT.io;
  }
  const r = translateModule(text, options);
  if (!r.ok) {
    const message = r.error.message;
    if (message.startsWith('Command-line error:')) {
      deps.stderr(`specstage translate: ${message}`);
      return EXIT.usage;
    }
    deps.stderr(`${file}: PlusCal error:\n -- ${message}`);
    return EXIT.specError;
  }
  for (const m of r.messages) deps.stderr(m);
  if (!write) {
    deps.stdout(r.text);
    return EXIT.success;
  }
  try {
    writeFileSync(file, r.text);
  } catch (e) {
    deps.stderr(`specstage translate: cannot write ${file}: ${(e as Error).message}`);
    return EXIT.io;
  }
  deps.stderr(`New file ${file} written.`);
  if (r.options.nocfg) return EXIT.success;
  // As pcal.trans: the model config beside the module, unless -nocfg.
  const cfgFile = file.replace(/\.tla$/, '.cfg');
  try {
    const existing = existsSync(cfgFile) ? readFileSync(cfgFile, 'utf8') : undefined;
    const cfg = translatorConfig(existing, r, cfgFile);
    for (const m of cfg.messages) deps.stderr(m);
    writeFileSync(cfgFile, cfg.text);
  } catch (e) {
    deps.stderr(`specstage translate: cannot write ${cfgFile}: ${(e as Error).message}`);
    return EXIT.io;
  }
  deps.stderr(`New file ${cfgFile} written.`);
  return EXIT.success;
}
