import type { ZipEntry } from '../../util/zip.js';
import { parseRels, type Rel } from './rels.js';
import { relsXml } from './xml.js';
import { parseXmlTree, serializeXmlTree, type XmlTree } from './xml-tree.js';

type Held = { raw: string | Uint8Array; written?: true } | { tree: XmlTree } | { rels: Rel[] };

/**
 * The package while the package stage edits it: the one seam between pptxgenjs's parts and the deck. A part is kept
 * as pptxgenjs (or the design) wrote it until a step asks for it as XML (`xml`, parsed once: every later step edits
 * the same tree) or as a relationships list (`rels`, parsed once). `entries` writes each part once: trees back to
 * text (untouched elements as they were read), lists through `relsXml`. Parts keep the order they were first added
 * in, as a Map does, so the zip's entry order is pptxgenjs's.
 */
export class PackageParts {
  private readonly held = new Map<string, Held>();

  constructor(written: ReadonlyMap<string, string | Uint8Array>) {
    for (const [name, raw] of written) this.held.set(name, { raw });
  }

  names(): string[] {
    return [...this.held.keys()];
  }

  has(name: string): boolean {
    return this.held.has(name);
  }

  delete(name: string): void {
    this.held.delete(name);
  }

  /** A part we write whole (it replaces any tree or list held under the name). */
  set(name: string, data: string | Uint8Array): void {
    this.held.set(name, { raw: data });
  }

  /** A part as bytes or text, for a step that only copies it (a tree or list is written out first). */
  data(name: string): string | Uint8Array {
    const h = this.get(name);
    return 'raw' in h ? h.raw : 'tree' in h ? serializeXmlTree(h.tree) : relsXml(h.rels);
  }

  /** A part as text. */
  text(name: string): string {
    const d = this.data(name);
    return typeof d === 'string' ? d : new TextDecoder().decode(d);
  }

  /** A part as a tree to edit in place; parsed on first asking. */
  xml(name: string): XmlTree {
    const h = this.get(name);
    if ('tree' in h) return h.tree;
    if ('raw' in h && h.written) throw new Error(`briefdeck bug: \`${name}\` is edited after it was written`);
    const tree = parseXmlTree(this.text(name), name);
    this.held.set(name, { tree });
    return tree;
  }

  /** A relationships part as a list to edit in place; parsed on first asking. */
  rels(name: string): Rel[] {
    const h = this.get(name);
    if ('rels' in h) return h.rels;
    const rels = parseRels(this.text(name), name);
    this.held.set(name, { rels });
    return rels;
  }

  /**
   * A part whose edits are done, written now rather than with the rest: a deck's trees held to the end would outlive
   * the young generation and cost the garbage collector more than parsing them (measured on the 200-section bench).
   * Asking for its tree again is a bug.
   */
  written(name: string): void {
    const h = this.get(name);
    if ('tree' in h) this.held.set(name, { raw: serializeXmlTree(h.tree), written: true });
  }

  /** Parts moved to new names, all at once (each goes to the end of the order, in the order given), as held. */
  rename(moves: readonly (readonly [string, string])[]): void {
    const moved = moves.map(([from, to]) => [to, this.get(from)] as const);
    for (const [from] of moves) this.held.delete(from);
    for (const [to, h] of moved) this.held.set(to, h);
  }

  /** Every part, each written once, in order. */
  entries(): ZipEntry[] {
    const encoder = new TextEncoder();
    return [...this.held].map(([name, h]) => {
      const d = 'raw' in h ? h.raw : 'tree' in h ? serializeXmlTree(h.tree) : relsXml(h.rels);
      return { name, data: typeof d === 'string' ? encoder.encode(d) : d };
    });
  }

  private get(name: string): Held {
    const h = this.held.get(name);
    if (!h) throw new Error(`briefdeck bug: the package has no \`${name}\``);
    return h;
  }
}
