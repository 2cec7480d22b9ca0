import { createHash } from 'node:crypto';

/** Hex sha256 of bytes or text: the one fingerprint used for manifests, exports and the send log. */
export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
