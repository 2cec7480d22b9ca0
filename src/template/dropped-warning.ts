import { diagnostic, type Diagnostic, type Position } from '../model/diagnostic.js';
import { plural } from '../util/plural.js';
import type { DroppedFromPart } from './drop-outside.js';

const KINDS: Record<string, string> = {
  oleObject: 'OLE object',
  package: 'embedded package',
  activeXControl: 'ActiveX control',
  activeXControlBinary: 'ActiveX control',
  control: 'ActiveX control',
  vbaProject: 'macro project',
  vbaProjectSignature: 'macro signature',
  attachedTemplate: 'attached template',
};
const SHOWN = 3;

/**
 * One warning per template naming what it would have brought from outside itself (external links, OLE objects,
 * controls, macros), all of which the deck is built without; undefined when it brought none.
 */
export function droppedWarning(at: Position, dropped: readonly DroppedFromPart[]): Diagnostic | undefined {
  const external = [...new Set(dropped.flatMap((d) => d.external))].sort();
  const foreign = new Map<string, Set<string>>();
  for (const f of dropped.flatMap((d) => d.foreign)) {
    const kind = KINDS[f.type] ?? f.type;
    foreign.set(kind, (foreign.get(kind) ?? new Set()).add(f.target));
  }
  const shapes = dropped.reduce((n, d) => n + d.shapes, 0);
  if (external.length === 0 && foreign.size === 0) return undefined;
  const what: string[] = [];
  if (external.length > 0) what.push(`${plural(external.length, 'external link')} (${named(external)})`);
  for (const [kind, targets] of [...foreign].sort(([a], [b]) => a.localeCompare(b)))
    what.push(`${plural(targets.size, kind)} (${named([...targets].sort())})`);
  return diagnostic(
    'warning',
    'template-outside-dropped',
    at,
    `Dropped from the template what it would bring from outside itself: ${what.join(', ')}${shapes > 0 ? `; ${plural(shapes, 'shape')} that used them removed` : ''}. A deck carries nothing that fetches, opens or runs anything`,
    'remove the linked pictures, hyperlinks, OLE objects, controls and macros from the template’s masters and layouts',
  );
}

const named = (xs: readonly string[]) =>
  `${xs
    .slice(0, SHOWN)
    .map((x) => `\`${x}\``)
    .join(', ')}${xs.length > SHOWN ? ` and ${xs.length - SHOWN} more` : ''}`;
