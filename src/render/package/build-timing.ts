import type { Paragraph, TextFrame } from '../../model/text-frame.js';
import { NS_A, NS_P } from './xml.js';
import { attr, byName, elements, fragment, setChildren, type XmlElement } from './xml-tree.js';
import { child, insertBeside, requirePrefixes } from './xml-tree-edit.js';

/**
 * A slide's builds (`incremental: true`), written as PowerPoint writes an "Appear" entrance effect "By paragraph",
 * "On click": one click per top-level paragraph of each built frame, its nested paragraphs appearing with it
 * (PowerPoint's "by first-level paragraphs"), in the main sequence of the slide's `p:timing`, and a `p:bldP
 * build="p"` per shape so PowerPoint's animation pane shows it as one build. pptxgenjs writes no animations, so the
 * whole `p:timing` element is ours; it goes where the schema puts it (after `p:clrMapOvr` and any `p:transition`,
 * before `p:extLst`). `frames` are the slide's frames in the order written: frame `k` is the slide's `k`th `p:sp`
 * (pictures and tables are not `p:sp`; the slide number comes after every frame). A slide without builds is left
 * as it is.
 */
export function withBuildTiming(sld: XmlElement, frames: readonly TextFrame[]): void {
  if (!frames.some((f) => f.build)) return;
  if (sld.ns !== NS_P || sld.local !== 'sld') throw new Error('briefdeck bug: not a slide part');
  requirePrefixes(sld, 'slide', { p: NS_P });
  const spTree = child(child(sld, NS_P, 'cSld'), NS_P, 'spTree');
  const shapes = spTree ? elements(spTree, NS_P, 'sp') : [];
  const built: { spid: string; paragraphs: readonly Paragraph[] }[] = [];
  frames.forEach((f, k) => {
    if (!f.build) return;
    const sp = shapes[k];
    const cNvPr = child(child(sp, NS_P, 'nvSpPr'), NS_P, 'cNvPr');
    const spid = cNvPr && attr(cNvPr, 'id');
    const count = sp ? byName(sp, NS_A, ['p']).get('p')!.length : 0;
    if (!spid || count !== f.paragraphs.length)
      throw new Error(`briefdeck bug: frame ${k} is not the slide's shape ${k + 1} (builds would target another)`);
    built.push({ spid, paragraphs: f.paragraphs });
  });
  const timing = fragment(timingXml(built));
  const extLst = child(sld, NS_P, 'extLst');
  if (extLst) insertBeside(extLst, timing, 'before');
  else setChildren(sld, [...sld.children, ...timing]);
}

/** The `p:timing` element: the main sequence of click groups, and the build list. */
export function timingXml(built: readonly { spid: string; paragraphs: readonly Paragraph[] }[]): string {
  let id = 2;
  const clicks: string[] = [];
  for (const { spid, paragraphs } of built) {
    for (const group of clickGroups(paragraphs)) {
      const outer = ++id;
      const inner = ++id;
      const effects = group.map((i, n) => {
        const effect = ++id;
        const set = ++id;
        return (
          `<p:par><p:cTn id="${effect}" presetID="1" presetClass="entr" presetSubtype="0" fill="hold" grpId="0" ` +
          `nodeType="${n === 0 ? 'clickEffect' : 'withEffect'}"><p:stCondLst><p:cond delay="0"/></p:stCondLst>` +
          `<p:childTnLst><p:set><p:cBhvr><p:cTn id="${set}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/>` +
          `</p:stCondLst></p:cTn><p:tgtEl><p:spTgt spid="${spid}"><p:txEl><p:pRg st="${i}" end="${i}"/></p:txEl>` +
          `</p:spTgt></p:tgtEl><p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr>` +
          `<p:to><p:strVal val="visible"/></p:to></p:set></p:childTnLst></p:cTn></p:par>`
        );
      });
      clicks.push(
        `<p:par><p:cTn id="${outer}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst>` +
          `<p:childTnLst><p:par><p:cTn id="${inner}" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst>` +
          `<p:childTnLst>${effects.join('')}</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>`,
      );
    }
  }
  const builds = built.map((b) => `<p:bldP spid="${b.spid}" grpId="0" uiExpand="1" build="p"/>`).join('');
  return (
    `<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot">` +
    `<p:childTnLst><p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq">` +
    `<p:childTnLst>${clicks.join('')}</p:childTnLst></p:cTn>` +
    `<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>` +
    `<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst>` +
    `</p:seq></p:childTnLst></p:cTn></p:par></p:tnLst><p:bldLst>${builds}</p:bldLst></p:timing>`
  );
}

/**
 * Paragraph indexes by click: a top-level paragraph starts a click; nested ones, and the rest of a bullet the plan
 * split at a slide break (no bullet of its own), appear with it. Empty paragraphs are not animated.
 */
export function clickGroups(paragraphs: readonly Paragraph[]): number[][] {
  const groups: number[][] = [];
  paragraphs.forEach((p, i) => {
    if (p.runs.every((r) => r.text.trim() === '')) return;
    const starts = groups.length === 0 || (p.level === 0 && p.bullet !== 'none');
    if (starts) groups.push([i]);
    else groups[groups.length - 1].push(i);
  });
  return groups;
}
