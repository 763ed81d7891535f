/**
 * The checksums of the `\* BEGIN TRANSLATION (chksum(pcal) = "..." /\ chksum(tla) = "...")` line:
 * CRC-32 of the UTF-8 bytes, in lower-case hex without leading zeros (Java's Long.toHexString).
 * `chksum(tla)` covers the translation's lines concatenated (no line breaks); `chksum(pcal)` the
 * algorithm's AST text, or the word `fair` for a `--fair algorithm` (as pcal.trans does).
 */

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let c = 0xffffffff;
  for (const b of bytes) c = TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return ((c ^ 0xffffffff) >>> 0).toString(16);
}

/** The checksum of a translation (its lines, without the BEGIN and END lines). */
export function translationChecksum(lines: readonly string[]): string {
  return crc32(lines.join(''));
}

/** `abc` as a case-insensitive regex piece (`[aA][bB][cC]`), other characters as they are. */
function anyCase(s: string): string {
  return s.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

/** The BEGIN line's checksums, as pcal.trans's pattern finds them (`\\in STRING` disables one). */
export const CHECKSUM_PATTERN = new RegExp(
  '\\\\\\* BEGIN TRANSLATION\\s+\\(\\s*(' +
    anyCase('ch(ec)?ksum\\(p(lus)?cal\\)') +
    ')\\s*(=\\s*"(?<pcal>[0-9A-Fa-f]*)"|\\\\in\\s*STRING)\\s*\\/\\\\\\s*(' +
    anyCase('ch(ec)?ksum\\(tla\\+?\\)') +
    ')\\s*(=\\s*"(?<tla>[0-9A-Fa-f]*)"|\\\\in\\s*STRING)\\s*\\)',
);

export const CHECKSUM_TEMPLATE = (pcal: string, tla: string): string =>
  `(chksum(pcal) = "${pcal}" /\\ chksum(tla) = "${tla}")`;
