/**
 * Where a share link sits in a URL, apart from its encoding (share-link.ts), so that the page can
 * tell whether its URL holds one without loading the codec.
 */

/** The hash key holding a link: `#share=…`; other keys (`step`, `explore`) may sit beside it. */
export const SHARE_KEY = 'share';

/** The payload in a URL or a bare hash, if it has a `share` key. */
export function sharePayloadOf(urlOrHash: string): string | undefined {
  const hash = urlOrHash.includes('#') ? urlOrHash.slice(urlOrHash.indexOf('#') + 1) : urlOrHash;
  return new URLSearchParams(hash).get(SHARE_KEY) ?? undefined;
}
