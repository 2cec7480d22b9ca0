import path from 'node:path/posix';
import { readZip, zipEntrySizes } from '../util/zip.js';

/** The most a template may hold unpacked: its parts are read into memory (PowerPoint's own templates are a few MB). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
import { attr, children, MAX_PACKAGE_ELEMENTS, NS, PartSyntaxError, parsePart, type Element } from './xml.js';

const PML = 'application/vnd.openxmlformats-officedocument.presentationml';
/**
 * Main parts briefdeck builds on: a presentation, a template, a show, and their macro-enabled kinds (macros are not
 * kept).
 */
const PRESENTATION_TYPES = new Set([
  `${PML}.presentation.main+xml`,
  `${PML}.template.main+xml`,
  `${PML}.slideshow.main+xml`,
  'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml',
  'application/vnd.ms-powerpoint.template.macroEnabled.main+xml',
  'application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml',
]);

export interface Relationship {
  id: string;
  /** The type's last segment (`slideLayout`, `image`, `theme`). */
  type: string;
  /** Part name for internal targets (`ppt/slideLayouts/slideLayout1.xml`); the raw target for external ones. */
  target: string;
  external: boolean;
}

/** An opened Office Open XML package: its parts, content types and relationships. */
export interface OpcPackage {
  parts: ReadonlyMap<string, Uint8Array>;
  /** The part's content type: its Override, else the Default for its extension. */
  contentType(part: string): string | undefined;
  text(part: string): string;
  xml(part: string): Element;
  rels(part: string): Relationship[];
  /** The main document part (`ppt/presentation.xml` as a rule). */
  main: string;
}

/** Why a file cannot be a template: a sentence for `themes/<file>: …`, and the fix. */
export interface PackageProblem {
  code: string;
  message: string;
  fix: string;
}

const SAVE_AS = 'open it in PowerPoint and save it as a PowerPoint Template (.potx) or Presentation (.pptx)';

/**
 * Open a template file, or say in a user's words why it is not one: an
 * encrypted or legacy binary Office file, a file that is not a zip, a
 * truncated or corrupt zip, or a package that is not a presentation (a Word
 * document, a spreadsheet, an OpenDocument file).
 */
export function openPackage(bytes: Uint8Array): { pkg?: OpcPackage; problem?: PackageProblem } {
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return {
      problem: {
        code: 'template-encrypted',
        message: 'Unexpected encrypted or legacy (.ppt) Office file, expected an unprotected .pptx or .potx',
        fix: `remove the password (File ▸ Info ▸ Protect Presentation) or, for a .ppt, ${SAVE_AS}`,
      },
    };
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const kind = looksLikeText(bytes) ? 'a text file' : 'not a zip package';
    return {
      problem: {
        code: 'template-not-presentation',
        message: `Unexpected file contents (${kind}), expected a PowerPoint presentation or template`,
        fix: SAVE_AS,
      },
    };
  }
  let entries: Map<string, Uint8Array>;
  try {
    const unpacked = zipEntrySizes(bytes).reduce((n, e) => n + e.size, 0);
    if (unpacked > MAX_UNPACKED_BYTES) {
      return {
        problem: {
          code: 'template-too-large',
          message: `Unexpected package of ${Math.round(unpacked / 1048576)} MB unpacked, expected at most ${MAX_UNPACKED_BYTES / 1048576} MB`,
          fix: 'remove large pictures and videos from the template, or compress its pictures (File ▸ Compress Pictures)',
        },
      };
    }
    entries = new Map(readZip(bytes).map((e) => [e.name, e.data]));
  } catch (e) {
    return {
      problem: {
        code: 'template-corrupt',
        message: `Unreadable package (${(e as Error).message}): the file is truncated or corrupt`,
        fix: `copy or download it again, or ${SAVE_AS}`,
      },
    };
  }
  // A part name may not climb out of the package (a zip-slip entry would end up in every deck).
  const escaping = [...entries.keys()].find((n) => !validPartName(n));
  if (escaping !== undefined) {
    return {
      problem: {
        code: 'template-corrupt',
        message: `Unexpected part name \`${escaping}\` in the package: part names may not contain \`..\`, \`\\\` or a drive, or start with \`/\``,
        fix: `open it in PowerPoint and save it again, or ${SAVE_AS}`,
      },
    };
  }
  const types = entries.get('[Content_Types].xml');
  if (!types) {
    const odf =
      entries.get('mimetype') &&
      new TextDecoder().decode(entries.get('mimetype')).startsWith('application/vnd.oasis.opendocument');
    return {
      problem: odf
        ? {
            code: 'template-not-presentation',
            message: 'Unexpected OpenDocument file, expected a PowerPoint presentation or template',
            fix: 'in LibreOffice Impress, File ▸ Save As ▸ "PowerPoint 2007-365 Template (.potx)"',
          }
        : {
            code: 'template-not-presentation',
            message:
              'Unexpected zip file without `[Content_Types].xml`, expected a PowerPoint presentation or template',
            fix: SAVE_AS,
          },
    };
  }
  const parsed = new Map<string, Element>();
  const budget = { elements: MAX_PACKAGE_ELEMENTS };
  const text = (part: string) => {
    const b = entries.get(part);
    if (!b) throw new PackagePartMissing(part);
    if (b.length > MAX_XML_PART_BYTES)
      throw new PartSyntaxError(
        `\`${part}\` is ${Math.round(b.length / 1048576)} MB, more than the ${MAX_XML_PART_BYTES / 1048576} MB an XML part of a template may be`,
      );
    return decodeXmlBytes(b);
  };
  const xml = (part: string) => {
    let el = parsed.get(part);
    if (!el) parsed.set(part, (el = parsePart(text(part), part, budget).documentElement as unknown as Element));
    return el;
  };
  // The package's own parts are parsed under the same limits as every other, inside the error path: a DOCTYPE or a
  // truncation here is a corrupt template, not an internal error.
  try {
    return openedPackage(entries, text, xml);
  } catch (e) {
    if (!(e instanceof PartSyntaxError || e instanceof PackagePartMissing)) throw e;
    return {
      problem: {
        code: 'template-corrupt',
        message: `Unreadable template: ${e.message}`,
        fix: `open it in PowerPoint and save it again, or ${SAVE_AS}`,
      },
    };
  }
}

function openedPackage(
  entries: Map<string, Uint8Array>,
  text: (part: string) => string,
  xml: (part: string) => Element,
): { pkg?: OpcPackage; problem?: PackageProblem } {
  const ct = xml('[Content_Types].xml');
  const defaults = new Map(
    children(ct, NS.ct, 'Default').map((d) => [
      (attr(d, 'Extension') ?? '').toLowerCase(),
      attr(d, 'ContentType') ?? '',
    ]),
  );
  const overrides = new Map(
    children(ct, NS.ct, 'Override').map((o) => [
      (attr(o, 'PartName') ?? '').replace(/^\//, ''),
      attr(o, 'ContentType') ?? '',
    ]),
  );
  const contentType = (part: string) =>
    overrides.get(part) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
  const rels = (part: string): Relationship[] => {
    const name =
      part === '' ? '_rels/.rels' : `${path.dirname(part)}/_rels/${path.basename(part)}.rels`.replace(/^\.\//, '');
    if (!entries.has(name)) return [];
    return children(xml(name), NS.rel, 'Relationship').map((r) => {
      const external = attr(r, 'TargetMode') === 'External';
      const raw = attr(r, 'Target') ?? '';
      const target = external
        ? raw
        : raw.startsWith('/')
          ? path.normalize(raw.slice(1))
          : path.normalize(path.join(path.dirname(part), raw)).replace(/^\.\//, '');
      if (!external && !validPartName(target))
        throw new PartSyntaxError(`\`${name}\` has a relationship to \`${raw}\`, outside the package`);
      return { id: attr(r, 'Id') ?? '', type: (attr(r, 'Type') ?? '').split('/').pop()!, target, external };
    });
  };
  const main = rels('').find((r) => r.type === 'officeDocument' && !r.external)?.target;
  const mainType = main ? contentType(main) : undefined;
  if (!main || !mainType || !PRESENTATION_TYPES.has(mainType)) {
    const what = /wordprocessingml/.test(mainType ?? '')
      ? 'Word document'
      : /spreadsheetml/.test(mainType ?? '')
        ? 'Excel workbook'
        : `package of type \`${mainType ?? 'unknown'}\``;
    return {
      problem: {
        code: 'template-not-presentation',
        message: `Unexpected ${what}, expected a PowerPoint presentation or template`,
        fix: SAVE_AS,
      },
    };
  }
  return { pkg: { parts: entries, contentType, text, xml, rels, main } };
}

/** A part a relationship names is not in the package. */
export class PackagePartMissing extends Error {
  constructor(readonly part: string) {
    super(`\`${part}\` is missing from the package`);
  }
}

/** The most one XML part may hold: a DOM of it is built in memory (PowerPoint's masters are well under 1 MB). */
const MAX_XML_PART_BYTES = 20 * 1024 * 1024;

/** A zip entry name that is a part name inside the package: no `..` segment, backslash, drive or leading slash. */
const validPartName = (n: string) =>
  n.length > 0 &&
  !n.startsWith('/') &&
  !n.includes('\\') &&
  !/^[A-Za-z]:/.test(n) &&
  !n.split('/').some((seg) => seg === '..' || seg === '.');

/** An XML part's text: UTF-8, or UTF-16 by its byte order mark (both allowed by OPC). */
function decodeXmlBytes(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
  return new TextDecoder().decode(b);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  return head.length > 0 && head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
}
