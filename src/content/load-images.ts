import { isInside } from '../util/path-inside.js';
import path from 'node:path';
import { flatBlocks, type Article, type ImageBlock } from '../model/article.js';
import type { ImageAsset } from '../model/assets.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { BODY_BOTTOM, BODY_TOP, CONTENT_W } from '../model/geometry.js';
import { loadSharp } from '../util/load-sharp.js';
import { safeDecodeUri } from '../util/text.js';
import { deckRule } from './load-deck.js';
import { withNearbyFile } from './nearby-file.js';
import { svgEmbeddable, svgExternalRefs, svgToPng, verifyRaster, type PixelBox } from '../input/normalise-image.js';
import { IMAGE_LIMIT_REASON, MAX_IMAGE_BYTES, readInput } from '../input/read-input.js';

/** The longest side an image keeps: 2400 px across the body is about 195 dpi, sharp on any projector. */
const MAX_PX = 2400;
/**
 * The most an image can occupy on a slide is the body region; an SVG is
 * rasterised to that, at the density that puts MAX_PX across its width.
 */
const SVG_BOX: PixelBox = { w: MAX_PX, h: Math.round(((BODY_BOTTOM - BODY_TOP) * MAX_PX) / CONTENT_W) };

/**
 * Read every image an article uses, through the input rule (inside the deck
 * folder, a regular file, at most MAX_IMAGE_BYTES), and normalise it with
 * sharp: decoded in full (a truncated file is an error), EXIF rotation
 * applied, at most 2400 px, and PNG or JPEG only (PowerPoint and LibreOffice
 * cannot be trusted with SVG, WebP, AVIF or HEIC). An SVG keeps its bytes
 * on the asset beside the PNG.
 */
export async function loadImages(
  article: Article,
): Promise<{ images: Map<string, ImageAsset>; diagnostics: Diagnostic[] }> {
  const images = new Map<string, ImageAsset>();
  const diagnostics: Diagnostic[] = [];
  const blocks = flatBlocks(article.sections.flatMap((s) => s.blocks)).filter(
    (b): b is ImageBlock => b.type === 'image',
  );
  for (const b of blocks) {
    if (images.has(b.src)) continue;
    const r = await loadImage(article.dir, b);
    diagnostics.push(...r.diagnostics);
    if (r.asset) images.set(b.src, r.asset);
  }
  return { images, diagnostics };
}

async function loadImage(dir: string, b: ImageBlock): Promise<{ asset?: ImageAsset; diagnostics: Diagnostic[] }> {
  const rel = safeDecodeUri(b.src);
  // Path rules are the validator's; a path it refused is not read here.
  if (/^[a-z][a-z0-9+.-]*:/i.test(rel) || path.isAbsolute(rel)) return { diagnostics: [] };
  const full = path.resolve(dir, rel);
  if (!isInside(dir, full)) return { diagnostics: [] };
  const read = await readInput(full, deckRule(dir, 'image', MAX_IMAGE_BYTES, IMAGE_LIMIT_REASON), b.position);
  if (!read.ok) return { diagnostics: [await withNearbyFile(read.diagnostic, full, rel)] };
  const input = read.bytes;
  const sharp = await loadSharp();
  try {
    const meta = await sharp(input).metadata();
    if (meta.format === 'svg') {
      const png = await svgToPng(input, SVG_BOX);
      const refs = svgExternalRefs(input);
      const diagnostics =
        refs.length === 0
          ? []
          : [
              diagnostic(
                'warning',
                'svg-external-ref',
                b.position,
                `Unexpected reference${refs.length === 1 ? '' : 's'} ${refs.map((r) => `\`${r}\``).join(', ')} inside SVG \`${b.src}\`: an SVG is drawn on its own, so ${refs.length === 1 ? 'it' : 'they'} will be missing from the picture`,
                'embed the picture in the SVG as a `data:` URI, or export the SVG as PNG',
              ),
            ];
      return {
        asset: {
          data: new Uint8Array(png.data),
          mime: 'image/png',
          width: png.width,
          height: png.height,
          ...(svgEmbeddable(input) ? { svg: input } : {}),
        },
        diagnostics,
      };
    }
    const keep =
      (meta.format === 'png' || meta.format === 'jpeg') &&
      (meta.width ?? 0) <= MAX_PX &&
      (meta.height ?? 0) <= MAX_PX &&
      (meta.orientation ?? 1) === 1;
    const asJpeg = meta.format === 'jpeg';
    if (keep) {
      await verifyRaster(input);
      return {
        asset: { data: input, mime: asJpeg ? 'image/jpeg' : 'image/png', width: meta.width!, height: meta.height! },
        diagnostics: [],
      };
    }
    // The conversion decodes every pixel, so it verifies the file too.
    const pipeline = sharp(input)
      .rotate()
      .resize({ width: MAX_PX, height: MAX_PX, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await (asJpeg ? pipeline.jpeg({ quality: 88 }) : pipeline.png()).toBuffer({
      resolveWithObject: true,
    });
    return {
      asset: {
        data: new Uint8Array(data),
        mime: asJpeg ? 'image/jpeg' : 'image/png',
        width: info.width,
        height: info.height,
      },
      diagnostics: [],
    };
  } catch (e) {
    return {
      diagnostics: [
        diagnostic(
          'error',
          'image-unreadable',
          b.position,
          `Unreadable image \`${b.src}\` (\`${path.relative(dir, read.real) || b.src}\`): ${(e as Error).message}`,
          'the file may be truncated or corrupt: export it again as PNG or JPEG',
        ),
      ],
    };
  }
}
