/** The panel of the top bar's project button (ProjectMenu.tsx): your projects and files. */
import { useRef, useState, type ReactNode } from 'react';
import { useApp } from '../store';
import { openPickedFiles } from './drop';
import type { ProjectSummary } from './projects';
import {
  createProject,
  deleteProject,
  projectFiles,
  renameProject,
  switchProject,
  useFiles,
} from './sync';
import { downloadFile, downloadProject } from './transfer';

function ago(time: number, now: number): string {
  const s = Math.max(0, Math.round((now - time) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  return new Date(time).toLocaleDateString();
}

export default function ProjectPanel({ onClose }: { onClose: () => void }) {
  const projects = useFiles((s) => s.projects);
  const currentId = useFiles((s) => s.currentId);
  const ready = useFiles((s) => s.ready);
  const backend = useFiles((s) => s.backend);
  const fallbackReason = useFiles((s) => s.fallbackReason);
  const activeFile = useApp((s) => s.activeFile);
  const activeText = useApp((s) => s.files[s.activeFile]);
  const [renaming, setRenaming] = useState<string>();
  const [now] = useState(() => Date.now());

  const newProject = async () => {
    const id = await createProject();
    if (id) setRenaming(id);
  };

  return (
    <div className="project-panel" role="dialog" aria-label="Your files">
      <div className="project-panel__head">
        <strong>Your files</strong>
        <span className="muted">
          {!ready
            ? 'Opening…'
            : backend === 'indexeddb'
              ? 'kept in this browser (IndexedDB)'
              : 'kept in localStorage only'}
        </span>
      </div>
      {backend === 'localstorage' && fallbackReason && (
        <p className="project-panel__warning" role="note">
          IndexedDB is not available ({fallbackReason}). localStorage holds a few megabytes for the
          whole site: download the projects you need.
        </p>
      )}
      <ul className="project-list" aria-label="Projects">
        {projects.map((p) => (
          <ProjectRow
            key={p.id}
            project={p}
            current={p.id === currentId}
            only={projects.length === 1}
            renaming={renaming === p.id}
            now={now}
            onRename={(on) => setRenaming(on ? p.id : undefined)}
            onOpen={() => {
              void switchProject(p.id);
              onClose();
            }}
          />
        ))}
      </ul>
      <div className="project-panel__actions">
        <button className="button" disabled={!ready} onClick={() => void newProject()}>
          New project
        </button>
        <FilePicker
          label="Open files…"
          title="Open .tla, .cfg or .zip files as a new project"
          mode="new"
        />
        <FilePicker
          label="Add files…"
          title="Add .tla and .cfg files to the open project"
          mode="current"
        />
      </div>
      <div className="project-panel__actions">
        <button
          className="button"
          disabled={activeText === undefined}
          onClick={() => downloadFile(activeFile, activeText ?? '')}
        >
          Download {activeFile}
        </button>
      </div>
      <p className="project-panel__hint muted">
        Drop .tla and .cfg files (or a .zip) anywhere on the window to open them.
      </p>
    </div>
  );
}

interface ProjectRowProps {
  project: ProjectSummary;
  current: boolean;
  only: boolean;
  renaming: boolean;
  now: number;
  onRename(on: boolean): void;
  onOpen(): void;
}

function ProjectRow({ project, current, only, renaming, now, onRename, onOpen }: ProjectRowProps) {
  const count = project.fileNames.length;
  const download = async () => {
    const saved = await projectFiles(project.id);
    if (saved) await downloadProject(saved.name, saved.files);
  };
  const remove = () => {
    if (confirm(`Delete the project “${project.name}” and its ${count} files from this browser?`)) {
      void deleteProject(project.id);
    }
  };
  return (
    <li className="project-row" data-current={current || undefined}>
      {renaming ? (
        <RenameField
          name={project.name}
          onDone={(name) => {
            if (name !== undefined) void renameProject(project.id, name);
            onRename(false);
          }}
        />
      ) : (
        <button
          className="project-row__open"
          aria-current={current ? 'true' : undefined}
          title={project.fileNames.join(', ')}
          onClick={onOpen}
        >
          <span className="project-row__name">{project.name}</span>
          <span className="project-row__meta muted">
            {count} {count === 1 ? 'file' : 'files'} · {ago(project.updatedAt, now)}
          </span>
        </button>
      )}
      <span className="project-row__actions">
        <RowButton label={`Rename ${project.name}`} onClick={() => onRename(!renaming)}>
          Rename
        </RowButton>
        <RowButton label={`Download ${project.name} (.zip)`} onClick={() => void download()}>
          .zip
        </RowButton>
        <RowButton label={`Delete ${project.name}`} onClick={remove} disabled={only}>
          Delete
        </RowButton>
      </span>
    </li>
  );
}

function RowButton(props: {
  label: string;
  onClick(): void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      className="project-row__action"
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

function RenameField({ name, onDone }: { name: string; onDone(name?: string): void }) {
  const [value, setValue] = useState(name);
  return (
    <form
      className="project-row__rename"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(value);
      }}
    >
      <input
        aria-label="Project name"
        value={value}
        autoFocus
        onFocus={(e) => e.target.select()}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onDone(undefined);
          }
        }}
        onBlur={() => onDone(value)}
      />
    </form>
  );
}

function FilePicker({
  label,
  title,
  mode,
}: {
  label: string;
  title: string;
  mode: 'new' | 'current';
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button className="button" title={title} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".tla,.cfg,.qnt,.zip"
        data-testid={`pick-files-${mode}`}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void openPickedFiles(files, mode);
        }}
      />
    </>
  );
}
