import path from 'node:path/posix';
import type { TemplateTheme } from '../model/template.js';
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
): Pick<TemplateTheme, 'parts' | 'contentTypes' | 'tableStyles'> & { problems: string[] } {
  const parts = new Map<string, Uint8Array>();
  const types = new Map<string, string>();
  const problems: string[] = [];
  const queue = s.masters.map((m) => m.part);
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (parts.has(part)) continue;
    parts.set(part, pkg.parts.get(part)!);
    const type = pkg.contentType(part);
    if (type) types.set(part, type);
    else problems.push(`\`${part}\` has no content type in \`[Content_Types].xml\``);
    const relsPart = `${path.dirname(part)}/_rels/${path.basename(part)}.rels`;
    if (pkg.parts.has(relsPart)) parts.set(relsPart, pkg.parts.get(relsPart)!);
    for (const r of pkg.rels(part)) {
      if (r.external) continue;
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
    ...(styles && pkg.parts.has(styles) ? { tableStyles: { name: styles, data: pkg.parts.get(styles)! } } : {}),
  };
}
