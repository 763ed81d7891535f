/**
 * The zustand store: state (state.ts) plus the actions that change it, persisted under one
 * storage key. Created by a factory so that tests get their own store over an in-memory storage.
 */
import { createStore } from 'zustand/vanilla';
import { persist, type PersistStorage } from 'zustand/middleware';
import type { CheckResult, Progress, SimulateProgress } from '../../check/contract/types';
import { appendSample, finalSample } from '../engine/progressHistory';
import { checkedSpecOf } from '../engine/staleness';
import { modelAfterRename, modelFollowing, renameInFiles } from './fileNames';
import { defaultExample, type Example } from '../examples';
import { initialTraceView, mergeTraceView, persistedTraceView } from '../explore/state';
import type {
  AppState,
  MainLayout,
  ModelSettings,
  RevealRequest,
  SimulationState,
  ThemeSetting,
  ViewId,
  ViewSettings,
} from './state';

export interface AppActions {
  loadExample(example: Example): void;
  setFileText(name: string, text: string): void;
  /** Adds a file and opens it; returns false when the name is taken. */
  addFile(name: string, text: string): boolean;
  removeFile(name: string): void;
  /**
   * Renames a file, keeping its place among the tabs; a module's header follows the new name, and
   * so does the model when it named the file. False when the new name is taken.
   */
  renameFile(from: string, to: string): boolean;
  /** Opens a file in the editor; a module or config with a partner of its name becomes the model. */
  setActiveFile(name: string): void;
  updateModel(change: Partial<ModelSettings>): void;
  runStarted(): void;
  runProgress(progress: Progress): void;
  runFinished(result: CheckResult): void;
  runFailed(message: string): void;
  /** The search looks unbounded; `variables` once the growing ones are named. */
  runGrowth(growth: NonNullable<AppState['run']['growth']>): void;
  runCancelled(): void;
  /** A simulation runs through the same states as a check (running, done, …), with its figures. */
  simulationStarted(): void;
  simulationProgress(progress: SimulateProgress): void;
  simulationFinished(result: CheckResult, summary: NonNullable<SimulationState['summary']>): void;
  selectStep(index: number): void;
  setTheme(theme: ThemeSetting): void;
  setActiveView(view: ViewId): void;
  setPaneSizes(
    sizes: Partial<Pick<ViewSettings, 'sidePanelWidth' | 'editorFraction' | 'editorSideFraction'>>,
  ): void;
  setLayout(layout: MainLayout): void;
  revealLocation(
    file: string,
    line: number,
    column: number,
    options?: Pick<RevealRequest, 'end' | 'focus'>,
  ): void;
}

export type AppStore = AppState & AppActions;

export const storageKey = 'specstage';

export function stateOfExample(example: Example): Pick<AppState, 'files' | 'activeFile' | 'model'> {
  return {
    files: { ...example.files },
    activeFile: example.quint?.file ?? `${example.mainModule}.tla`,
    model: {
      mainModule: example.mainModule,
      cfgFile: example.cfgFile,
      ...(example.quint ? { quint: { ...example.quint } } : {}),
      deadlock: 'cfg',
      workers: defaultWorkers(),
      memoryBudgetMb: defaultMemoryBudgetMb(),
      recordGraph: true,
      // The state graph view draws up to about this many states whole (src/ui/views/graph).
      maxGraphStates: 2000,
      watches: [],
      example: example.id,
    },
  };
}

/** Model settings for files that come from no example (a new project, dropped files). */
export function freshModel(): ModelSettings {
  const { example: _example, ...model } = initialState().model;
  return model;
}

/** One worker per core but one: the main thread keeps a core for the page. */
export function defaultWorkers(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.max(1, cores - 1);
}

/**
 * A check's default memory budget: an eighth of the device's memory (Chrome reports up to 8 GiB),
 * between 256 MiB and 1 GiB; 1 GiB where the browser does not say. An unbounded spec then stops
 * with a message instead of growing the tab until the browser kills it.
 */
export function defaultMemoryBudgetMb(): number {
  const gib =
    typeof navigator === 'undefined'
      ? undefined
      : (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  if (!gib) return 1024;
  return Math.min(1024, Math.max(256, Math.round(gib * 128)));
}

export function initialState(): AppState {
  return {
    ...stateOfExample(defaultExample),
    run: { status: 'idle' },
    selectedStep: 0,
    view: {
      theme: 'system',
      activeView: 'trace',
      sidePanelWidth: 360,
      editorFraction: 0.62,
      editorSideFraction: 0.45,
      layout: 'stacked',
    },
    traceView: initialTraceView(),
  };
}

/** What survives a reload: no transient request, no half-finished run, no bulky graph. */
function persisted(state: AppStore): PersistedState {
  const { result } = state.run;
  return {
    files: state.files,
    activeFile: state.activeFile,
    model: state.model,
    // A reload ends a run in flight: the worker that ran it is gone.
    run:
      state.run.status === 'running'
        ? { status: 'cancelled', checked: state.run.checked, claim: state.run.claim }
        : {
            status: state.run.status,
            failure: state.run.failure,
            growth: state.run.growth,
            tlc: state.run.tlc,
            checked: state.run.checked,
            claim: state.run.claim,
            // A simulation's answer must stay one after a reload: without its figures it would
            // read as a whole check's "No error found".
            simulation: state.run.simulation?.summary
              ? { summary: state.run.simulation.summary }
              : undefined,
            result: result && { ...result, graph: undefined },
          },
    selectedStep: state.selectedStep,
    view: state.view,
    traceView: persistedTraceView(state.traceView),
  };
}

export type PersistedState = Partial<AppState>;

export function createAppStore(storage: PersistStorage<PersistedState>) {
  return createStore<AppStore>()(
    persist(
      (set, get) => ({
        ...initialState(),
        loadExample: (example) =>
          set({
            ...stateOfExample(example),
            run: { status: 'idle' },
            selectedStep: 0,
            traceView: initialTraceView(),
          }),
        setFileText: (name, text) => set({ files: { ...get().files, [name]: text } }),
        addFile: (name, text) => {
          if (name in get().files) return false;
          const files = { ...get().files, [name]: text };
          set({ files, activeFile: name, model: modelFollowing(files, name, get().model) });
          return true;
        },
        renameFile: (from, to) => {
          const { files, model, activeFile } = get();
          if (!(from in files) || to in files) return false;
          const renamed = renameInFiles(files, from, to);
          set({
            files: renamed,
            activeFile: activeFile === from ? to : activeFile,
            model: modelFollowing(renamed, to, modelAfterRename(model, from, to)),
          });
          return true;
        },
        removeFile: (name) => {
          const { [name]: _removed, ...files } = get().files;
          const names = Object.keys(files);
          if (names.length === 0) return;
          const activeFile = get().activeFile === name ? names[0] : get().activeFile;
          set({ files, activeFile });
        },
        setActiveFile: (name) =>
          set({ activeFile: name, model: modelFollowing(get().files, name, get().model) }),
        updateModel: (change) => set({ model: { ...get().model, ...change } }),
        // A new check's trace is what the user wants to see next, even while exploring.
        runStarted: () =>
          set({
            run: {
              status: 'running',
              history: [],
              checked: checkedSpecOf(get()),
              claim: get().run.claim,
            },
            selectedStep: 0,
            traceView: { ...get().traceView, source: 'check' },
          }),
        runProgress: (progress) => {
          const { run } = get();
          set({ run: { ...run, progress, history: appendSample(run.history ?? [], progress) } });
        },
        // A run the engine stopped on a cancel still answers, with the figures so far.
        runFinished: (result) => {
          const { run } = get();
          set({
            run: {
              ...run,
              status: result.stopped === 'cancelled' ? 'cancelled' : 'done',
              result,
              history: run.history && appendSample(run.history, finalSample(result)),
            },
          });
        },
        runFailed: (failure) => set({ run: { ...get().run, status: 'failed', failure } }),
        runGrowth: (growth) => set({ run: { ...get().run, growth } }),
        runCancelled: () => set({ run: { ...get().run, status: 'cancelled' } }),
        simulationStarted: () =>
          set({
            run: {
              status: 'running',
              simulation: {},
              checked: checkedSpecOf(get()),
              claim: get().run.claim,
            },
            selectedStep: 0,
            traceView: { ...get().traceView, source: 'check' },
          }),
        simulationProgress: (progress) =>
          set({ run: { ...get().run, simulation: { ...get().run.simulation, progress } } }),
        simulationFinished: (result, summary) =>
          set({
            run: {
              ...get().run,
              status: 'done',
              result,
              simulation: { ...get().run.simulation, summary },
            },
          }),
        selectStep: (selectedStep) => set({ selectedStep }),
        setTheme: (theme) => set({ view: { ...get().view, theme } }),
        setActiveView: (activeView) => set({ view: { ...get().view, activeView } }),
        setPaneSizes: (sizes) => set({ view: { ...get().view, ...sizes } }),
        setLayout: (layout) => set({ view: { ...get().view, layout } }),
        revealLocation: (file, line, column, options) =>
          set({
            activeFile: file,
            reveal: { file, line, column, ...options, seq: (get().reveal?.seq ?? 0) + 1 },
          }),
      }),
      {
        name: storageKey,
        version: 1,
        storage,
        partialize: persisted,
        // Nested objects merge one level deep so that a setting added in a later version gets
        // its default instead of `undefined`.
        merge: (saved, current) => {
          const s = (saved ?? {}) as PersistedState;
          const files = s.files && Object.keys(s.files).length > 0 ? s.files : current.files;
          return {
            ...current,
            ...s,
            files,
            activeFile:
              s.activeFile && s.activeFile in files ? s.activeFile : Object.keys(files)[0],
            // An older save has no example id: it is not taken from the default example.
            model: { ...current.model, example: undefined, ...s.model },
            view: { ...current.view, ...s.view },
            run: s.run ?? current.run,
            traceView: mergeTraceView(current.traceView, s.traceView),
          };
        },
        // Older saved states keep the user's files; `merge` fills in what they lack.
        migrate: (saved) => saved as AppStore,
      },
    ),
  );
}
