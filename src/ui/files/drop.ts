/** Opening files from disk (dropped or picked): as a new project, or into the open one. */
import { addFilesToCurrent, createProjectFromFiles, showFilesNotice } from './sync';
import { readSpecFiles } from './transfer';

export type OpenMode = 'new' | 'current';

export async function openPickedFiles(list: Iterable<File>, mode: OpenMode): Promise<void> {
  let read;
  try {
    read = await readSpecFiles(list);
  } catch (error) {
    showFilesNotice({
      tone: 'error',
      text: `The files could not be read: ${String((error as Error)?.message ?? error)}.`,
    });
    return;
  }
  const names = Object.keys(read.files);
  const ignored = read.ignored.length
    ? ` Left out (only .tla and .cfg files open here): ${read.ignored.join(', ')}.`
    : '';
  if (names.length === 0) {
    showFilesNotice({ tone: 'warning', text: `No .tla or .cfg file to open.${ignored}` });
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
}
