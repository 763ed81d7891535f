/**
 * What a run checked, kept with its result, and what has changed since: a verdict and a trace
 * stay on screen after the spec is edited, and must not pass for current ones. Only what the
 * engine read counts: the modules, the model config in use, which module and config were chosen
 * and the deadlock setting; a change to another .cfg, to a watch or to a view setting does not.
 */
import type { AppState, CheckedSpec, ModelSettings } from '../store/state';

const isModule = (name: string) => name.endsWith('.tla') || name.endsWith('.qnt');

export function checkedSpecOf(state: Pick<AppState, 'files' | 'model'>): CheckedSpec {
  const { files, model } = state;
  const read = Object.entries(files).filter(([name]) => isModule(name) || name === model.cfgFile);
  return {
    mainModule: model.mainModule,
    cfgFile: model.cfgFile,
    deadlock: model.deadlock,
    files: Object.fromEntries(read),
  };
}

/** `line 23`, `lines 23–25`: where two texts differ, from the first to the last changed line. */
export function changedLines(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let top = 0;
  while (top < a.length && top < b.length && a[top] === b[top]) top++;
  let bottom = 0;
  while (
    bottom < a.length - top &&
    bottom < b.length - top &&
    a[a.length - 1 - bottom] === b[b.length - 1 - bottom]
  )
    bottom++;
  const first = top + 1;
  const last = Math.max(first, b.length - bottom);
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}

const deadlockWords: Record<ModelSettings['deadlock'], string> = {
  cfg: 'as the config says',
  check: 'checked',
  skip: 'not checked',
};

/**
 * What differs between the checked spec and the open one, one phrase each (`DieHard.tla edited
 * (line 23)`); empty when the result is current.
 */
export function changesSince(
  checked: CheckedSpec | undefined,
  state: Pick<AppState, 'files' | 'model'>,
): string[] {
  if (!checked) return [];
  const now = checkedSpecOf(state);
  const changes: string[] = [];
  if (now.mainModule !== checked.mainModule)
    changes.push(`the module to check is now ${now.mainModule} (was ${checked.mainModule})`);
  if (now.cfgFile !== checked.cfgFile)
    changes.push(`the model config is now ${now.cfgFile} (was ${checked.cfgFile})`);
  if (now.deadlock !== checked.deadlock)
    changes.push(`deadlock is now ${deadlockWords[now.deadlock]}`);
  const names = new Set([...Object.keys(checked.files), ...Object.keys(now.files)]);
  for (const name of names) {
    const before = checked.files[name];
    const after = now.files[name];
    // A config that changed role is already said above.
    if (!isModule(name) && (name !== checked.cfgFile || name !== now.cfgFile)) continue;
    if (before === after) continue;
    if (before === undefined) changes.push(`${name} added`);
    else if (after === undefined) changes.push(`${name} closed`);
    else changes.push(`${name} edited (${changedLines(before, after)})`);
  }
  return changes;
}

/** Whether two runs read the same spec and model. */
export function sameSpec(a: CheckedSpec, b: CheckedSpec): boolean {
  if (a.mainModule !== b.mainModule || a.cfgFile !== b.cfgFile || a.deadlock !== b.deadlock)
    return false;
  const names = Object.keys(a.files);
  return (
    names.length === Object.keys(b.files).length && names.every((n) => a.files[n] === b.files[n])
  );
}
