import { esc, XML_HEAD } from './xml.js';

export interface AppProps {
  slideTitles: string[];
  notes: number;
  fonts: string[];
  theme: string;
  company?: string;
  /** Slide size in points, for the format PowerPoint names. */
  size: { w: number; h: number };
}

/** PowerPoint's name for a slide size: "On-screen Show (16:9)" and the like, "Custom" otherwise. */
function formatOf({ w, h }: { w: number; h: number }): string {
  const r = w / h;
  const named: [number, string][] = [
    [16 / 9, 'On-screen Show (16:9)'],
    [4 / 3, 'On-screen Show (4:3)'],
    [16 / 10, 'On-screen Show (16:10)'],
  ];
  return named.find(([x]) => Math.abs(r - x) < 0.01)?.[1] ?? 'Custom';
}

/**
 * `docProps/app.xml` with counts that match the package (pptxgenjs counts a
 * notes slide per slide, and names the slides `Slide N`): the fonts, the
 * theme and the slide titles PowerPoint lists under "Titles of parts".
 */
export function appXml(p: AppProps): string {
  const parts = [...p.fonts, p.theme, ...p.slideTitles];
  const variant = (s: string, n: number) =>
    `<vt:variant><vt:lpstr>${s}</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant>`;
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<TotalTime>0</TotalTime><Words>0</Words><Application>briefdeck</Application><PresentationFormat>${formatOf(p.size)}</PresentationFormat><Paragraphs>0</Paragraphs>` +
    `<Slides>${p.slideTitles.length}</Slides><Notes>${p.notes}</Notes><HiddenSlides>0</HiddenSlides><MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="6" baseType="variant">${variant('Fonts Used', p.fonts.length)}${variant('Theme', 1)}${variant('Slide Titles', p.slideTitles.length)}</vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${parts.length}" baseType="lpstr">${parts.map((t) => `<vt:lpstr>${esc(t)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    `${p.company ? `<Company>${esc(p.company)}</Company>` : ''}<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>`
  );
}
