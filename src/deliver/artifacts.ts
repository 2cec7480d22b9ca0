import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readExportState } from '../export/export-state.js';
import { DeliveryError } from '../model/errors.js';
import { sha256 } from '../util/hash.js';

export interface Artifact {
  /** Absolute path (for a file made for one message: where it would be). */
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
  /**
   * The exported slide images the contact sheet was drawn from (absolute paths), to draw it again with changed slides
   * outlined.
   */
  slides?: string[];
  /** Exported files that exist but were made from an earlier build of the .pptx: not sent, and why. */
  leftOut: string[];
  /** sha256 over every file above: what "once per version" means. */
  version: string;
}

export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/**
 * The built files for one deck: `<out>/<slug>.pptx` (required), and the PDF
 * and contact sheet only when `<slug>/export.json` says they were exported
 * from this very .pptx (its sha256): a mail must not pair a new deck with the
 * PDF or thumbnails of an old one.
 */
export async function deckArtifacts(outDir: string, slug: string): Promise<DeckArtifacts> {
  const pptx = await artifact(path.join(outDir, `${slug}.pptx`), PPTX_TYPE);
  if (!pptx) {
    throw new DeliveryError(
      'deck-not-built',
      `Missing \`${path.join(outDir, `${slug}.pptx`)}\`, expected a built deck (run \`briefdeck build ${slug}\` first)`,
    );
  }
  const state = await readExportState(outDir, slug);
  const leftOut: string[] = [];
  const current = async (
    rel: string | undefined,
    from: string | undefined,
    contentType: string,
    filename?: string,
    fallback?: string,
  ): Promise<Artifact | undefined> => {
    if (rel && from === pptx.sha256) return artifact(path.join(outDir, rel), contentType, filename);
    const old = rel ?? fallback;
    if (old && (await exists(path.join(outDir, old))))
      leftOut.push(`\`${old}\` (exported from an earlier build of \`${slug}.pptx\`: run \`briefdeck export ${slug}\`)`);
    return undefined;
  };
  const pdf = await current(state?.pdf?.file, state?.pdf?.pptxSha256, 'application/pdf', undefined, `${slug}.pdf`);
  const contactSheet = await current(
    state?.png?.contactSheet,
    state?.png?.pptxSha256,
    'image/png',
    `${slug}-contact-sheet.png`,
    `${slug}/contact-sheet.png`,
  );
  const pngs = contactSheet ? state!.png!.files.map((f) => path.join(outDir, f)) : [];
  const slides = pngs.length > 0 && (await Promise.all(pngs.map(exists))).every(Boolean) ? pngs : undefined;
  const h = createHash('sha256').update(`briefdeck-send-v1\n${slug}\n`);
  for (const a of [pptx, pdf, contactSheet]) if (a) h.update(`${a.filename} ${a.sha256}\n`);
  return { pptx, pdf, contactSheet, slides, leftOut, version: h.digest('hex') };
}

/** A file made for one message (a contact sheet with outlines, the full list of changes). */
export function madeArtifact(file: string, filename: string, contentType: string, content: Buffer): Artifact {
  return { file, filename, contentType, content, sha256: sha256(content) };
}

async function artifact(
  file: string,
  contentType: string,
  filename = path.basename(file),
): Promise<Artifact | undefined> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return { file, filename, contentType, content, sha256: sha256(content) };
}

const exists = (f: string) =>
  stat(f).then(
    () => true,
    () => false,
  );
