/**
 * `specstage` command dispatcher. bin/specstage registers tsx and calls `main`, so the CLI runs
 * from the TypeScript sources with no build step.
 *
 * Exit codes (TLC's where TLC has one; see src/cli/README.md):
 *   0 success · 10 assumption failure · 11 deadlock · 12 safety violation · 13 liveness violation
 *   150 spec parse/semantic error, or a command not implemented yet · 151 config error
 *   152 evaluation error during the search · 153 internal error (also: stopped early)
 *   154 bad command line · 155 file not readable or writable
 */
import { readFileSync } from 'node:fs';
import { runCheck } from './check';
import { EXIT } from './exit-codes';

const USAGE = `Usage: specstage <command> [arguments]

Commands:
  check Spec.tla [options]   check a model exhaustively, as TLC does (specstage check --help)
  parse Spec.tla             parse a spec and report syntax and semantic errors
  simulate Spec.tla [options] random behaviours, as TLC's -simulate (simulate --help)
  trace FILE [--link]        print a trace as TLC does, or a share link for it (trace --help)
  export Spec.tla --out DIR  the model as a folder (or .zip) TLC runs unchanged (export --help)
  validate Spec.tla --log F  is a log of your implementation a behaviour of the spec? (validate --help)
  translate Spec.tla [--write] translate the PlusCal algorithm, as pcal.trans (translate --help)
  test spec.qnt [options]    run a Quint spec's tests (run definitions), as quint test (test --help)

Exit codes: 0 success, 10 assumption failure, 11 deadlock, 12 safety violation,
13 liveness violation, 150 spec error, 151 config error, 152 evaluation error,
153 internal error, 154 bad command line, 155 file error.`;

type Command = (args: string[]) => Promise<number>;

/** `parse` belongs to the front end (src/cli/parse.ts); loaded lazily so the rest works without it. */
const parseCommand: Command = async (args) => {
  const { runParse } = await import('./parse');
  return runParse(args);
};

/** A Quint spec (`.qnt`) goes to the Quint front end's command (quint.ts), unless handed to TLC. */
const isQuint = (args: string[]): boolean =>
  args.some((a) => a.endsWith('.qnt')) && !args.some((a) => a.startsWith('--engine'));

const COMMANDS: Record<string, Command> = {
  check: async (args) => {
    if (isQuint(args)) return (await import('./quint')).runQuint(args, 'check');
    if (args.includes('--help') || args.includes('-h')) {
      const { CHECK_USAGE } = await import('./args');
      process.stdout.write(CHECK_USAGE + '\n');
      return EXIT.success;
    }
    return runCheck(args);
  },
  parse: parseCommand,
  simulate: async (args) =>
    isQuint(args)
      ? (await import('./quint')).runQuint(args, 'simulate')
      : (await import('./simulate')).runSimulate(args),
  trace: async (args) => (await import('./trace')).runTrace(args),
  export: async (args) => (await import('./export')).runExport(args),
  validate: async (args) => (await import('./validate')).runValidate(args),
  translate: async (args) => (await import('./translate')).runTranslate(args),
  test: async (args) => (await import('./quint-test')).runQuintTest(args),
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // `specstage check … | head`: a reader that closes the pipe early is no crash (node throws
  // EPIPE from an unhandled 'error' event); the run ends with its own exit code.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? process.stderr : process.stdout).write(USAGE + '\n');
    return command === undefined ? EXIT.usage : EXIT.success;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`specstage ${version()}\n`);
    return EXIT.success;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`specstage: unknown command '${command}'\n${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    return await run(rest);
  } catch (e) {
    process.stderr.write(
      `specstage ${command}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return EXIT.internalError;
  }
}
