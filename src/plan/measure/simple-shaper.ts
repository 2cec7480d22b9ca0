import type { Font } from 'fontkit';

/**
 * A fast path for fontkit's `layout()` on "simple" words.
 *
 * fontkit shapes at roughly 5 µs per glyph, which alone would take the whole
 * planner budget on the first deck. For text where shaping can only do pair
 * kerning (Latin, Greek and Cyrillic letters, digits and punctuation, no
 * combining marks, no glyph that starts a substitution other than a
 * ligature), shaping is: the font's ligatures (GSUB type 4, such as Carlito's
 * `ti`, `tt`, `fi`), then the glyph advances plus the GPOS `kern` pair
 * adjustments.
 * This module computes that from the font's own tables, with the same lookup
 * semantics as fontkit (lookups in index order; within a lookup the first
 * subtable that applies wins; a format-1 pair set that lacks the second glyph
 * does not apply, a format-2 class table whose coverage holds the first glyph
 * always does). `shape()` returns `undefined` for anything else, and the
 * caller falls back to fontkit. A test checks this path against `layout()`.
 * `kern()` also prices the kerning between words and the spaces around them,
 * which the caller measures separately.
 */
/** Glyph advances of a shaped string and where its glyph clusters end. */
export interface SimpleShape {
  /** Advance of each glyph in font units, pair kerning included. */
  advances: number[];
  /** UTF-16 end offset of each glyph's cluster (a ligature covers several characters). */
  ends: number[];
  /** Glyph id of the last glyph. */
  last: number;
}

export interface SimpleShaper {
  /** `text` shaped as `script`, or `undefined` when it needs full shaping. */
  shape(text: string, script: Script): SimpleShape | undefined;
  /** The font's glyph for a code point (0 when it has none). */
  glyphId(cp: number): number;
  /** Pair-kerning adjustment between two glyphs under `script`, in font units. */
  kern(left: number, right: number, script: Script): number;
}

// --- the parts of fontkit's parsed OpenType tables this module reads ---------
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}
interface ValueRecord {
  xAdvance?: number;
}
interface IndexedList<T> {
  get?(i: number): T;
  length: number;
  [i: number]: T;
}
interface SubTable {
  version?: number;
  lookupType?: number;
  extension?: SubTable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  backtrackCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  pairSets?: IndexedList<IndexedList<{ secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }>>;
  ligatureSets?: IndexedList<IndexedList<{ glyph: number; components: number[] }>>;
  classRecords?: IndexedList<IndexedList<{ value1?: ValueRecord; value2?: ValueRecord }>>;
}
interface Lookup {
  lookupType: number;
  subTables: IndexedList<SubTable>;
}
interface LangSys {
  featureIndexes: number[];
}
interface LayoutTable {
  scriptList: { tag: string; script: { defaultLangSys?: LangSys } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: IndexedList<Lookup>;
}
interface Tables {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
  /** The legacy TrueType kerning table. */
  kern?: unknown;
  hmtx?: { metrics: IndexedList<{ advance: number }> };
}

const at = <T>(list: IndexedList<T>, i: number): T => (typeof list.get === 'function' ? list.get(i) : list[i]);
const each = <T>(list: IndexedList<T>): T[] => Array.from({ length: list.length }, (_, i) => at(list, i));

/** What fontkit's default shaper turns on for horizontal left-to-right text. */
const DEFAULT_FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
/** fontkit's fallback when the font has no entry for the text's script. */
const FALLBACK_SCRIPTS = ['DFLT', 'dflt', 'latn'];

/** The scripts the fast path knows; `zyyy` (Common) is digits and punctuation. */
export type Script = 'latn' | 'grek' | 'cyrl' | 'zyyy';

/** OpenType script tag for fontkit's `layout()`, or undefined to let it detect one. */
export const scriptTag = (s: Script): string | undefined => (s === 'zyyy' ? undefined : s);

/**
 * The first strong script in `text` among Latin, Greek and Cyrillic, as
 * fontkit and HarfBuzz resolve it; `zyyy` when there is none.
 */
export function scriptOf(text: string): Script {
  for (let i = 0; i < text.length; i++) {
    const sc = simpleScript(text.charCodeAt(i));
    if (sc !== undefined && sc !== 'zyyy') return sc;
  }
  return 'zyyy';
}

/**
 * Script of a code point in the simple set, or undefined when it is outside
 * it. Only blocks whose Unicode script is unambiguous are in the set.
 */
function simpleScript(cp: number): Script | undefined {
  if (cp < 0x80) {
    if (cp < 0x20 || cp === 0x7f) return undefined;
    return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? 'latn' : 'zyyy';
  }
  if (cp < 0x250) {
    if (cp < 0xa0 || cp === 0xad) return undefined;
    if (cp === 0xaa || cp === 0xba || (cp >= 0xc0 && cp !== 0xd7 && cp !== 0xf7)) return 'latn';
    return 'zyyy';
  }
  if (cp >= 0x388 && cp <= 0x3e1 && cp !== 0x387) return 'grek';
  if (cp === 0x386 || (cp >= 0x3f0 && cp <= 0x3ff)) return 'grek';
  if ((cp >= 0x400 && cp <= 0x482) || (cp >= 0x48a && cp <= 0x52f)) return 'cyrl';
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'latn';
  if ((cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205e && cp !== 0x2044)) return 'zyyy';
  if (cp >= 0x20a0 && cp <= 0x20c0) return 'zyyy';
  return undefined;
}

function coverageGlyphs(c: Coverage | undefined, out: Set<number>): void {
  if (!c) return;
  if (c.version === 1) for (const g of c.glyphs ?? []) out.add(g);
  else for (const r of c.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) out.add(g);
}

function coverageMap(c: Coverage): Map<number, number> {
  const m = new Map<number, number>();
  if (c.version === 1) (c.glyphs ?? []).forEach((g, i) => m.set(g, i));
  else for (const r of c.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) m.set(g, r.startCoverageIndex + g - r.start);
  return m;
}

function classMap(c: ClassDef): (g: number) => number {
  if (c.version === 1) {
    const start = c.startGlyph ?? 0;
    const values = c.classValueArray ?? [];
    return (g) => values[g - start] ?? 0;
  }
  const m = new Map<number, number>();
  for (const r of c.classRangeRecord ?? []) for (let g = r.start; g <= r.end; g++) m.set(g, r.class);
  return (g) => m.get(g) ?? 0;
}

/** Unwraps extension subtables (GSUB 7, GPOS 9). */
function unwrap(type: number, st: SubTable, extensionType: number): [number, SubTable] {
  return type === extensionType && st.extension ? [st.lookupType ?? 0, st.extension] : [type, st];
}

/** Lookup indexes of the given features for one script's default language. */
function lookupIndexes(table: LayoutTable | undefined, scriptTags: string[], features: string[]): number[] {
  if (!table) return [];
  let entry: LayoutTable['scriptList'][number] | undefined;
  for (const tag of scriptTags) if ((entry = table.scriptList.find((s) => s.tag === tag))) break;
  const langSys = entry?.script.defaultLangSys;
  if (!langSys) return [];
  const out = new Set<number>();
  for (const fi of langSys.featureIndexes) {
    const rec = table.featureList[fi];
    if (rec && features.includes(rec.tag)) for (const li of rec.feature.lookupListIndexes) out.add(li);
  }
  return [...out].sort((a, b) => a - b);
}

/** A pair-kerning subtable, prepared for fast lookups. */
type PairTable = (g1: number, g2: number) => number | undefined;

function pairTable(st: SubTable): PairTable {
  const cov = coverageMap(st.coverage!);
  if (st.version === 1) {
    const sets = new Map<number, Map<number, number>>();
    return (g1, g2) => {
      const ci = cov.get(g1);
      if (ci === undefined) return undefined;
      let set = sets.get(ci);
      if (!set) {
        set = new Map();
        for (const p of each(at(st.pairSets!, ci))) {
          if (!set.has(p.secondGlyph)) set.set(p.secondGlyph, (p.value1?.xAdvance ?? 0) + (p.value2?.xAdvance ?? 0));
        }
        sets.set(ci, set);
      }
      return set.get(g2);
    };
  }
  const c1 = classMap(st.classDef1!);
  const c2 = classMap(st.classDef2!);
  return (g1, g2) => {
    if (!cov.has(g1)) return undefined;
    const rec = at(at(st.classRecords!, c1(g1)), c2(g2));
    return (rec?.value1?.xAdvance ?? 0) + (rec?.value2?.xAdvance ?? 0);
  };
}

export function createSimpleShaper(font: Font): SimpleShaper {
  const tables = font as unknown as Tables;
  const scripts: Record<Script, string[]> = {
    latn: ['latn', ...FALLBACK_SCRIPTS],
    grek: ['grek', ...FALLBACK_SCRIPTS],
    cyrl: ['cyrl', ...FALLBACK_SCRIPTS],
    zyyy: FALLBACK_SCRIPTS,
  };

  // Glyphs that start a substitution or a positioning other than pair kerning,
  // or that are marks: words holding one go through fontkit.
  const triggers = new Set<number>();
  // Ligature substitutions (GSUB type 4) are applied here, lookup by lookup in
  // index order: per lookup, its subtables in order, each mapping a first
  // glyph to the ligatures that start with it (components, result).
  type LigatureSet = Map<number, { components: number[]; glyph: number }[]>;
  const ligatureLookups: { index: number; subtables: LigatureSet[] }[] = [];
  const ligatureFirst = new Set<number>();
  // So are chained-context rules (format 3): glyph sets before, at and after.
  interface ContextRule {
    backtrack: Set<number>[];
    input: Set<number>[];
    lookahead: Set<number>[];
  }
  const contexts = new Map<number, ContextRule[]>(); // by first input glyph
  const glyphSet = (c: Coverage) => {
    const set = new Set<number>();
    coverageGlyphs(c, set);
    return set;
  };
  let usable = true;
  const collect = (table: LayoutTable | undefined, features: string[], extType: number, isGpos: boolean) => {
    const all = new Set<number>();
    for (const tags of Object.values(scripts)) for (const li of lookupIndexes(table, tags, features)) all.add(li);
    for (const li of all) {
      const lookup = at(table!.lookupList, li);
      for (const raw of each(lookup.subTables)) {
        const [type, st] = unwrap(lookup.lookupType, raw, extType);
        if (isGpos && type === 2) continue; // pair kerning: modelled below
        if (!isGpos && type === 4 && st.coverage && st.ligatureSets) {
          const set: LigatureSet = new Map();
          for (const [g, ci] of coverageMap(st.coverage)) {
            set.set(g, each(at(st.ligatureSets, ci)).map((l) => ({ components: [...l.components], glyph: l.glyph })));
            ligatureFirst.add(g);
          }
          let entry = ligatureLookups.find((l) => l.index === li);
          if (!entry) ligatureLookups.push((entry = { index: li, subtables: [] }));
          entry.subtables.push(set);
          continue;
        }
        const contextual = isGpos ? type === 7 || type === 8 : type === 5 || type === 6;
        if (contextual && st.version === 3) {
          const rule: ContextRule = {
            backtrack: (st.backtrackCoverage ?? []).map(glyphSet),
            input: (st.inputCoverage ?? st.coverages ?? []).map(glyphSet),
            lookahead: (st.lookaheadCoverage ?? []).map(glyphSet),
          };
          for (const g of rule.input[0] ?? []) contexts.set(g, [...(contexts.get(g) ?? []), rule]);
        }
        else if (isGpos && type >= 4 && type <= 6) coverageGlyphs(st.markCoverage ?? st.mark1Coverage, triggers);
        else if (st.coverage) coverageGlyphs(st.coverage, triggers);
        else usable = false;
      }
    }
  };
  try {
    collect(tables.GSUB, DEFAULT_FEATURES, 7, false);
    ligatureLookups.sort((a, b) => a.index - b.index);
    collect(tables.GPOS, DEFAULT_FEATURES.filter((f) => f !== 'kern'), 9, true);
    collect(tables.GPOS, ['kern'], 9, true);
    const marks = tables.GDEF?.glyphClassDef;
    if (marks) {
      const cls = classMap(marks);
      for (let g = 0; g < font.numGlyphs; g++) if (cls(g) === 3) triggers.add(g);
    }
  } catch {
    usable = false;
  }
  if (!usable) return { shape: () => undefined, glyphId: (cp) => font.glyphForCodePoint(cp).id, kern: () => 0 };

  // Pair-kerning subtables per script, in lookup order (one inner list per lookup).
  const kernByScript = new Map<Script, PairTable[][]>();
  const tableCache = new Map<SubTable, PairTable>();
  const kernFor = (script: Script): PairTable[][] => {
    let k = kernByScript.get(script);
    if (!k) {
      k = kernIndexes(script).map((li) => {
        const lookup = at(tables.GPOS!.lookupList, li);
        const subs: PairTable[] = [];
        for (const raw of each(lookup.subTables)) {
          const [type, st] = unwrap(lookup.lookupType, raw, 9);
          if (type !== 2) continue; // its glyphs are triggers
          let t = tableCache.get(st);
          if (!t) tableCache.set(st, (t = pairTable(st)));
          subs.push(t);
        }
        return subs;
      });
      kernByScript.set(script, k);
    }
    return k;
  };
  const kernIndexes = (script: Script) => lookupIndexes(tables.GPOS, scripts[script], ['kern']);
  // Without a GPOS `kern` feature for the script, fontkit (like LibreOffice,
  // checked on digits in Liberation Sans) kerns with the legacy `kern` table,
  // which this module does not read: leave such text to fontkit.
  const legacyKern = new Map<Script, boolean>();
  const usesLegacyKern = (script: Script): boolean => {
    let v = legacyKern.get(script);
    if (v === undefined) legacyKern.set(script, (v = !!tables.kern && kernIndexes(script).length === 0));
    return v;
  };
  const pairCache = new Map<Script, Map<number, number>>();
  const kern = (script: Script, g1: number, g2: number): number => {
    let cache = pairCache.get(script);
    if (!cache) pairCache.set(script, (cache = new Map()));
    const key = g1 * 65536 + g2;
    let v = cache.get(key);
    if (v === undefined) {
      v = 0;
      for (const subs of kernFor(script)) {
        for (const t of subs) {
          const r = t(g1, g2);
          if (r !== undefined) {
            v += r;
            break;
          }
        }
      }
      cache.set(key, v);
    }
    return v;
  };

  // Per code point: glyph id, or -1 when not simple in this font.
  const glyphOf = new Map<number, number>();
  const info = (cp: number): number => {
    let gid = glyphOf.get(cp);
    if (gid === undefined) {
      gid = -1;
      if (simpleScript(cp) !== undefined) {
        const glyph = font.glyphForCodePoint(cp);
        if (glyph.id !== 0 && !triggers.has(glyph.id)) {
          gid = glyph.id;
        }
      }
      glyphOf.set(cp, gid);
    }
    return gid;
  };
  const cmap = new Map<number, number>();

  // Advances straight from hmtx: `font.getGlyph(id)` would cache a glyph
  // without code points, which fontkit's own layout() would then return.
  const glyphAdvance = new Map<number, number>();
  const hmtx = tables.hmtx!;
  const advanceOfGlyph = (g: number): number => {
    let a = glyphAdvance.get(g);
    if (a === undefined) {
      const n = hmtx.metrics.length;
      a = at(hmtx.metrics, g < n ? g : n - 1)?.advance ?? 0;
      glyphAdvance.set(g, a);
    }
    return a;
  };
  /** Whether a chained-context rule would fire anywhere in `glyphs`. */
  const contextFires = (glyphs: number[]): boolean => {
    const at = (k: number) => (k >= 0 && k < glyphs.length ? glyphs[k] : -1);
    for (let i = 0; i < glyphs.length; i++) {
      for (const r of contexts.get(glyphs[i]) ?? []) {
        const n = r.input.length;
        if (
          r.input.every((set, k) => set.has(at(i + k))) &&
          r.lookahead.every((set, k) => set.has(at(i + n + k))) &&
          r.backtrack.every((set, k) => set.has(at(i - 1 - k)))
        ) {
          return true;
        }
      }
    }
    return false;
  };

  return {
    shape(text: string, script: Script): SimpleShape | undefined {
      for (let i = 0; i < text.length; i++) if (info(text.charCodeAt(i)) < 0) return undefined; // surrogates are not simple
      if (usesLegacyKern(script)) return undefined;
      let glyphs: number[] = new Array<number>(text.length);
      let ends: number[] = new Array<number>(text.length);
      let ligatureCandidate = false;
      for (let i = 0; i < text.length; i++) {
        glyphs[i] = glyphOf.get(text.charCodeAt(i))!;
        ends[i] = i + 1;
        if (ligatureFirst.has(glyphs[i])) ligatureCandidate = true;
      }
      if (contextFires(glyphs)) return undefined;
      if (ligatureCandidate) {
        for (const lookup of ligatureLookups) {
          const g2: number[] = [];
          const e2: number[] = [];
          for (let i = 0; i < glyphs.length; ) {
            let done = false;
            for (const set of lookup.subtables) {
              const ligs = set.get(glyphs[i]);
              if (!ligs) continue;
              const lig = ligs.find((l) => l.components.every((c, k) => glyphs[i + 1 + k] === c));
              if (!lig) continue;
              // The ligature must not start anything else (another ligature, a context, a trigger).
              if (triggers.has(lig.glyph) || ligatureFirst.has(lig.glyph) || contexts.has(lig.glyph)) return undefined;
              g2.push(lig.glyph);
              e2.push(ends[i + lig.components.length]);
              i += 1 + lig.components.length;
              done = true;
              break;
            }
            if (!done) {
              g2.push(glyphs[i]);
              e2.push(ends[i]);
              i++;
            }
          }
          glyphs = g2;
          ends = e2;
        }
      }
      const advances = new Array<number>(glyphs.length);
      for (let i = 0; i < glyphs.length; i++) {
        advances[i] = advanceOfGlyph(glyphs[i]);
        if (i > 0) advances[i - 1] += kern(script, glyphs[i - 1], glyphs[i]);
      }
      return { advances, ends, last: glyphs[glyphs.length - 1] ?? -1 };
    },
    glyphId(cp: number): number {
      let g = cmap.get(cp);
      if (g === undefined) cmap.set(cp, (g = font.glyphForCodePoint(cp).id));
      return g;
    },
    kern: (left, right, script) => kern(script, left, right),
  };
}
