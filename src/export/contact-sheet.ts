import { loadSharp } from '../util/load-sharp.js';

/** Sized for email: 1200 px wide reads well in mail clients without scaling on a laptop. */
export const SHEET = { width: 1200, columns: 3, gap: 16, label: 28 } as const;

export interface SheetSize {
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
}

/** The contact sheet's geometry for `count` thumbnails of aspect `w:h`. */
export function sheetSize(count: number, w: number, h: number): SheetSize {
  const { width, columns, gap, label } = SHEET;
  const thumbWidth = Math.floor((width - gap * (columns + 1)) / columns);
  const thumbHeight = Math.round((thumbWidth * h) / w);
  const rows = Math.max(1, Math.ceil(count / columns));
  return { width, height: gap + rows * (thumbHeight + label + gap), thumbWidth, thumbHeight };
}

/**
 * The outline drawn around changed slides, on the contact sheet (in the gallery and the mail) and in the gallery's CSS
 * alike.
 */
export const OUTLINE = { color: '#d9480f', width: 6 } as const;

export interface SheetOptions {
  /** Slide numbers (1-based) to outline, e.g. the slides that changed since the version a reader has. */
  outline?: readonly number[];
}

/**
 * A grid of the slide images (3 columns, 1200 px wide), each with its slide
 * number underneath, drawn as one SVG overlay, with an outline around the
 * slides in `outline`. Returns PNG bytes.
 */
export async function contactSheet(pngs: readonly string[], o: SheetOptions = {}): Promise<Buffer> {
  const sharp = await loadSharp();
  const first = await sharp(pngs[0]).metadata();
  const size = sheetSize(pngs.length, first.width ?? 16, first.height ?? 9);
  const { columns, gap, label } = SHEET;
  const at = (i: number) => ({
    left: gap + (i % columns) * (size.thumbWidth + gap),
    top: gap + Math.floor(i / columns) * (size.thumbHeight + label + gap),
  });
  const thumbs = await Promise.all(
    pngs.map((p) =>
      sharp(p)
        .resize({ width: size.thumbWidth, height: size.thumbHeight, fit: 'contain', background: '#ffffff' })
        .png()
        .toBuffer(),
    ),
  );
  const outlined = [...new Set(o.outline ?? [])].filter((n) => n >= 1 && n <= pngs.length);
  // As in the gallery: an outlined slide's number reads `N · changed`, in the outline's colour.
  const labels = pngs
    .map((_, i) => {
      const { left, top } = at(i);
      const y = top + size.thumbHeight + label - 8;
      const hit = outlined.includes(i + 1);
      return `<text x="${left + size.thumbWidth / 2}" y="${y}" text-anchor="middle"${hit ? ` style="fill:${OUTLINE.color}"` : ''}>${i + 1}${hit ? ' · changed' : ''}</text>`;
    })
    .join('');
  const w = OUTLINE.width;
  const outlines = outlined
    .map((n) => {
      const { left, top } = at(n - 1);
      return `<rect x="${left - w / 2}" y="${top - w / 2}" width="${size.thumbWidth + w}" height="${size.thumbHeight + w}" fill="none" stroke="${OUTLINE.color}" stroke-width="${w}"/>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"><style>text{font:bold 18px sans-serif;fill:#333}</style>${labels}${outlines}</svg>`;
  return sharp({ create: { width: size.width, height: size.height, channels: 3, background: '#eeeeee' } })
    .composite([
      ...thumbs.map((input, i) => ({ input, ...at(i) })),
      ...thumbs.map((_, i) => ({ input: border(size), left: at(i).left - 1, top: at(i).top - 1 })),
      { input: Buffer.from(svg), left: 0, top: 0 },
    ])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A 1 px grey frame so white slides stand out from the sheet. */
function border(s: SheetSize): Buffer {
  const w = s.thumbWidth + 2;
  const h = s.thumbHeight + 2;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" fill="none" stroke="#999"/></svg>`,
  );
}
