import type { Insets, Rect, TextFrame } from '../../model/text-frame.js';
import type { Theme } from '../../model/theme.js';
import { colorRef, hexOf } from '../colors.js';
import { PLACEHOLDERS, type PlaceholderRole } from '../../model/placeholders.js';
import { emu, esc, solidFill, xfrm } from './xml.js';

/** Shape ids within one part's shape tree, counted from 2 (the tree itself is 1). */
export class ShapeIds {
  private next = 2;
  take(): number {
    return this.next++;
  }
}

export const GROUP_HEADER =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';

const insetsAttrs = (i: Insets) =>
  ` lIns="${emu(i.left)}" tIns="${emu(i.top)}" rIns="${emu(i.right)}" bIns="${emu(i.bottom)}"`;
const ANCHOR = { top: 't', middle: 'ctr', bottom: 'b' } as const;

export interface PlaceholderShape {
  role: PlaceholderRole;
  /** `<p:ph>` when it differs from the role's (the master numbers its placeholders 1–4). */
  ph?: string;
  box?: Rect;
  /** `a:bodyPr` attributes and content (empty: inherited). */
  bodyPr?: { insets?: Insets; anchor?: TextFrame['anchor']; autofit?: boolean };
  /** `a:lstStyle` content (empty: inherited). */
  lstStyle?: string;
  prompt: string;
  /** The prompt's paragraph properties or field (slide number, date). */
  field?: 'slidenum' | 'datetime';
}

/** A placeholder on a master or layout: geometry, body properties, list style and its prompt text. */
export function placeholderXml(p: PlaceholderShape, ids: ShapeIds): string {
  const id = ids.take();
  const spec = PLACEHOLDERS[p.role];
  const b = p.bodyPr;
  const bodyPr = b
    ? `<a:bodyPr vert="horz"${b.insets ? insetsAttrs(b.insets) : ''} rtlCol="0"${b.anchor ? ` anchor="${ANCHOR[b.anchor]}"` : ''}>${b.autofit ? '<a:normAutofit/>' : ''}</a:bodyPr>`
    : '<a:bodyPr/>';
  const text =
    p.field === 'slidenum'
      ? `<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="en-US"/><a:t>‹#›</a:t></a:fld>`
      : p.field === 'datetime'
        ? `<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2C}" type="datetime1"><a:rPr lang="en-US"/><a:t>1/1/2026</a:t></a:fld>`
        : p.prompt
          ? `<a:r><a:rPr lang="en-US"/><a:t>${esc(p.prompt)}</a:t></a:r>`
          : '';
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${spec.name} ${id - 1}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${p.ph ?? spec.ph}</p:nvPr></p:nvSpPr><p:spPr>${p.box ? `${xfrm(p.box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>` : ''}</p:spPr><p:txBody>${bodyPr}<a:lstStyle>${p.lstStyle ?? ''}</a:lstStyle><a:p>${text}<a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>`;
}

/** A filled rectangle (the banner, the accent mark) drawn on a layout, with the empty text body PowerPoint expects. */
export function rectXml(box: Rect, color: string, name: string, ids: ShapeIds): string {
  return `<p:sp><p:nvSpPr><p:cNvPr id="${ids.take()}" name="${esc(name)}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${solidFill(color)}<a:ln><a:noFill/></a:ln></p:spPr><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>`;
}

/**
 * A one-line label on a layout (the classification banner's text), as
 * planned and measured: its box, insets, anchor, size, weight and colour.
 * Layout decoration only; slide text goes through pptxgenjs (frame-to-text.ts).
 */
export function labelXml(f: TextFrame, theme: Theme, language: string, name: string, ids: ShapeIds): string {
  const run = f.paragraphs[0]?.runs[0] ?? { text: '' };
  const st = f.levels[0];
  const algn = { left: 'l', center: 'ctr', right: 'r' }[f.align];
  return `<p:sp><p:nvSpPr><p:cNvPr id="${ids.take()}" name="${esc(name)}"/><p:cNvSpPr txBox="1"/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>${xfrm(f.box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square"${insetsAttrs(f.insets)} rtlCol="0" anchor="${ANCHOR[f.anchor]}"/><a:lstStyle/><a:p><a:pPr algn="${algn}"><a:lnSpc><a:spcPct val="${Math.round(st.lineSpacing * 100000)}"/></a:lnSpc></a:pPr><a:r><a:rPr lang="${esc(language)}" sz="${Math.round(st.size * 100)}"${run.bold || f.bold ? ' b="1"' : ''}>${solidFill(colorRef(hexOf(f.color, theme), theme))}</a:rPr><a:t>${esc(run.text)}</a:t></a:r></a:p></p:txBody></p:sp>`;
}

/** A picture on a layout (the logo). */
export function pictureXml(box: Rect, rId: string, alt: string, ids: ShapeIds): string {
  const id = ids.take();
  return `<p:pic><p:nvPicPr><p:cNvPr id="${id}" name="${esc(alt)} ${id - 1}" descr="${esc(alt)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr userDrawn="1"/></p:nvPicPr><p:blipFill><a:blip r:embed="${rId}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`;
}
