/**
 * `specstage trace FILE`: read a trace (ITF, TLC's -dumpTrace json, or TLC's printed error trace)
 * and print it as TLC does, or, with `--link`, print a share link that opens it in the browser.
 *
 * With `--spec`, the link carries the spec and the behaviour as a path of choices, found by
 * replaying the trace under the spec here: a trace the spec cannot produce is refused (exit 152)
 * rather than shared as something it is not. Without a spec, the link carries the trace itself
 * and opens in the viewer only (no replay, no explore).
 */
import { readFileSync } from 'node:fs';
import { pathOfTrace } from '../check/explore/explore';
import type { CheckRequest, SourceFile, Trace } from '../check/contract/types';
import { libraryFile } from '../tla/library';
import { traceToItf } from '../formats/itf';
import {
  encodeShareLink,
  shareUrl,
  SHARE_LINK_VERSION,
  stateDigests,
  type ShareLink,
  type ShareViewId,
} from '../formats/share-link';
import { readTraceFile } from '../formats/trace-file';
import { printTlcTrace } from '../formats/tlc-trace';
import { EXIT } from './exit-codes';
import { LoadError, loadModel } from './load-model';
import { optionTokens, refusedToken, type OptionSpec } from './options';

export const TRACE_USAGE = `Usage: specstage trace FILE [options]

Reads FILE: an ITF trace (JSON), TLC's -dumpTrace json, or TLC's error trace (its output).
Prints the trace as TLC prints traces, or with --link a share link for it.

Options:
  --link                print a share link that opens the trace in specstage
  --spec Spec.tla       put the spec in the link; the trace must be one of its behaviours
  --config FILE         the model config (default: Spec.cfg beside the spec)
  --lib DIR             also load the .tla modules of DIR (repeatable)
  --base URL            where specstage is served (default $SPECSTAGE_URL or ${defaultBase()})
  --step N              the state selected when the link opens, from 1 (default: the last)
  --view NAME           trace, graph or sequence (default trace)`;

function defaultBase(): string {
  return process.env.SPECSTAGE_URL ?? 'http://localhost:5173/';
}

export interface TraceArgs {
  file: string;
  link: boolean;
  spec?: string;
  config?: string;
  libs: string[];
  base: string;
  step?: number;
  view: ShareViewId;
}

/** The options as node:util's parseArgs reads them (options.ts); the values are checked below. */
const TRACE_OPTIONS = {
  link: { type: 'boolean' },
  spec: { type: 'string' },
  config: { type: 'string' },
  lib: { type: 'string', multiple: true },
  base: { type: 'string' },
  step: { type: 'string' },
  view: { type: 'string' },
} as const satisfies OptionSpec;

export function parseTraceArgs(
  argv: string[],
): { ok: true; value: TraceArgs } | { ok: false; error: string } {
  const args: Partial<TraceArgs> & { libs: string[] } = { libs: [], link: false, view: 'trace' };
  for (const t of optionTokens(argv, TRACE_OPTIONS)) {
    const refused = refusedToken(t, TRACE_OPTIONS);
    if (refused !== undefined) return { ok: false, error: refused };
    if (t.kind === 'terminator') continue;
    if (t.kind === 'positional') {
      const arg = t.value;
      if (args.file)
        return { ok: false, error: `one trace file at a time (got ${args.file} and ${arg})` };
      args.file = arg;
      continue;
    }
    const name = t.raw;
    if (t.name === 'link') {
      args.link = true;
      continue;
    }
    const v = t.value;
    if (!v) return { ok: false, error: `${name} needs a value` };
    if (name === '--spec') args.spec = v;
    else if (name === '--config') args.config = v;
    else if (name === '--lib') args.libs.push(v);
    else if (name === '--base') args.base = v;
    else if (name === '--step') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1)
        return { ok: false, error: `--step needs a state number from 1, not '${v}'` };
      args.step = n - 1;
    } else {
      if (v !== 'trace' && v !== 'graph' && v !== 'sequence')
        return { ok: false, error: `--view is trace, graph or sequence, not '${v}'` };
      args.view = v;
    }
  }
  if (!args.file) return { ok: false, error: 'no trace file given' };
  if (args.config && !args.spec) return { ok: false, error: '--config needs --spec' };
  return {
    ok: true,
    value: { ...args, file: args.file, base: args.base ?? defaultBase() } as TraceArgs,
  };
}

/**
 * The modules `main` reaches by EXTENDS and INSTANCE among `files`, less the library modules that
 * ship with specstage (a file with the shipped text): what the link must carry.
 */
export function reachableModules(files: SourceFile[], main: string): SourceFile[] {
  const byName = new Map(files.map((f) => [f.name.replace(/\.tla$/, ''), f]));
  const seen = new Map<string, SourceFile>();
  const visit = (name: string) => {
    const file = byName.get(name);
    // The shipped library is there wherever a link is opened.
    if (!file || seen.has(name) || file.text === libraryFile(name)?.text) return;
    seen.set(name, file);
    // Comments may name modules too; carrying an extra module costs bytes, not correctness.
    for (const m of file.text.matchAll(/\b(?:EXTENDS|INSTANCE)\s+([A-Za-z0-9_][A-Za-z0-9_\s,]*)/g))
      for (const n of m[1].split(/[\s,]+/)) if (n) visit(n);
  };
  visit(main);
  return [...seen.values()];
}

export interface TraceDeps {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

const defaultDeps: TraceDeps = {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
};

export async function runTrace(argv: string[], deps: TraceDeps = defaultDeps): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    deps.stdout(TRACE_USAGE);
    return EXIT.success;
  }
  const parsed = parseTraceArgs(argv);
  if (!parsed.ok) {
    deps.stderr(`specstage trace: ${parsed.error}\n${TRACE_USAGE}`);
    return EXIT.usage;
  }
  const args = parsed.value;
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    deps.stderr(`specstage trace: cannot read ${args.file}: ${(e as Error).message}`);
    return EXIT.io;
  }
  let trace: Trace;
  try {
    trace = readTraceFile(text).trace;
  } catch (e) {
    // A trace file that is not one is a bad input file, not a spec error.
    deps.stderr(`specstage trace: ${args.file}: ${(e as Error).message}`);
    return EXIT.io;
  }
  if (!args.link) {
    if (args.spec) {
      deps.stderr('specstage trace: --spec only matters with --link');
      return EXIT.usage;
    }
    deps.stdout(printTlcTrace(trace).trimEnd());
    return EXIT.success;
  }
  const last = Math.max(0, trace.states.length - 1);
  const link: ShareLink = {
    version: SHARE_LINK_VERSION,
    modules: [],
    step: Math.min(args.step ?? last, last),
    view: { id: args.view },
  };
  if (!args.spec) {
    link.trace = traceToItf(trace);
  } else {
    let request: CheckRequest;
    try {
      const model = loadModel(args.spec, args.config, args.libs);
      request = {
        files: model.files,
        mainModule: model.mainModule,
        cfg: model.cfgText,
        cfgName: model.cfgPath.replace(/^.*[\\/]/, ''),
      };
    } catch (e) {
      deps.stderr(`specstage trace: ${(e as Error).message}`);
      return e instanceof LoadError && e.kind === 'cfg' ? EXIT.cfgError : EXIT.io;
    }
    let found: Awaited<ReturnType<typeof pathOfTrace>>;
    try {
      found = await pathOfTrace(request, trace);
    } catch (e) {
      // The engine refuses the spec or its config before any replay.
      const error = (e as { error?: { message?: string; range?: { module: string } } }).error;
      deps.stderr(`specstage trace: ${error?.message ?? (e as Error).message}`);
      return error?.range?.module.endsWith('.cfg') ? EXIT.cfgError : EXIT.specError;
    }
    if (!('path' in found)) {
      deps.stderr(
        `specstage trace: ${args.file} is not a behaviour of ${request.mainModule}: ${found.message}.`,
      );
      return EXIT.evalError;
    }
    link.modules = reachableModules(request.files, request.mainModule);
    link.mainModule = request.mainModule;
    link.cfg = { name: request.cfgName ?? `${request.mainModule}.cfg`, text: request.cfg };
    link.path = found.path;
    link.digests = stateDigests(trace.states);
    if (trace.loop !== undefined) link.loop = trace.loop;
  }
  const url = shareUrl(args.base, await encodeShareLink(link));
  deps.stdout(url);
  deps.stderr(
    `Share link: ${url.length.toLocaleString('en')} characters, ${trace.states.length} states${args.spec ? `, replayed under ${args.spec}` : ' (trace only, no spec)'}.`,
  );
  return EXIT.success;
}
