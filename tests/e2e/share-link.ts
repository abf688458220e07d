// Share links built the way the app builds them (the format in docs/sharing.md), for tests that
// open a shared plan.
import { deflateRawSync } from 'node:zlib';

/** FNV-1a of the bytes: the checksum a share link carries. */
function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The `#share=` fragment of a plan's JSON text. */
export function shareFragment(planJson: string, version = 1): string {
  const json = Buffer.from(planJson, 'utf8');
  const packed = deflateRawSync(json, { level: 9 });
  const header: number[] = [];
  const sum = fnv1a(json);
  header.push((sum >>> 24) & 0xff, (sum >>> 16) & 0xff, (sum >>> 8) & 0xff, sum & 0xff);
  let length = packed.length;
  do {
    const low = length & 0x7f;
    length >>>= 7;
    header.push(length ? low | 0x80 : low);
  } while (length);
  const payload = Buffer.concat([Buffer.from(header), packed]).toString('base64url');
  return `#share=v${version}.${payload}`;
}
