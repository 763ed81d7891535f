/**
 * Keeps the open files (the app store, saved in localStorage as the working copy) and the projects
 * in IndexedDB in step:
 *
 * - every edit of the open project is saved to its record (after a pause, and when the page is
 *   hidden or closed);
 * - switching projects saves the open one, then puts the other's files and model in the store;
 * - opening another spec wholesale (an example, a share link, restored work) goes into a project
 *   of its own, or back to the project that already has those files, so none is overwritten;
 * - at the first start with projects, what localStorage held becomes the first project; later, a
 *   saved project newer than localStorage's copy (whose save failed, say for its quota) wins.
 *
 * When IndexedDB cannot be opened, the projects go to localStorage, and a notice says so.
 */
import { initialTraceView } from '../explore/state';
import { appStore, type AppStore } from '../store';
import { freshModel } from '../store/appStore';
import { isQuotaError, localStorageBackend, openIndexedDb, type ProjectBackend } from './backend';
import {
  blankProjectFiles,
  contentOf,
  isReplacement,
  modelOfFiles,
  newProjectId,
  orderFiles,
  sameFiles,
  summaryOf,
  uniqueName,
  type Project,
  type ProjectContent,
} from './projects';
import { filesStore, showFilesNotice } from './filesState';

export {
  filesStore,
  showFilesNotice,
  useFiles,
  type FilesNotice,
  type FilesState,
} from './filesState';

const SAVE_DELAY_MS = 400;
const CURRENT = 'current';

let backend: ProjectBackend | undefined;

/** The open project's record as last saved (its name and dates; the files are the store's). */
let current: Project | undefined;
/** Set while this module puts a project into the store, so that the change is not saved back. */
let applying = false;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Runs storage work one task at a time, in order, whatever fails. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

function reportSaveError(error: unknown, what: string): void {
  const text = isQuotaError(error)
    ? `The browser’s storage is full: ${what} could not be saved. Download the projects you need ` +
      '(Your files → Download project) and delete some to make room.'
    : `${what} could not be saved: ${String((error as Error)?.message ?? error)}.`;
  showFilesNotice({ tone: 'error', text });
}

async function refreshList(): Promise<Project[]> {
  const all = (await backend!.list()).sort((a, b) => a.createdAt - b.createdAt);
  filesStore.setState({ projects: all.map(summaryOf), currentId: current?.id });
  return all;
}

async function put(project: Project): Promise<boolean> {
  try {
    await backend!.put(project);
    return true;
  } catch (error) {
    reportSaveError(error, `“${project.name}”`);
    return false;
  }
}

async function setCurrent(project: Project): Promise<void> {
  current = project;
  filesStore.setState({ currentId: project.id });
  try {
    await backend!.setMeta(CURRENT, project.id);
  } catch {
    // Only which project opens next time is lost.
  }
}

async function create(content: ProjectContent, name: string): Promise<Project> {
  const now = Date.now();
  const taken = (await backend!.list()).map((p) => p.name);
  const project: Project = {
    id: newProjectId(),
    name: uniqueName(name, taken),
    ...content,
    createdAt: now,
    updatedAt: now,
  };
  await put(project);
  return project;
}

/** Saves `content` as the open project's, unless nothing changed. */
async function saveCurrent(content: ProjectContent = contentOf(appStore.getState())) {
  if (!current) return;
  const same =
    sameFiles(current.files, content.files) &&
    current.activeFile === content.activeFile &&
    JSON.stringify(current.model) === JSON.stringify(content.model);
  if (same) return;
  const next = { ...current, ...content, updatedAt: Date.now() };
  if (await put(next)) {
    current = next;
    await refreshList();
  }
}

function scheduleSave(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    void serial(() => saveCurrent());
  }, SAVE_DELAY_MS);
}

/** Saves a pending edit now (the page is being hidden or a project switched). */
export function flushSave(): Promise<void> {
  if (saveTimer === undefined) return queue.then(() => undefined);
  clearTimeout(saveTimer);
  saveTimer = undefined;
  return serial(() => saveCurrent());
}

/** Puts a project's files and model in the store, as a fresh start (no run, no trace). */
function apply(project: ProjectContent): void {
  const files = Object.keys(project.files).length > 0 ? project.files : blankProjectFiles();
  const names = Object.keys(files);
  applying = true;
  try {
    appStore.setState({
      files,
      activeFile: names.includes(project.activeFile) ? project.activeFile : names[0],
      model: { ...freshModel(), ...project.model },
      run: { status: 'idle' },
      selectedStep: 0,
      traceView: initialTraceView(),
    });
  } finally {
    applying = false;
  }
}

/** Another spec was opened wholesale: the open project keeps what it had. */
async function openedElsewhere(before: ProjectContent, after: ProjectContent): Promise<void> {
  const previous = current;
  await saveCurrent(before);
  const all = await backend!.list();
  const match = all.find((p) => sameFiles(p.files, after.files));
  const target = match ?? (await create(after, after.model.mainModule));
  await setCurrent(target);
  await saveCurrent(after);
  await refreshList();
  if (previous && previous.id !== target.id) {
    showFilesNotice({
      tone: 'info',
      text: match
        ? `Back in “${target.name}”; “${previous.name}” is kept in Your files.`
        : `Opened as a new project, “${target.name}”; “${previous.name}” is kept in Your files.`,
    });
  }
}

function onStoreChange(state: AppStore, previous: AppStore): void {
  if (applying) return;
  const changed =
    state.files !== previous.files ||
    state.activeFile !== previous.activeFile ||
    state.model !== previous.model;
  if (!changed) return;
  if (isReplacement(previous, state)) {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    const before = contentOf(previous);
    const after = contentOf(state);
    void serial(() => openedElsewhere(before, after));
    return;
  }
  scheduleSave();
}

async function openBackend(): Promise<ProjectBackend> {
  try {
    return await openIndexedDb();
  } catch (error) {
    const reason = String((error as Error)?.message ?? error);
    filesStore.setState({ fallbackReason: reason });
    showFilesNotice({
      tone: 'warning',
      text:
        `Your projects are kept in localStorage: IndexedDB is not available (${reason}). ` +
        'It holds only a few megabytes for the whole site, so download the projects you need.',
    });
    return localStorageBackend();
  }
}

/** Brings the store and the saved projects together at start (see the module's comment). */
async function reconcile(atStart: ProjectContent): Promise<void> {
  const all = await backend!.list();
  const currentId = await backend!.getMeta(CURRENT).catch(() => undefined);
  const now = contentOf(appStore.getState());
  const untouched = sameFiles(now.files, atStart.files);
  let record = all.find((p) => p.id === currentId);
  if (all.length === 0) {
    // The first start with projects: the files kept so far become the first one.
    record = await create(atStart, atStart.model.mainModule);
  } else if (!record) {
    record =
      all.find((p) => sameFiles(p.files, atStart.files)) ??
      (await create(atStart, atStart.model.mainModule));
  } else if (!sameFiles(record.files, atStart.files) && untouched) {
    // The project's save is newer than localStorage's copy of the files: open the project.
    apply(record);
  }
  await setCurrent(record);
  await refreshList();
  if (!untouched) {
    // Something opened before the projects were read (a share link), or the user typed.
    const names = Object.keys(now.files);
    const replaced = names.every((n) => !Object.hasOwn(atStart.files, n));
    if (replaced) await openedElsewhere(atStart, now);
    else await saveCurrent(now);
  }
}

/** Starts the projects: opens the storage, reconciles, then saves every change. */
export function startProjects(): () => void {
  const atStart = contentOf(appStore.getState());
  let stopped = false;
  let unsubscribe = () => {};
  void serial(async () => {
    backend = await openBackend();
    if (stopped) return;
    filesStore.setState({ backend: backend.kind });
    await reconcile(atStart);
    if (stopped) return;
    unsubscribe = appStore.subscribe(onStoreChange);
    filesStore.setState({ ready: true });
  }).catch((error: unknown) => {
    showFilesNotice({
      tone: 'error',
      text: `Your files could not be read: ${String((error as Error)?.message ?? error)}.`,
    });
  });
  const onHidden = () => {
    if (document.visibilityState === 'hidden') void flushSave();
  };
  const onPageHide = () => void flushSave();
  document.addEventListener('visibilitychange', onHidden);
  addEventListener('pagehide', onPageHide);
  return () => {
    stopped = true;
    unsubscribe();
    document.removeEventListener('visibilitychange', onHidden);
    removeEventListener('pagehide', onPageHide);
  };
}

// The project list's actions.

function requireReady(): boolean {
  return backend !== undefined && current !== undefined;
}

export function switchProject(id: string): Promise<void> {
  return serial(async () => {
    if (!requireReady() || id === current!.id) return;
    clearTimeout(saveTimer);
    saveTimer = undefined;
    await saveCurrent();
    const target = await backend!.get(id);
    if (!target) return;
    apply(target);
    await setCurrent(target);
    await refreshList();
  });
}

async function openNew(content: ProjectContent, name: string): Promise<Project> {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  await saveCurrent();
  const project = await create(content, name);
  apply(project);
  await setCurrent(project);
  await refreshList();
  return project;
}

/** A new project with a small spec to start from; returns its id. */
export function createProject(name = 'Untitled'): Promise<string | undefined> {
  return serial(async () => {
    if (!requireReady()) return undefined;
    const files = blankProjectFiles();
    const model = { ...freshModel(), mainModule: 'Spec', cfgFile: 'Spec.cfg' };
    return (await openNew({ files, activeFile: 'Spec.tla', model }, name)).id;
  });
}

/** A project of dropped or picked files; a spec without a .cfg gets one (modelOfFiles). */
export function createProjectFromFiles(
  files: Record<string, string>,
): Promise<Project | undefined> {
  return serial(async () => {
    if (!requireReady()) return undefined;
    const { mainModule, cfgFile, addedCfg, quint } = modelOfFiles(files);
    const all = orderFiles(
      addedCfg ? { ...files, [addedCfg.name]: addedCfg.text } : files,
      mainModule,
    );
    const model = { ...freshModel(), mainModule, cfgFile, ...(quint ? { quint } : {}) };
    const activeFile =
      quint?.file ?? (`${mainModule}.tla` in all ? `${mainModule}.tla` : Object.keys(all)[0]);
    return openNew({ files: all, activeFile, model }, mainModule);
  });
}

/** Adds files to the open project, replacing those of the same name; opens the first. */
export function addFilesToCurrent(files: Record<string, string>): void {
  const names = Object.keys(files);
  if (names.length === 0) return;
  const state = appStore.getState();
  appStore.setState({ files: { ...state.files, ...files }, activeFile: names[0] });
}

export function renameProject(id: string, name: string): Promise<void> {
  return serial(async () => {
    if (!requireReady()) return;
    const project = id === current!.id ? current! : await backend!.get(id);
    if (!project || !name.trim() || project.name === name.trim()) return;
    const others = (await backend!.list()).filter((p) => p.id !== id).map((p) => p.name);
    const renamed = { ...project, name: uniqueName(name, others) };
    if (await put(renamed)) {
      if (id === current!.id) current = renamed;
      await refreshList();
    }
  });
}

/** Deletes a project; the open one gives way to the most recently edited other. */
export function deleteProject(id: string): Promise<void> {
  return serial(async () => {
    if (!requireReady()) return;
    const all = await backend!.list();
    if (all.length <= 1) return;
    if (id === current!.id) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      const next = all.filter((p) => p.id !== id).sort((a, b) => b.updatedAt - a.updatedAt)[0];
      apply(next);
      await setCurrent(next);
    }
    await backend!.delete(id);
    await refreshList();
  });
}

/** A project's files as saved (the open one's as they are now). */
export async function projectFiles(id: string): Promise<Project | undefined> {
  if (!requireReady()) return undefined;
  if (id === current!.id) return { ...current!, ...contentOf(appStore.getState()) };
  return backend!.get(id);
}
