/** Whether the page's URL holds a share link, without loading the link's codec (share-link.ts). */
import { SHARE_KEY } from '../../formats/share-key';

/** The payload of the current URL's share key, if any. */
export function currentSharePayload(): string | undefined {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get(SHARE_KEY) ?? undefined;
}
