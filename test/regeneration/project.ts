import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DeckOptions } from '../../src/build.js';
import { ROOT } from '../helpers/cli.js';

export const DARK = 'us-policy-response'; // theme: briefing-dark
export const LIGHT = 'russia-north-korea-treaty'; // theme: briefing-light

/** A throw-away project: copies of the repo's decks and themes, never the repo's own folders. */
export async function tempProject(decks: readonly string[] = [DARK, LIGHT]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefdeck-regen-'));
  for (const d of decks)
    await cp(path.join(ROOT, 'test', 'fixtures', 'decks', d), path.join(dir, 'content', d), { recursive: true });
  await cp(path.join(ROOT, 'themes'), path.join(dir, 'themes'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}fonts`),
  });
  const opts: DeckOptions = {
    contentDir: path.join(dir, 'content'),
    themesDir: path.join(dir, 'themes'),
    outDir: path.join(dir, 'output'),
  };
  return {
    dir,
    opts,
    deck: (slug: string, ...p: string[]) => path.join(dir, 'content', slug, ...p),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Poll `check` until it returns true; fail with `what` after `ms`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}
