import path from 'node:path/posix';
import type { TemplateTheme } from '../model/template.js';
import { dropOutside, FOREIGN_TYPES, isOutside, type DroppedFromPart } from './drop-outside.js';
import type { OpcPackage } from './open-package.js';
import type { TemplateStructure } from './read-masters.js';

/** Relationship types a kept part may point at that the deck does not keep (slides are the template's samples). */
const DROPPED = new Set(['slide', 'notesSlide', 'notesMaster', 'handoutMaster', 'presentation']);

/** Parts a deck writes itself: a template's master may not bring its own. */
const RESERVED =
  /^(\[Content_Types\]\.xml|_rels\/|docProps\/|ppt\/(presentation\.xml|presProps\.xml|viewProps\.xml|tableStyles\.xml|_rels\/|slides\/|notesSlides\/|notesMasters\/|handoutMasters\/))/;

/**
 * The masters and everything they reach through relationships (layouts,
 * themes, media), without the sample slides; with each part's content type.
 * `problems` names what would make the deck need repair: a relationship to a
 * missing part or to a part the deck writes itself (a slide, a notes master),
 * and a kept part without a content type.
 */
export function keptParts(
  pkg: OpcPackage,
  s: TemplateStructure,
): Pick<TemplateTheme, 'parts' | 'contentTypes' | 'tableStyles'> & {
  problems: string[];
  dropped: DroppedFromPart[];
} {
  const parts = new Map<string, Uint8Array>();
  const types = new Map<string, string>();
  const problems: string[] = [];
  // A macro-enabled template's project hangs off its presentation part, which the deck never keeps: named all the same.
  const dropped: DroppedFromPart[] = [
    {
      external: [],
      foreign: pkg
        .rels(pkg.main)
        .filter((r) => !r.external && FOREIGN_TYPES.has(r.type))
        .map((r) => ({ type: r.type, target: r.target })),
      shapes: 0,
    },
  ];
  const queue = s.masters.map((m) => m.part);
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (parts.has(part)) continue;
    const type = pkg.contentType(part);
    if (type) types.set(part, type);
    else problems.push(`\`${part}\` has no content type in \`[Content_Types].xml\``);
    const relsPart = `${path.dirname(part)}/_rels/${path.basename(part)}.rels`;
    // Nothing from outside the package, and no OLE object, control or macro, reaches the deck.
    const clean = dropOutside(pkg, part);
    parts.set(part, clean.part);
    if (clean.rels) parts.set(relsPart, clean.rels);
    dropped.push(clean.dropped);
    for (const r of pkg.rels(part)) {
      if (isOutside(r)) continue;
      if (DROPPED.has(r.type) || RESERVED.test(r.target))
        problems.push(
          `\`${part}\` refers to \`${r.target}\`, which a master or layout may not (it is the deck's own part)`,
        );
      else if (!pkg.parts.has(r.target)) problems.push(`\`${part}\` refers to \`${r.target}\`, which is missing`);
      else queue.push(r.target);
    }
  }
  const styles = pkg.rels(pkg.main).find((r) => r.type === 'tableStyles' && !r.external)?.target;
  return {
    parts,
    contentTypes: types,
    problems,
    dropped,
    ...(styles && pkg.parts.has(styles) ? { tableStyles: { name: styles, data: pkg.parts.get(styles)! } } : {}),
  };
}
