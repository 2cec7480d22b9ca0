/**
 * Templates a user might drop into themes/ that are not usable templates,
 * each refused as `themes/<file>: …` with nothing written. Two of them are
 * made from real converted templates, so the helper needs the real fixtures
 * (and their tools: guard with `haveTools(...TEMPLATE_TOOLS)`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { realTemplate, type TemplateName, type TemplateOptions } from './templates.js';

export const BROKEN_TEMPLATES = {
  'not-a-deck': { file: 'not-a-deck.pptx', what: 'plain text renamed .pptx' },
  memo: { file: 'memo.pptx', what: 'a Word document (.docx bytes) named .pptx' },
  letter: { file: 'letter.docx', what: 'a Word document given as a template under its own name' },
  truncated: {
    file: 'truncated.pptx',
    what: 'the first half of a real converted template (Focus.pptx): a truncated zip',
  },
  locked: {
    file: 'locked.pptx',
    what: 'an OLE compound file with EncryptionInfo/EncryptedPackage streams, as an encrypted OOXML file is',
  },
  'no-body': {
    file: 'no-body.pptx',
    what: 'a real template with every body, content and subtitle placeholder removed from its masters and layouts',
  },
} as const;
export type BrokenTemplateName = keyof typeof BROKEN_TEMPLATES;

export interface BrokenTemplate {
  /** The theme name (`theme: <name>`): the file name without its extension. */
  theme: BrokenTemplateName;
  /** File name inside the themes folder, e.g. `memo.pptx`. */
  file: string;
  /** Absolute path written. */
  path: string;
  what: string;
}

export interface BrokenOptions extends TemplateOptions {
  /** Which real template `no-body.pptx` is made from (default pandoc's, which PowerPoint wrote). */
  noBodyFrom?: TemplateName;
}

/** Write the broken templates (all, or those named) into `themesDir`. */
export async function writeBrokenTemplates(
  themesDir: string,
  only?: readonly BrokenTemplateName[],
  o: BrokenOptions = {},
): Promise<Record<BrokenTemplateName, BrokenTemplate>> {
  mkdirSync(themesDir, { recursive: true });
  const names = only ?? (Object.keys(BROKEN_TEMPLATES) as BrokenTemplateName[]);
  const out = {} as Record<BrokenTemplateName, BrokenTemplate>;
  for (const theme of names) {
    const { file, what } = BROKEN_TEMPLATES[theme];
    const target = path.join(themesDir, file);
    writeFileSync(target, await bytesOf(theme, o));
    out[theme] = { theme, file, path: target, what };
  }
  return out;
}

async function bytesOf(name: BrokenTemplateName, o: BrokenOptions): Promise<Uint8Array> {
  switch (name) {
    case 'not-a-deck':
      return new TextEncoder().encode('Brand guidelines 2026\n\nUse the blue, not the red. Logo top right.\n');
    case 'memo':
    case 'letter':
      return wordDocument();
    case 'truncated': {
      const whole = readFileSync((await realTemplate('Focus.pptx', o)).file);
      return whole.subarray(0, Math.floor(whole.length / 2));
    }
    case 'locked':
      return encryptedOoxmlLookalike();
    case 'no-body':
      return withoutBodyPlaceholders(
        readFileSync((await realTemplate(o.noBodyFrom ?? 'pandoc-reference.pptx', o)).file),
      );
  }
}

const ZIP_DATE = new Date(2020, 0, 1);

/**
 * A minimal valid WordprocessingML package (pandoc and LibreOffice open it): content types, package rels, one
 * paragraph.
 */
export function wordDocument(text = 'Memo: the brand colours are blue and white.'): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const files: Zippable = {
    '[Content_Types].xml': enc(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': enc(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': enc(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p><w:sectPr/></w:body></w:document>`,
    ),
  };
  return zipSync(files, { level: 6, mtime: ZIP_DATE });
}

/**
 * The start of an OLE compound file (MS-CFB version 3) as Office writes an
 * encrypted OOXML document (MS-OFFCRYPTO): header, one FAT sector and a
 * directory holding the `EncryptionInfo` and `EncryptedPackage` streams
 * (empty here; `file` reports "CDFV2 Encrypted"). Enough for any reader that
 * sniffs the magic D0 CF 11 E0 A1 B1 1A E1 or the stream names.
 */
export function encryptedOoxmlLookalike(): Uint8Array {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const buf = Buffer.alloc(SECTOR * 3);
  Buffer.from('D0CF11E0A1B11AE1', 'hex').copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24); // minor version
  buf.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  buf.writeUInt16LE(0xfffe, 28); // byte order
  buf.writeUInt16LE(9, 30); // sector shift
  buf.writeUInt16LE(6, 32); // mini sector shift
  buf.writeUInt32LE(1, 44); // FAT sectors
  buf.writeUInt32LE(1, 48); // first directory sector
  buf.writeUInt32LE(0x1000, 56); // mini stream cutoff
  buf.writeUInt32LE(END, 60); // first mini FAT sector
  buf.writeUInt32LE(END, 68); // first DIFAT sector
  for (let i = 0; i < 109; i++) buf.writeUInt32LE(i === 0 ? 0 : FREE, 76 + 4 * i);
  const fat = SECTOR;
  for (let i = 0; i < 128; i++) buf.writeUInt32LE(FREE, fat + 4 * i);
  buf.writeUInt32LE(0xfffffffd, fat); // sector 0 is the FAT
  buf.writeUInt32LE(END, fat + 4); // sector 1, the directory, ends its chain
  const entry = (i: number, name: string, type: number, left: number, right: number, child: number) => {
    const at = SECTOR * 2 + 128 * i;
    buf.write(name, at, 'utf16le');
    buf.writeUInt16LE(name ? (name.length + 1) * 2 : 0, at + 64);
    buf.writeUInt8(type, at + 66);
    buf.writeUInt8(1, at + 67); // black
    buf.writeUInt32LE(left, at + 68);
    buf.writeUInt32LE(right, at + 72);
    buf.writeUInt32LE(child, at + 76);
    buf.writeUInt32LE(type === 0 ? 0 : END, at + 116); // start sector: none
  };
  // Siblings are ordered by name length first: EncryptionInfo (14) < EncryptedPackage (16).
  entry(0, 'Root Entry', 5, FREE, FREE, 1);
  entry(1, 'EncryptionInfo', 2, FREE, 2, FREE);
  entry(2, 'EncryptedPackage', 2, FREE, FREE, FREE);
  entry(3, '', 0, FREE, FREE, FREE);
  return buf;
}

/** Placeholder types that carry body text: `<p:ph/>` (no type is obj), body, obj, subTitle. */
const BODY_PH = /<p:ph(?![^>]*\stype=)[^>]*\/?>|<p:ph\b[^>]*\stype="(?:body|obj|subTitle)"/;

/**
 * The same package with every shape whose placeholder carries body text
 * removed from every slide master and layout. `p:sp` never nests, so a lazy
 * match from `<p:sp>` to `</p:sp>` is one shape. No part, relationship or
 * content type changes: body placeholders hold no images or links.
 */
export function withoutBodyPlaceholders(pptx: Uint8Array): Uint8Array {
  const files = unzipSync(pptx);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (!/^ppt\/(slideMasters\/slideMaster|slideLayouts\/slideLayout)\d+\.xml$/.test(name)) {
      out[name] = data;
      continue;
    }
    const xml = new TextDecoder().decode(data);
    out[name] = new TextEncoder().encode(
      xml.replace(/<p:sp(?=[\s>])[^>]*>[\s\S]*?<\/p:sp>/g, (sp) => (BODY_PH.test(sp) ? '' : sp)),
    );
  }
  return zipSync(out, { level: 6, mtime: ZIP_DATE });
}
