import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeliveryError } from '../model/errors.js';
import { sha256 } from '../util/hash.js';

export interface Artifact {
  /** Absolute path. */
  file: string;
  /** The name the recipient sees. */
  filename: string;
  contentType: string;
  content: Buffer;
  sha256: string;
}

export interface DeckArtifacts {
  pptx: Artifact;
  pdf?: Artifact;
  /** Shown inline in the HTML body, not attached. */
  contactSheet?: Artifact;
  /** sha256 over every file above: what "once per version" means. */
  version: string;
}

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** The built files for one deck: `<out>/<slug>.pptx` (required), `<slug>.pdf` and `<slug>/contact-sheet.png` when exported. */
export async function deckArtifacts(outDir: string, slug: string): Promise<DeckArtifacts> {
  const pptx = await artifact(path.join(outDir, `${slug}.pptx`), PPTX);
  if (!pptx) {
    throw new DeliveryError('deck-not-built', `Missing \`${path.join(outDir, `${slug}.pptx`)}\`, expected a built deck (run \`briefdeck build ${slug}\` first)`);
  }
  const pdf = await artifact(path.join(outDir, `${slug}.pdf`), 'application/pdf');
  const contactSheet = await artifact(path.join(outDir, slug, 'contact-sheet.png'), 'image/png', `${slug}-contact-sheet.png`);
  const h = createHash('sha256').update(`briefdeck-send-v1\n${slug}\n`);
  for (const a of [pptx, pdf, contactSheet]) if (a) h.update(`${a.filename} ${a.sha256}\n`);
  return { pptx, pdf, contactSheet, version: h.digest('hex') };
}

async function artifact(file: string, contentType: string, filename = path.basename(file)): Promise<Artifact | undefined> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return { file, filename, contentType, content, sha256: sha256(content) };
}
