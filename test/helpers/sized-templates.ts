/**
 * pandoc's reference.pptx (saved by PowerPoint; 10 × 5.63 in, 24 pt body)
 * made into another size of template: every position and extent on its
 * master and layouts and the slide size scaled by one factor, and the body
 * text set to a given size. A 9 pt body on a 13.33 in slide, or a 40 pt body
 * on a 26.67 in one, as real templates have them. Made in test setup from the
 * cached fixture; nothing is committed. Plain text edits on parts whose text
 * we know (a fixture recipe, not product code), each checked to apply.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { realTemplate } from './templates.js';

export interface TemplateSize {
  /** The slide's width in inches (the reference's is 10); every position and extent scales with it. */
  width: number;
  /** The master's first-level body text size, in points. */
  body: number;
  /**
   * A face the presentation's default text style names instead of the theme's minor font, as POI's sample.pptx names
   * Arial: what LibreOffice sets table text in unless the cells name their face.
   */
  defaultFace?: string;
}

/** Write `<name>.pptx` into `themesDir`: pandoc's reference scaled to `size.width` with `size.body` pt body text. */
export async function writeSizedTemplate(themesDir: string, name: string, size: TemplateSize): Promise<void> {
  const files: Zippable = unzipSync(readFileSync((await realTemplate('pandoc-reference.pptx')).file));
  const k = size.width / 10;
  // Layouts whose shapes all sit at 0,0 with no extent stay as they are; the slide size and the master must change.
  const edit = (part: string, fn: (x: string) => string, mustChange = true) => {
    const old = strFromU8(files[part] as Uint8Array);
    const out = fn(old);
    if (mustChange && out === old) throw new Error(`sized template: nothing changed in ${part}`);
    files[part] = strToU8(out);
  };
  const scale = (x: string) =>
    x
      .replace(/(<a:(?:off|chOff) x=")(\d+)(" y=")(\d+)"/g, (_, a, x0, b, y0) => `${a}${s(x0)}${b}${s(y0)}"`)
      .replace(/(<a:(?:ext|chExt) cx=")(\d+)(" cy=")(\d+)"/g, (_, a, w, b, h) => `${a}${s(w)}${b}${s(h)}"`);
  const s = (emu: string) => String(Math.round(Number(emu) * k));
  edit('ppt/presentation.xml', (x) =>
    x.replace(/<p:sldSz cx="(\d+)" cy="(\d+)"[^/]*\/>/, (_, w, h) => `<p:sldSz cx="${s(w)}" cy="${s(h)}"/>`),
  );
  if (size.defaultFace)
    edit('ppt/presentation.xml', (x) =>
      x.replace(/<p:defaultTextStyle>[\s\S]*?<\/p:defaultTextStyle>/, (style) =>
        style.replaceAll('<a:latin typeface="+mn-lt"/>', `<a:latin typeface="${size.defaultFace}"/>`),
      ),
    );
  const layouts = Object.keys(files).filter((p) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(p));
  edit('ppt/slideMasters/slideMaster1.xml', scale);
  for (const part of layouts) edit(part, scale, false);
  edit('ppt/slideMasters/slideMaster1.xml', (x) =>
    x.replace(/(<p:bodyStyle><a:lvl1pPr[^>]*>[\s\S]*?<a:defRPr sz=")2400"/, `$1${Math.round(size.body * 100)}"`),
  );
  writeFileSync(path.join(themesDir, `${name}.pptx`), zipSync(files));
}
