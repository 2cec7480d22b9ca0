import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertNoLink, mkdirNoFollow } from './no-follow.js';

/** Write a file so readers see the old bytes or the new ones, never half of them. */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  // Under the output folder, neither the file nor a folder above it may be a link (see no-follow.ts).
  await mkdirNoFollow(path.dirname(file));
  await assertNoLink(file);
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
