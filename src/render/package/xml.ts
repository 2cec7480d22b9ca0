/** Small helpers for the parts briefdeck writes itself (masters, layouts, theme, table style). */

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
export const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const NS_P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const NS_P14 = 'http://schemas.microsoft.com/office/powerpoint/2010/main';

/** Points to EMU (914400 per inch, 12700 per point), rounded to whole EMU. */
export const emu = (pt: number): number => Math.round(pt * 12700);

/**
 * Characters XML 1.0 forbids (C0 controls other than tab/newline) would make
 * the slide unreadable; pptxgenjs escapes markup characters but keeps these.
 */
export const xmlSafe = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** Text or an attribute value, escaped for XML (and stripped of characters XML 1.0 forbids): the one escaper. */
export const esc = (s: string): string =>
  xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An attribute value escaped as `esc` does, with tab and line breaks as character references (a parser turns a
 * literal one into a space).
 */
export const escAttr = (s: string): string =>
  esc(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

/** `<a:xfrm>` of a box in points. */
export const xfrm = (b: { x: number; y: number; w: number; h: number }): string =>
  `<a:xfrm><a:off x="${emu(b.x)}" y="${emu(b.y)}"/><a:ext cx="${emu(b.w)}" cy="${emu(b.h)}"/></a:xfrm>`;

/** A solid fill of a hex colour or a scheme name. */
export const solidFill = (color: string): string =>
  /^[0-9A-F]{6}$/i.test(color)
    ? `<a:solidFill><a:srgbClr val="${color.toUpperCase()}"/></a:solidFill>`
    : `<a:solidFill><a:schemeClr val="${color}"/></a:solidFill>`;

/** A part's relationships; a type is an officeDocument short name (`slideLayout`) or a full URI. */
export function relsXml(rels: readonly { id: string; type: string; target: string; external?: boolean }[]): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels
    .map(
      (r) =>
        `<Relationship Id="${esc(r.id)}" Type="${r.type.includes(':') ? esc(r.type) : `${REL}/${r.type}`}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
    )
    .join('')}</Relationships>`;
}
