/**
 * The renderer writes exactly the frames the planner measured: for every
 * text frame and table of the content decks and the stress deck (both
 * themes), the box, insets, anchor, autofit, margins, sizes and spacing in
 * the slide XML equal the plan's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/build.js';
import type { DeckChrome, PlannedTable, Slide } from '../../src/model/deck.js';
import type { TextFrame } from '../../src/model/text-frame.js';
import { stressDeck } from '../fixtures/stress-deck.js';
import { columnsStressDeck } from '../fixtures/columns-stress-deck.js';
import { deckOpts, makeContent, FIXTURE_DECKS, REPO_THEMES } from '../helpers/decks.js';
import { readPptx, type PptxView } from '../helpers/pptx.js';
import { attr, childElements, descendants, firstChild, NS, parseXml, type XmlElement } from '../helpers/xml.js';

const EMU_PER_PT = 12700;
/** pptxgenjs takes positions in inches rounded to 1/10000 (91.44 EMU). */
const POSITION_TOLERANCE_PT = 0.01;

/** The text frames a slide's renderer writes, in the order it writes them (the footer last). */
function framesOf(s: Slide, chrome: DeckChrome): TextFrame[] {
  return [
    ...slideFrames(s),
    ...(s.callouts ?? []).flatMap((c) => [c.label, c.body]),
    ...(s.layout !== 'title' && chrome.footer ? [chrome.footer] : []),
  ];
}

function slideFrames(s: Slide): TextFrame[] {
  switch (s.kind) {
    case 'title':
      return [s.titleFrame, ...(s.subtitle ? [s.subtitle] : []), s.details];
    case 'bullets':
      return [s.titleFrame, ...(s.lead ? [s.lead] : []), s.body];
    case 'table':
    case 'chart':
      return [s.titleFrame, ...(s.lead ? [s.lead] : [])];
    case 'image':
      return [s.titleFrame, ...(s.lead ? [s.lead] : []), ...(s.caption ? [s.caption] : [])];
    case 'columns':
      return [
        s.titleFrame,
        ...(s.lead ? [s.lead] : []),
        ...s.columns.flatMap((c) => [
          ...(c.header ? [c.header] : []),
          ...(c.body.paragraphs.length > 0 || c.body.placeholder ? [c.body] : []),
          ...c.more.flatMap((p) => (p.kind === 'text' ? [p.frame] : [])),
        ]),
      ];
    case 'callout':
      return [s.titleFrame, s.callout.label, s.callout.body];
    default:
      return [s.titleFrame, s.body];
  }
}

const pt = (emu: string | undefined) => Number(emu) / EMU_PER_PT;

function checkFrame(sp: XmlElement, f: TextFrame, where: string): void {
  const xfrm = firstChild(firstChild(sp, NS.p, 'spPr')!, NS.a, 'xfrm')!;
  const off = firstChild(xfrm, NS.a, 'off')!;
  const ext = firstChild(xfrm, NS.a, 'ext')!;
  const box = { x: pt(attr(off, 'x')), y: pt(attr(off, 'y')), w: pt(attr(ext, 'cx')), h: pt(attr(ext, 'cy')) };
  for (const k of ['x', 'y', 'w', 'h'] as const)
    expect(Math.abs(box[k] - f.box[k]), `${where}: box.${k} ${box[k]} vs ${f.box[k]}`).toBeLessThan(
      POSITION_TOLERANCE_PT,
    );
  const body = firstChild(sp, NS.p, 'txBody')!;
  const bodyPr = firstChild(body, NS.a, 'bodyPr')!;
  expect(
    {
      l: pt(attr(bodyPr, 'lIns')),
      r: pt(attr(bodyPr, 'rIns')),
      t: pt(attr(bodyPr, 'tIns')),
      b: pt(attr(bodyPr, 'bIns')),
    },
    `${where}: insets`,
  ).toEqual({
    l: f.insets.left,
    r: f.insets.right,
    t: f.insets.top,
    b: f.insets.bottom,
  });
  expect(attr(bodyPr, 'anchor') ?? 't', `${where}: anchor`).toBe({ top: 't', middle: 'ctr', bottom: 'b' }[f.anchor]);
  expect(!!firstChild(bodyPr, NS.a, 'normAutofit'), `${where}: autofit`).toBe(f.autofit === 'shrink');
  const ps = childElements(body, NS.a, 'p');
  // An empty frame (a column's placeholder on a slide after its text ended) is written with one empty paragraph.
  expect(ps.length, `${where}: paragraphs`).toBe(Math.max(1, f.paragraphs.length));
  ps.slice(0, f.paragraphs.length).forEach((p, i) => {
    const planned = f.paragraphs[i];
    const st = f.levels[Math.min(planned.level, f.levels.length - 1)];
    const pPr = firstChild(p, NS.a, 'pPr')!;
    const w = `${where} ¶${i + 1}`;
    expect(pt(attr(pPr, 'marL') ?? '0'), `${w}: marL`).toBeCloseTo(planned.bullet === 'none' ? 0 : st.marL, 6);
    if (planned.bullet !== 'none') expect(pt(attr(pPr, 'indent')), `${w}: indent`).toBeCloseTo(st.indent, 6);
    const lnSpc = firstChild(pPr, NS.a, 'lnSpc');
    expect(
      lnSpc ? Number(attr(firstChild(lnSpc, NS.a, 'spcPct')!, 'val')) / 100000 : 1,
      `${w}: line spacing`,
    ).toBeCloseTo(st.lineSpacing, 6);
    const spcAft = firstChild(pPr, NS.a, 'spcAft');
    expect(
      spcAft ? Number(attr(firstChild(spcAft, NS.a, 'spcPts')!, 'val')) / 100 : 0,
      `${w}: space after`,
    ).toBeCloseTo(st.spaceAfter, 6);
    for (const rPr of descendants(p, NS.a, 'rPr')) expect(Number(attr(rPr, 'sz')) / 100, `${w}: size`).toBe(st.size);
  });
}

function checkTable(frame: XmlElement, t: PlannedTable, where: string): void {
  const tbl = descendants(frame, NS.a, 'tbl')[0];
  const cols = descendants(tbl, NS.a, 'gridCol').map((c) => pt(attr(c, 'w')));
  cols.forEach((w, i) =>
    expect(Math.abs(w - t.columns[i]), `${where}: column ${i + 1}`).toBeLessThan(POSITION_TOLERANCE_PT),
  );
  const rows = childElements(tbl, NS.a, 'tr');
  rows.forEach((tr, r) => {
    expect(Math.abs(pt(attr(tr, 'h')) - t.rowHeights[r]), `${where}: row ${r + 1} height`).toBeLessThan(
      POSITION_TOLERANCE_PT,
    );
    for (const tc of childElements(tr, NS.a, 'tc')) {
      const tcPr = firstChild(tc, NS.a, 'tcPr')!;
      expect(
        { l: pt(attr(tcPr, 'marL')), r: pt(attr(tcPr, 'marR')), t: pt(attr(tcPr, 'marT')), b: pt(attr(tcPr, 'marB')) },
        `${where}: cell margins`,
      ).toEqual({
        l: t.cellInsets.left,
        r: t.cellInsets.right,
        t: t.cellInsets.top,
        b: t.cellInsets.bottom,
      });
      for (const rPr of descendants(tc, NS.a, 'rPr'))
        expect(Number(attr(rPr, 'sz')) / 100, `${where}: cell size`).toBe(t.fontSize);
    }
  });
}

describe('the XML holds the planned frames', () => {
  const decks: { name: string; r: BuildResult; view: PptxView }[] = [];
  beforeAll(async () => {
    const c = makeContent({
      stress: stressDeck,
      'stress-dark': { ...stressDeck, yaml: `${stressDeck.yaml}theme: briefing-dark\n` },
      columns: columnsStressDeck,
    });
    for (const slug of ['russia-north-korea-treaty', 'us-policy-response']) {
      const r = await buildDeck(slug, { contentDir: FIXTURE_DECKS, themesDir: REPO_THEMES, outDir: c.out });
      decks.push({ name: slug, r, view: await readPptx(r.pptx!) });
    }
    for (const slug of ['stress', 'stress-dark', 'columns']) {
      const r = await buildDeck(slug, deckOpts(c));
      decks.push({ name: slug, r, view: await readPptx(r.pptx!) });
    }
  });

  it('writes every text frame with its box, insets, anchor, autofit, margins, sizes and spacing', () => {
    let checked = 0;
    for (const { name, r, view } of decks) {
      r.deck!.slides.forEach((s, i) => {
        const tree = descendants(parseXml(view.slides[i].xml), NS.p, 'spTree')[0];
        // Text shapes, but the slide number (pptxgenjs writes it as a field from the chrome's box and size).
        const shapes = childElements(tree, NS.p, 'sp').filter(
          (sp) =>
            firstChild(sp, NS.p, 'txBody') && !descendants(sp, NS.p, 'ph').some((ph) => attr(ph, 'type') === 'sldNum'),
        );
        const frames = framesOf(s, r.deck!.chrome);
        expect(shapes.length, `${name} slide ${i + 1}: text shapes`).toBe(frames.length);
        frames.forEach((f, k) => checkFrame(shapes[k], f, `${name} slide ${i + 1} “${s.title}” frame ${k + 1}`));
        checked += frames.length;
        if (s.kind === 'table')
          checkTable(childElements(tree, NS.p, 'graphicFrame')[0], s.table, `${name} slide ${i + 1} table`);
        if (s.kind === 'columns') {
          const tables = s.columns.flatMap((c) => c.more.flatMap((p) => (p.kind === 'table' ? [p.table] : [])));
          const written = childElements(tree, NS.p, 'graphicFrame');
          expect(written.length, `${name} slide ${i + 1}: tables`).toBe(tables.length);
          tables.forEach((t, k) => checkTable(written[k], t, `${name} slide ${i + 1} table ${k + 1}`));
        }
      });
    }
    expect(checked).toBeGreaterThan(150);
  });
});
