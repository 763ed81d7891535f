/** Opening files from disk (dropped or picked): as a new project, or into the open one. */
import { addFilesToCurrent, createProjectFromFiles, showFilesNotice } from './sync';
import { readSpecFiles } from './transfer';
import { LOG_FILE, openLogFile } from '../validate/openLog';

/** What TLC writes (its log, `-dumpTrace json`) and trace files: not spec files. */
const RUN_FILE = /\.(log|out|txt|json|itf)$/i;

async function openRunFile(file: File): Promise<void> {
  try {
    // TLC's formats load with the first file of theirs: they are not part of the first load.
    const { openRunText } = await import('../handoff/openRun');
    const { kind } = openRunText(await file.text(), file.name);
    showFilesNotice({
      tone: 'info',
      text:
        kind === 'run'
          ? `Opened TLC's run from ${file.name}: its verdict and figures are in the results.`
          : `Opened the trace in ${file.name}.`,
    });
  } catch (error) {
    showFilesNotice({
      tone: 'error',
      text: `${file.name}: ${String((error as Error)?.message ?? error)}.`,
    });
  }
}

export type OpenMode = 'new' | 'current';

export async function openPickedFiles(list: Iterable<File>, mode: OpenMode): Promise<void> {
  // A log of the implementation (NDJSON) is validated against the model, after the files dropped
  // with it are open (src/ui/validate).
  const all = [...list];
  const log = all.find((f) => LOG_FILE.test(f.name));
  if (log) {
    const rest = all.filter((f) => f !== log);
    if (rest.length) await openPickedFiles(rest, mode);
    return openLogFile(log);
  }
  // TLC's log or a trace file dropped with the spec (or alone): opened after it, in the views.
  const run = all.find((f) => RUN_FILE.test(f.name));
  const specs = all.filter((f) => f !== run);
  if (run && specs.length === 0) return openRunFile(run);
  let read;
  try {
    read = await readSpecFiles(specs);
  } catch (error) {
    showFilesNotice({
      tone: 'error',
      text: `The files could not be read: ${String((error as Error)?.message ?? error)}.`,
    });
    return;
  }
  const names = Object.keys(read.files);
  const ignored = read.ignored.length
    ? ` Left out (only .tla, .cfg and .qnt files open here): ${read.ignored.join(', ')}.`
    : '';
  if (names.length === 0) {
    showFilesNotice({ tone: 'warning', text: `No .tla, .cfg or .qnt file to open.${ignored}` });
    return;
  }
  if (mode === 'new') {
    const project = await createProjectFromFiles(read.files);
    if (!project) return;
    const added = names.length < Object.keys(project.files).length;
    showFilesNotice({
      tone: read.ignored.length ? 'warning' : 'info',
      text:
        `Opened ${names.join(', ')} as the project “${project.name}”.` +
        (added ? ` It had no .cfg: ${project.model.cfgFile} names Init and Next.` : '') +
        ignored,
    });
  } else {
    addFilesToCurrent(read.files);
    showFilesNotice({
      tone: read.ignored.length ? 'warning' : 'info',
      text: `Added ${names.join(', ')} to the open project.${ignored}`,
    });
  }
  if (run) await openRunFile(run);
}
