/**
 * "Export for TLC": the open model as a .zip TLC runs unchanged (src/formats/tlc-bundle.ts): the
 * spec, every module it reaches (the library modules TLC lacks written beside it), the .cfg as
 * open with the side panel's Deadlock setting written in, and a README with the commands. The
 * modules are gathered on a checker worker, where the parser is; the zip is written by fflate
 * (already used for project downloads), loaded only then.
 */
import type { CheckRequest } from '../../check/contract/types';
import type { TlcBundle } from '../../formats/tlc-bundle';
import { buildCheckRequest } from '../engine/checkRequest';
import { saveBlob } from '../files/transfer';
import type { AppState } from '../store/state';

export interface ExportedBundle {
  fileName: string;
  bundle: TlcBundle;
}

/** What the bundle is made from: the model as the side panel sets it, with no browser limits. */
export function bundleRequest(state: Pick<AppState, 'files' | 'model'>): CheckRequest {
  const request = buildCheckRequest(state);
  return { ...request, options: { checkDeadlock: request.options?.checkDeadlock } };
}

/** The bundle as a .zip: one folder named after the module, as `specstage export --out X.zip`. */
export async function zipBundle(bundle: TlcBundle, folder: string): Promise<Uint8Array> {
  const { zipSync, strToU8 } = await import('fflate');
  return zipSync(
    Object.fromEntries(bundle.files.map((f) => [`${folder}/${f.name}`, strToU8(f.text)])),
    { level: 6 },
  );
}

export async function exportForTlc(
  state: Pick<AppState, 'files' | 'model'>,
  gather: (request: CheckRequest) => Promise<TlcBundle>,
): Promise<ExportedBundle> {
  const request = bundleRequest(state);
  const bundle = await gather(request);
  const folder = `${request.mainModule}-tlc`;
  const zip = await zipBundle(bundle, folder);
  const fileName = `${folder}.zip`;
  saveBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
  return { fileName, bundle };
}
