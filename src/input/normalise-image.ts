import { loadSharp } from '../util/load-sharp.js';

export interface PixelBox {
  w: number;
  h: number;
}

/**
 * Rasterise an SVG to fit `box` (in pixels), whatever its own size: the
 * density is chosen from its intrinsic size (sharp reads SVG at 72 dpi = 1×),
 * so an 8000-unit drawing and a 16-unit icon both come out as large as the
 * box allows, and never over sharp's pixel limit.
 */
export async function svgToPng(
  svg: Uint8Array,
  box: PixelBox,
): Promise<{ data: Buffer; width: number; height: number }> {
  const sharp = await loadSharp();
  const meta = await sharp(svg).metadata();
  const w = meta.width || box.w;
  const h = meta.height || box.h;
  // sharp accepts densities from 1 to 100000 dpi.
  const density = Math.min(100_000, Math.max(1, 72 * Math.min(box.w / w, box.h / h)));
  const { data, info } = await sharp(svg, { density })
    .resize({ width: box.w, height: box.h, fit: 'inside', withoutEnlargement: true })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Decode a raster image completely, so a truncated or corrupt file is an
 * error now rather than a broken picture in PowerPoint (a header read, which
 * sharp's metadata() is, does not notice).
 */
export async function verifyRaster(bytes: Uint8Array): Promise<void> {
  const sharp = await loadSharp();
  await sharp(bytes).stats();
}

/**
 * Resources an SVG refers to outside itself (`<image href="x.png">`,
 * `<use href="other.svg#a">`, CSS `url(x.png)` or `@import`): an SVG is drawn on
 * its own, from its bytes, so these never load and come out blank.
 */
export function svgExternalRefs(svg: Uint8Array): string[] {
  const text = new TextDecoder().decode(svg);
  const refs = new Set<string>();
  const local = (r: string) => r.startsWith('#') || /^data:/i.test(r);
  for (const m of text.matchAll(/<(?:[\w-]+:)?(?:image|use|feImage)\b[^>]*?\s(?:xlink:)?href\s*=\s*(["'])(.*?)\1/gis))
    if (!local(m[2].trim())) refs.add(m[2].trim());
  for (const m of text.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)) if (!local(m[2].trim())) refs.add(m[2].trim());
  for (const m of text.matchAll(/@import\s+(["'])(.*?)\1/gi)) if (!local(m[2].trim())) refs.add(m[2].trim());
  return [...refs];
}

/**
 * Whether an SVG may go into the deck as vector beside its PNG rendering.
 * PowerPoint draws the SVG and LibreOffice the PNG, so the two must show the
 * same picture: an SVG with outside references (blank here, perhaps fetched
 * there), a DTD (entities expand differently per reader) or a script is kept
 * as the PNG alone.
 */
export function svgEmbeddable(svg: Uint8Array): boolean {
  const text = new TextDecoder().decode(svg);
  return svgExternalRefs(svg).length === 0 && !/<!DOCTYPE|<!ENTITY|<(?:[\w-]+:)?script\b|\son[a-z]+\s*=/i.test(text);
}
