/**
 * A model as a folder TLC runs unchanged: the spec, every module it reaches (the user's, and the
 * library modules specstage ships that TLC's jar lacks: Community Modules, TLAPS, Apalache), the
 * .cfg with the settings made outside it (deadlock), and a README with the commands for one
 * machine and for TLC's distributed mode. For `specstage export`, `check --engine tlc` and the
 * app's export.
 */
import { parseConfig } from '../cfg/parse';
import type { CheckRequest } from '../check/contract/types';
import { libraryFile, libraryLicense } from '../tla/library';
import { loadSpec } from '../tla/load/modules';
import { moduleNameOfFile } from '../tla/parse/parser';

export interface BundleFile {
  name: string;
  text: string;
}

export interface TlcBundle {
  /** Every file of the folder, the README included. */
  files: BundleFile[];
  /** `Spec.tla`, `Spec.cfg`: what TLC is run on. */
  mainFile: string;
  cfgFile: string;
  /** Modules the spec reaches that TLC has in its jar (not written). */
  fromTlc: string[];
  /** Library modules of specstage's written beside the spec (TLC lacks them). */
  fromLibrary: string[];
  /**
   * What TLC will stop at, found while gathering the modules: a module no file or library has,
   * syntax errors (`Spec.tla:3:7: …`). Empty when the modules read cleanly.
   */
  problems: string[];
}

/**
 * What to say when a Quint spec (`.qnt`) is to be handed to TLC: TLC reads TLA+ only, and what to
 * use instead. Undefined for any other file.
 */
export function quintNotForTlc(file: string): string | undefined {
  if (!/\.qnt$/i.test(file)) return undefined;
  return (
    `${file} is a Quint spec, and TLC does not read Quint: TLC reads TLA+ only. ` +
    `specstage's own engine checks it (\`specstage check ${file}\`, without --engine tlc); so do ` +
    "Quint's own tools: `quint run` simulates it, `quint verify` model-checks it with " +
    'Apalache, which also runs on large machines. To use TLC, write the model in TLA+ (recent Quint ' +
    'versions translate a spec with `quint compile --target tlaplus`; check what it gives).'
  );
}

/** The library folder whose modules TLC has in tla2tools.jar (its StandardModules). */
const IN_TLC_JAR = 'library/standard/';

/**
 * The .cfg as the run had it: `options.checkDeadlock` (the app's Deadlock setting, the CLI's
 * --no-deadlock) written as CHECK_DEADLOCK, replacing the file's own.
 */
export function cfgWithOptions(cfg: string, options: CheckRequest['options']): string {
  if (options?.checkDeadlock === undefined) return cfg;
  const without = cfg.replace(/^[ \t]*CHECK_DEADLOCK[ \t]+(TRUE|FALSE)[ \t]*(\r?\n|$)/gm, '');
  const body = without.endsWith('\n') || without === '' ? without : `${without}\n`;
  return `${body}\\* set by specstage (the Deadlock setting)\nCHECK_DEADLOCK ${options.checkDeadlock ? 'TRUE' : 'FALSE'}\n`;
}

export function tlcBundle(req: CheckRequest): TlcBundle {
  const files = new Map(req.files.map((f) => [f.name, f.text]));
  const spec = loadSpec(req.mainModule, { files });
  const out: BundleFile[] = [];
  const fromTlc: string[] = [];
  const fromLibrary: string[] = [];
  const written = new Set<string>();
  for (const [name, fileName] of spec.fileOf) {
    if (!spec.modules.has(name) || written.has(fileName)) continue; // nested modules live in their file
    written.add(fileName);
    if (spec.libraryModules.has(name)) {
      if (fileName.startsWith(IN_TLC_JAR)) fromTlc.push(name);
      else {
        fromLibrary.push(name);
        out.push({ name: `${name}.tla`, text: libraryFile(name)!.text });
      }
      continue;
    }
    const base = fileName.split('/').pop()!;
    out.push({ name: base, text: spec.sources.get(fileName) ?? files.get(fileName) ?? '' });
  }
  // The licences of the library folders whose modules travel with the bundle.
  for (const dir of new Set(fromLibrary.map((m) => libraryLicense(m)!.dir))) {
    out.push({
      name: `LICENSE.${dir}`,
      text: libraryLicense(fromLibrary.find((m) => libraryLicense(m)!.dir === dir)!)!.text,
    });
  }
  const mainFile = `${req.mainModule}.tla`;
  const cfgFile = (req.cfgName ?? `${req.mainModule}.cfg`).split('/').pop()!;
  out.push({ name: cfgFile, text: cfgWithOptions(req.cfg, req.options) });
  out.push({ name: 'README.md', text: bundleReadme(mainFile, cfgFile, req, fromLibrary, fromTlc) });
  const problems = [
    ...(spec.main ? [] : [`no file holds module ${req.mainModule}`]),
    ...[...spec.missingModules].map((m) => `module ${m} is in no file and not in the library`),
    ...spec.diagnostics
      .filter((d) => d.severity === 'error' && d.code !== 'missing-module')
      .map((d) => `module ${d.range.module}, line ${d.range.start.line}: ${d.message}`),
  ];
  return {
    files: out,
    mainFile,
    cfgFile,
    fromTlc: fromTlc.sort(),
    fromLibrary: fromLibrary.sort(),
    problems,
  };
}

/** Whether the config asks for liveness checking (PROPERTY with temporal formulas need the graph). */
function hasProperties(cfg: string): boolean {
  return (parseConfig(cfg, 'x.cfg').config?.properties.length ?? 0) > 0;
}

function bundleReadme(
  main: string,
  cfg: string,
  req: CheckRequest,
  fromLibrary: string[],
  fromTlc: string[],
): string {
  const mod = moduleNameOfFile(main);
  const lines = [
    `# ${mod}: the model, for TLC`,
    '',
    `Exported by specstage: \`${main}\` checked with \`${cfg}\`, and every module it reaches.`,
    fromLibrary.length
      ? `Library modules TLC's jar lacks are written beside it: ${fromLibrary.join(', ')}, with their licences (\`LICENSE.<folder>\`: the Community Modules MIT, the TLAPS library BSD-style, Apalache's modules Apache-2.0).`
      : "It needs no module beyond those in TLC's jar.",
    fromTlc.length ? `TLC has the others in its jar: ${fromTlc.join(', ')}.` : '',
    '',
    'You need Java 11 or newer and `tla2tools.jar` (https://github.com/tlaplus/tlaplus/releases).',
    '',
    '## One machine, all its cores',
    '',
    '```sh',
    `java -XX:+UseParallelGC -Xmx8g -cp tla2tools.jar tlc2.TLC -workers auto -config ${cfg} ${mod}`,
    '```',
    '',
    '- `-Xmx`: the Java heap (values, the queue in memory). Give TLC most of the machine, minus what',
    '  the fingerprint set takes off the heap.',
    '- `-fpmem 0.5`: the share of physical memory for the fingerprint set (default 0.25); past it, TLC',
    '  keeps fingerprints on disk. The queue of unexplored states goes to disk already.',
    '- `-checkpoint 30`: write a checkpoint every 30 minutes (the default) to `states/<date>/`;',
    '  after a crash or a stop, `-recover states/<date>` resumes from the last one.',
    '- `-metadir DIR`: where `states/` goes (a large, fast disk).',
    req.options?.checkDeadlock === false
      ? '- Deadlock is not checked: the .cfg says `CHECK_DEADLOCK FALSE` (as set in specstage).'
      : '',
    hasProperties(req.cfg)
      ? '- The .cfg has PROPERTIES: liveness is checked on the whole state graph, on disk; it needs room.'
      : '',
    '',
    "## Many machines: TLC's distributed mode",
    '',
    'One server holds the fingerprint set and the queue and hands out work; any number of workers',
    'compute successors. Each machine needs Java and `tla2tools.jar`; only the server needs this',
    'folder, and they must reach each other over RMI (port 10997 and dynamic ports).',
    '',
    '```sh',
    '# on the server, in this folder:',
    `java -XX:+UseParallelGC -Xmx16g -Djava.rmi.server.hostname=SERVER_ADDRESS -cp tla2tools.jar tlc2.tool.distributed.TLCServer -config ${cfg} ${mod}`,
    '# on each worker machine:',
    'java -XX:+UseParallelGC -Xmx8g -cp tla2tools.jar tlc2.tool.distributed.TLCWorker SERVER_ADDRESS',
    '```',
    '',
    'With very many states, the fingerprint set can be spread too: start',
    '`tlc2.tool.distributed.fp.DistributedFPSet SERVER_ADDRESS` on further machines and tell the server',
    'how many with `-Dtlc2.tool.distributed.TLCServer.expectedFPSetCount=N`.',
    '',
    '## Back in specstage',
    '',
    "Save TLC's output (`... | tee tlc.log`) and open it with **Open trace…** in the app, or drop it",
    "on the window: the results show TLC's verdict, distinct states, depth and time, and its trace",
    'is replayed against the spec so that every view works on it; **Share** makes a link of it. A',
    '`-dumpTrace json FILE` file opens the same way. From a terminal, `specstage trace FILE --link',
    '--spec ' + main + '` prints a share link.',
    '',
  ];
  return lines.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n');
}
