/**
 * Files in and out of the browser: reading dropped or picked files (.tla and .cfg, also inside a
 * .zip), and downloading a file or a whole project (.zip, written by fflate, loaded only then).
 */
import { fileNameOf, isSpecFile } from './projects';

export interface ReadFiles {
  files: Record<string, string>;
  /** Names that were not .tla, .cfg or .qnt files, left out. */
  ignored: string[];
}

const baseOf = (path: string) => path.split('/').pop() ?? path;

/** Reads .tla, .cfg and .qnt files (also inside .zip files); anything else is listed as ignored. */
export async function readSpecFiles(list: Iterable<File>): Promise<ReadFiles> {
  const files: Record<string, string> = {};
  const ignored: string[] = [];
  for (const file of list) {
    if (isSpecFile(file.name)) {
      files[file.name] = await file.text();
    } else if (/\.zip$/i.test(file.name)) {
      const { unzipSync, strFromU8 } = await import('fflate');
      const entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
      for (const [path, bytes] of Object.entries(entries)) {
        if (path.endsWith('/') || path.startsWith('__MACOSX/')) continue;
        if (isSpecFile(path)) files[baseOf(path)] = strFromU8(bytes);
        else ignored.push(`${file.name}: ${path}`);
      }
    } else {
      ignored.push(file.name);
    }
  }
  return { files, ignored };
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadFile(name: string, text: string): void {
  saveBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), name);
}

/** A .zip of a project's files, at the archive's top level. */
export async function zipProject(files: Record<string, string>): Promise<Uint8Array<ArrayBuffer>> {
  const { zipSync, strToU8 } = await import('fflate');
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [name, strToU8(text)]),
  );
  return zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>;
}

export async function downloadProject(name: string, files: Record<string, string>) {
  const zip = await zipProject(files);
  saveBlob(new Blob([zip], { type: 'application/zip' }), `${fileNameOf(name)}.zip`);
}
