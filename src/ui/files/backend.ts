/**
 * Where projects are kept: IndexedDB (through `idb`), or localStorage when IndexedDB cannot be
 * opened (some private modes, a blocked or broken database). Both hold whole projects and a few
 * small values (`meta`: which project is open).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Project } from './projects';

export interface ProjectBackend {
  kind: 'indexeddb' | 'localstorage';
  list(): Promise<Project[]>;
  get(id: string): Promise<Project | undefined>;
  put(project: Project): Promise<void>;
  delete(id: string): Promise<void>;
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
}

interface FilesDb extends DBSchema {
  projects: { key: string; value: Project };
  meta: { key: string; value: string };
}

export const DB_NAME = 'specstage';
const OPEN_TIMEOUT_MS = 4000;

function idbBackend(db: IDBPDatabase<FilesDb>): ProjectBackend {
  return {
    kind: 'indexeddb',
    list: () => db.getAll('projects'),
    get: (id) => db.get('projects', id),
    put: async (project) => {
      await db.put('projects', project);
    },
    delete: (id) => db.delete('projects', id),
    getMeta: (key) => db.get('meta', key),
    setMeta: async (key, value) => {
      await db.put('meta', value, key);
    },
  };
}

/** Opens the database, or says why it cannot be used. */
export async function openIndexedDb(): Promise<ProjectBackend> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    throw new Error('this browser has no IndexedDB here');
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('the database did not open (another tab may hold an old version)')),
      OPEN_TIMEOUT_MS,
    );
  });
  try {
    const db = await Promise.race([
      openDB<FilesDb>(DB_NAME, 1, {
        upgrade(database) {
          database.createObjectStore('projects', { keyPath: 'id' });
          database.createObjectStore('meta');
        },
      }),
      timeout,
    ]);
    return idbBackend(db);
  } finally {
    clearTimeout(timer);
  }
}

export const LOCAL_KEY = 'specstage.projects';

interface LocalSave {
  projects: Project[];
  meta: Record<string, string>;
}

/** The fallback: every project in one localStorage value (about 5 MB for the whole site). */
export function localStorageBackend(storage: Storage = localStorage): ProjectBackend {
  const read = (): LocalSave => {
    try {
      const saved = JSON.parse(storage.getItem(LOCAL_KEY) ?? 'null') as LocalSave | null;
      if (saved && Array.isArray(saved.projects))
        return { projects: saved.projects, meta: saved.meta ?? {} };
    } catch {
      // A damaged value is treated as empty rather than blocking the app.
    }
    return { projects: [], meta: {} };
  };
  // setItem throws QuotaExceededError when the storage is full: the caller says so.
  const write = (save: LocalSave) => storage.setItem(LOCAL_KEY, JSON.stringify(save));
  return {
    kind: 'localstorage',
    list: async () => read().projects,
    get: async (id) => read().projects.find((p) => p.id === id),
    put: async (project) => {
      const save = read();
      const others = save.projects.filter((p) => p.id !== project.id);
      write({ ...save, projects: [...others, project] });
    },
    delete: async (id) => {
      const save = read();
      write({ ...save, projects: save.projects.filter((p) => p.id !== id) });
    },
    getMeta: async (key) => read().meta[key],
    setMeta: async (key, value) => {
      const save = read();
      write({ ...save, meta: { ...save.meta, [key]: value } });
    },
  };
}

/** Whether an error is the storage being full. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
