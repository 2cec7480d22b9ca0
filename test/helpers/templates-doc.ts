/**
 * The measured half of test/fixtures/TEMPLATES.md, written from the converted
 * fixtures themselves, so the document cannot drift from what the tests use:
 * the self-test compares it, and `UPDATE=1` rewrites it.
 */
import type { Decoration, TemplateLayout, TemplateMaster, TemplatePlaceholder } from './template-structure.js';
import type { TemplateFixture } from './templates.js';

export const MEASURED_BEGIN =
  '<!-- BEGIN measured: written by test/helpers-selftest/templates.test.ts; UPDATE=1 rewrites it -->';
export const MEASURED_END = '<!-- END measured -->';

/** The layouts a briefing deck needs, by the names PowerPoint and LibreOffice give them. */
export const BRIEFING_LAYOUTS: readonly { role: string; names: readonly string[] }[] = [
  { role: 'title slide', names: ['Title Slide'] },
  { role: 'title + content', names: ['Title and Content', 'Title, Content'] },
  { role: 'section header', names: ['Section Header'] },
  { role: 'title only', names: ['Title Only'] },
  { role: 'two content', names: ['Two Content', 'Title, 2 Content'] },
];

const FOOTER = new Set(['dt', 'ftr', 'sldNum']);
const pt = (emu: number) => `${Math.round(emu / 1270) / 10}`;

export function measuredMarkdown(fixtures: readonly TemplateFixture[]): string {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const f of fixtures) {
    out.push(`### ${f.name}`, '');
    const { cx, cy } = f.slideSize;
    const media = f.media.length ? f.media.map((m) => `\`${m.replace('ppt/media/', '')}\``).join(', ') : 'none';
    out.push(
      `- ${f.tool}; content type \`…${f.contentType.replace(/^.*presentationml\./, '')}\``,
      `- slide size ${cx} × ${cy} EMU = ${pt(cx)} × ${pt(cy)} pt (${ratio(cx, cy)})`,
      `- ${f.masters.length} master(s), ${f.layouts.length} layouts, ${f.sampleSlides.length} sample slide(s): ${f.sampleSlides.map((s) => `${s.file.replace('ppt/slides/', '')} on ${s.layoutFile.replace('ppt/slideLayouts/', '')} "${s.layoutName}"${s.decoration.images.length ? ` (images ${s.decoration.images.map((i) => `\`${i.replace('ppt/media/', '')}\``).join(', ')})` : ''}`).join('; ') || 'none'}`,
      `- media: ${media}`,
      `- fonts named (latin, theme references resolved): ${f.fonts.map((x) => `\`${x}\``).join(', ')}`,
      `- theme fonts (major / minor) per master: ${f.masters.map((m) => `${m.theme.major} / ${m.theme.minor}`).join('; ')}`,
      '',
    );
    const shape = JSON.stringify({
      slideSize: f.slideSize,
      masters: f.masters,
      sampleSlides: f.sampleSlides,
      media: f.media,
      fonts: f.fonts,
    });
    const twin = seen.get(shape);
    if (twin) {
      out.push(`Masters, layouts and placeholders are identical to ${twin}'s (only the content type differs).`, '');
      continue;
    }
    seen.set(shape, f.name);
    const firstOf = new Map<string, number>();
    f.masters.forEach((m, i) => {
      out.push(
        `#### Master ${i + 1} (\`${m.file.replace('ppt/slideMasters/', '')}\`${m.name ? `, "${m.name}"` : ''})`,
        '',
      );
      const tx = m.txStyles
        ? `title ${m.txStyles.titlePt ?? '?'} pt, body level 1 ${m.txStyles.bodyPt ?? '?'} pt`
        : 'none';
      out.push(`Placeholders: ${m.placeholders.map(phShort).join(', ')}`, '');
      out.push(
        `Master decoration: ${deco(m.decoration)}. Its layouts: ${layoutsDeco(m.layouts)}. \`p:txStyles\`: ${tx}.`,
        '',
      );
      out.push(`Layouts: ${m.layouts.map((l, j) => `${j + 1}. "${l.name}" (\`${l.type}\`)`).join(' · ')}`, '');
      const rows = briefingRows(m);
      // Masters whose briefing layouts differ only in their part names are told once.
      const key = JSON.stringify(rows.map((r) => r.replace(/`slideLayout\d+\.xml`, /, '')));
      const same = firstOf.get(key);
      if (same !== undefined) {
        const files = BRIEFING_LAYOUTS.map(({ names }) =>
          m.layouts.find((x) => names.includes(x.name))?.file.replace('ppt/slideLayouts/', ''),
        ).filter(Boolean);
        out.push(`Briefing layouts: the same placeholders as master ${same + 1} (here ${files.join(', ')}).`, '');
        return;
      }
      firstOf.set(key, i);
      out.push(
        '| role | layout (file) | placeholder | type | idx | x, y pt | w × h pt | font, size as written |',
        '|---|---|---|---|---|---|---|---|',
        ...rows,
        '',
      );
    });
  }
  return out.join('\n');
}

function briefingRows(m: TemplateMaster): string[] {
  const rows: string[] = [];
  for (const { role, names } of BRIEFING_LAYOUTS) {
    const l: TemplateLayout | undefined = m.layouts.find((x) => names.includes(x.name));
    if (!l) {
      rows.push(`| ${role} | (none) | | | | | | |`);
      continue;
    }
    const phs = l.placeholders.filter((p) => !FOOTER.has(p.type));
    const where = `"${l.name}" (\`${l.file.replace('ppt/slideLayouts/', '')}\`, \`${l.type}\`)`;
    if (phs.length === 0) rows.push(`| ${role} | ${where} | (no placeholders) | | | | | |`);
    phs.forEach((p, i) =>
      rows.push(
        `| ${i === 0 ? role : ''} | ${i === 0 ? where : ''} | ${p.name} | \`${p.type}\`${p.orient ? ` ${p.orient}` : ''} | ${p.idxWritten ? p.idx : '(0)'} | ${box(p, 'pos')} | ${box(p, 'size')} | ${[p.font, p.sizePt && `${p.sizePt} pt`].filter(Boolean).join(', ')} |`,
      ),
    );
  }
  return rows;
}

function deco(d: Decoration): string {
  const imgs = d.images.length
    ? `, images ${d.images.map((i) => `\`${i.replace('ppt/media/', '')}\``).join(', ')}`
    : '';
  return `${d.shapes} non-placeholder shape(s), ${d.pictures} picture(s), background ${d.background}${imgs}`;
}

function layoutsDeco(layouts: readonly TemplateLayout[]): string {
  const shapes = layouts.reduce((n, l) => n + l.decoration.shapes + l.decoration.pictures, 0);
  const bgs = layouts.filter((l) => l.decoration.background !== 'none').length;
  return `${shapes} non-placeholder shape(s) or picture(s) in all, ${bgs} with a background of their own`;
}

function box(p: TemplatePlaceholder, what: 'pos' | 'size'): string {
  if (!p.box) return '—';
  const s = what === 'pos' ? `${pt(p.box.x)}, ${pt(p.box.y)}` : `${pt(p.box.cx)} × ${pt(p.box.cy)}`;
  return p.inherited ? `${s} (master)` : s;
}

function phShort(p: TemplatePlaceholder): string {
  return `\`${p.type}\` idx ${p.idxWritten ? p.idx : '(0)'}${p.box ? ` at ${pt(p.box.x)}, ${pt(p.box.y)} pt, ${pt(p.box.cx)} × ${pt(p.box.cy)} pt` : ''}`;
}

function ratio(cx: number, cy: number): string {
  const r = cx / cy;
  if (Math.abs(r - 16 / 9) < 0.005) return '16:9';
  if (Math.abs(r - 4 / 3) < 0.005) return '4:3';
  return `${r.toFixed(3)}:1`;
}

/** `doc` with its measured section replaced by `measured`. */
export function withMeasured(doc: string, measured: string): string {
  const a = doc.indexOf(MEASURED_BEGIN);
  const b = doc.indexOf(MEASURED_END);
  if (a < 0 || b < a) throw new Error(`TEMPLATES.md lacks the ${MEASURED_BEGIN} … ${MEASURED_END} markers`);
  return `${doc.slice(0, a + MEASURED_BEGIN.length)}\n\n${measured}\n${doc.slice(b)}`;
}
