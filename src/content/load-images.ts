import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Article, ImageBlock } from '../model/article.js';
import type { ImageAsset } from '../model/assets.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { loadSharp } from '../util/load-sharp.js';

const MAX_PX = 2400;

/**
 * Read every image an article uses and normalise it with sharp: EXIF
 * rotation applied, at most 2400 px, and PNG or JPEG only (PowerPoint and
 * LibreOffice cannot be trusted with SVG, WebP, AVIF or HEIC).
 */
export async function loadImages(article: Article): Promise<{ images: Map<string, ImageAsset>; diagnostics: Diagnostic[] }> {
  const images = new Map<string, ImageAsset>();
  const diagnostics: Diagnostic[] = [];
  const blocks = article.sections.flatMap((s) => s.blocks).filter((b): b is ImageBlock => b.type === 'image');
  const root = await realpath(article.dir);
  for (const b of blocks) {
    if (images.has(b.src)) continue;
    const r = await loadImage(root, b);
    if ('diagnostic' in r) diagnostics.push(r.diagnostic);
    else if (r.asset) images.set(b.src, r.asset);
  }
  return { images, diagnostics };
}

async function loadImage(root: string, b: ImageBlock): Promise<{ asset?: ImageAsset } | { diagnostic: Diagnostic }> {
  let rel: string;
  try {
    rel = decodeURI(b.src);
  } catch {
    rel = b.src;
  }
  // Path rules are the validator's; a path it refused is not read here.
  if (/^[a-z][a-z0-9+.-]*:/i.test(rel) || path.isAbsolute(rel)) return {};
  const full = path.resolve(root, rel);
  if (path.relative(root, full).startsWith('..')) return {};
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    return { diagnostic: diagnostic('error', 'image-missing', b.position, `Missing image \`${b.src}\`, expected a file at \`${path.relative(process.cwd(), full)}\``, 'check the file name and its case') };
  }
  if (path.relative(root, real).startsWith('..')) {
    return { diagnostic: diagnostic('error', 'image-outside-deck', b.position, `Unexpected image \`${b.src}\` that links outside the deck folder, expected a file inside it`) };
  }
  const sharp = await loadSharp();
  try {
    const input = await readFile(real);
    const meta = await sharp(input).metadata();
    const keep = (meta.format === 'png' || meta.format === 'jpeg') && (meta.width ?? 0) <= MAX_PX && (meta.height ?? 0) <= MAX_PX && (meta.orientation ?? 1) === 1;
    const density = meta.format === 'svg' ? 288 : undefined;
    const pipeline = sharp(input, density ? { density } : {}).rotate().resize({ width: MAX_PX, height: MAX_PX, fit: 'inside', withoutEnlargement: true });
    const asJpeg = meta.format === 'jpeg';
    const { data, info } = keep
      ? { data: input, info: { width: meta.width!, height: meta.height! } }
      : await (asJpeg ? pipeline.jpeg({ quality: 88 }) : pipeline.png()).toBuffer({ resolveWithObject: true });
    return { asset: { data: new Uint8Array(data), mime: asJpeg ? 'image/jpeg' : 'image/png', width: info.width, height: info.height } };
  } catch (e) {
    return { diagnostic: diagnostic('error', 'image-unreadable', b.position, `Unreadable image \`${b.src}\`: ${(e as Error).message}`, 'export it as PNG or JPEG') };
  }
}
