/**
 * Is a workshop goal met? Pure functions over what the user has open and what the engine
 * answered, so that the rule is tested without a browser (goal.test.ts).
 *
 * A goal is met when a check of the open model succeeds with nothing left unchecked, and the
 * goal's terms are still those shipped: its invariants and properties are listed in the .cfg,
 * the definitions it names are unchanged, and the .cfg lines it names (the model's size) are
 * still there. Without those conditions deleting the invariant, redefining it as TRUE or
 * shrinking the model to one attempt would "pass".
 */
import type { CheckResult } from '../../check/contract/types';
import type { Edit, Example, Goal } from '../examples';
import type { AppState, RunState } from '../store';

export interface GoalVerdict {
  met: boolean;
  /** One sentence: met, or the first reason it is not. */
  headline: string;
  /** Every reason it is not met (empty when met). */
  reasons: string[];
}

const stripComments = (text: string) =>
  text.replace(/\(\*[\s\S]*?\*\)/g, ' ').replace(/\\\*.*$/gm, '');

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text of a top-level definition `Name == …` or `Name(args) == …`: from its first line (at
 * the start of a line) to the next line that starts in column 0, comments removed and spacing
 * squashed. The gallery's specs indent every continuation line, as TLA+ style does.
 */
export function definitionText(moduleText: string, name: string): string | undefined {
  const lines = moduleText.split('\n');
  const head = new RegExp(`^${escapeRegExp(name)}\\s*(\\(.*?\\))?\\s*==`);
  const start = lines.findIndex((line) => head.test(line));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end]))) end++;
  return squash(stripComments(lines.slice(start, end).join('\n')));
}

const cfgKeywords = new Set([
  'CONSTANT',
  'CONSTANTS',
  'INIT',
  'NEXT',
  'SPECIFICATION',
  'INVARIANT',
  'INVARIANTS',
  'PROPERTY',
  'PROPERTIES',
  'CONSTRAINT',
  'CONSTRAINTS',
  'ACTION_CONSTRAINT',
  'ACTION_CONSTRAINTS',
  'SYMMETRY',
  'VIEW',
  'CHECK_DEADLOCK',
  'ALIAS',
  'POSTCONDITION',
]);

/** The names a .cfg lists under INVARIANT(S), or under PROPERTY / PROPERTIES. */
export function cfgNames(cfg: string, section: 'invariants' | 'properties'): Set<string> {
  const heads = section === 'invariants' ? ['INVARIANT', 'INVARIANTS'] : ['PROPERTY', 'PROPERTIES'];
  const names = new Set<string>();
  let inSection = false;
  for (const word of stripComments(cfg).split(/\s+/).filter(Boolean)) {
    if (cfgKeywords.has(word)) inSection = heads.includes(word);
    else if (inSection) names.add(word);
  }
  return names;
}

/** Does the .cfg still hold this line (`MaxAttempts = 3`), spacing aside? */
export function cfgHasLine(cfg: string, line: string): boolean {
  // Any spacing between any two characters; `= 3` must not match `= 30`.
  const pattern = [...line.replace(/\s+/g, '')].map(escapeRegExp).join('\\s*');
  return new RegExp(`(^|[^\\w])${pattern}(?!\\w)`).test(stripComments(cfg));
}

/** Why the open model cannot count for the goal before it is even checked (empty: go on). */
export function goalPreflight(
  example: Example,
  goal: Goal,
  state: Pick<AppState, 'files' | 'model'>,
): string[] {
  const { files, model } = state;
  const moduleFile = `${example.mainModule}.tla`;
  if (model.mainModule !== example.mainModule || model.cfgFile !== example.cfgFile) {
    return [
      `The goal is about ${moduleFile} with ${example.cfgFile}: select them in the model settings.`,
    ];
  }
  const spec = files[moduleFile];
  const cfg = files[example.cfgFile];
  if (spec === undefined || cfg === undefined) {
    return [
      `${spec === undefined ? moduleFile : example.cfgFile} is not open: reopen the example.`,
    ];
  }
  const reasons: string[] = [];
  for (const name of goal.keep) {
    const now = definitionText(spec, name);
    if (now === undefined) reasons.push(`${name} is no longer defined in ${moduleFile}.`);
    else if (now !== definitionText(example.files[moduleFile], name)) {
      reasons.push(
        `${name} has changed: the goal asks for a fix elsewhere, with ${name} as shipped.`,
      );
    }
  }
  const invariants = cfgNames(cfg, 'invariants');
  const properties = cfgNames(cfg, 'properties');
  for (const name of goal.invariants) {
    if (!invariants.has(name))
      reasons.push(`${example.cfgFile} no longer checks the invariant ${name}.`);
  }
  for (const name of goal.properties) {
    if (!properties.has(name))
      reasons.push(`${example.cfgFile} no longer checks the property ${name}.`);
  }
  for (const line of goal.cfgKeeps) {
    if (!cfgHasLine(cfg, line))
      reasons.push(`${example.cfgFile} must keep \`${line}\`: the goal is about this model.`);
  }
  return reasons;
}

const notMet = (reasons: string[]): GoalVerdict => ({ met: false, headline: reasons[0], reasons });

/** The goal's verdict from a check's outcome (the store's run after the check). */
export function judgeGoal(
  goal: Goal,
  run: Pick<RunState, 'status' | 'result' | 'failure'>,
): GoalVerdict {
  if (run.status === 'failed')
    return notMet([`The check did not run: ${run.failure ?? 'unknown failure'}.`]);
  if (run.status === 'cancelled') return notMet(['The check was cancelled before its verdict.']);
  const result: CheckResult | undefined = run.result;
  if (!result) return notMet(['The check gave no result.']);
  if (result.stopped) return notMet([`The check stopped early (${result.stopped}).`]);
  switch (result.result) {
    case 'success':
      break;
    case 'safety failure':
      return notMet([
        `Invariant ${result.violated} is violated: step through the trace to see how.`,
      ]);
    case 'liveness failure':
      return notMet([
        `Property ${result.violated} is violated: the trace ends in a loop that never satisfies it.`,
      ]);
    case 'deadlock failure':
      return notMet(['The model deadlocks: see the trace.']);
    case 'assumption failure':
      return notMet([`An assumption is violated${result.violated ? `: ${result.violated}` : ''}.`]);
    default:
      return notMet([`The check failed: ${result.error?.message ?? result.result}.`]);
  }
  if (result.uncheckedProperties?.length) {
    return notMet([`Not every property was checked: ${result.uncheckedProperties.join(', ')}.`]);
  }
  const names = [...goal.invariants, ...goal.properties];
  return {
    met: true,
    headline: `Goal met: ${names.join(' and ')} ${names.length > 1 ? 'hold' : 'holds'} in all ${result.distinctStates.toLocaleString('en-US')} reachable states.`,
    reasons: [],
  };
}

/** The files with each edit applied (its `find` must occur); for tests and the solution view. */
export function applyEdits(files: Record<string, string>, edits: Edit[]): Record<string, string> {
  const out = { ...files };
  for (const { file, find, replace } of edits) {
    const text = out[file];
    if (text === undefined || !text.includes(find))
      throw new Error(`${file} has no ${JSON.stringify(find)}`);
    out[file] = text.replace(find, () => replace);
  }
  return out;
}
