/**
 * The placeholders briefdeck's slides fill, as PowerPoint writes them: a
 * slide placeholder inherits from the layout placeholder with the same idx,
 * and that one from the master placeholder of its type. Outline view, "Reset
 * slide", layout changes and the accessibility checker all work off these.
 */
import type { PlaceholderRole } from './text-frame.js';

export type { PlaceholderRole };

export interface PlaceholderSpec {
  /** `<p:ph>` as a slide (and its layout) writes it. */
  ph: string;
  /** The shape name PowerPoint gives it (numbered per slide). */
  name: string;
}

export const PLACEHOLDERS: Record<PlaceholderRole, PlaceholderSpec> = {
  title: { ph: '<p:ph type="title"/>', name: 'Title' },
  ctrTitle: { ph: '<p:ph type="ctrTitle"/>', name: 'Title' },
  subTitle: { ph: '<p:ph type="subTitle" idx="1"/>', name: 'Subtitle' },
  // Untyped (obj): it takes text, a table or a picture, as in PowerPoint's "Title and Content".
  content: { ph: '<p:ph idx="1"/>', name: 'Content Placeholder' },
  content2: { ph: '<p:ph sz="half" idx="2"/>', name: 'Content Placeholder' },
  // A "Comparison" layout's column headers, above content and content2.
  header: { ph: '<p:ph type="body" sz="quarter" idx="13"/>', name: 'Text Placeholder' },
  header2: { ph: '<p:ph type="body" sz="quarter" idx="14"/>', name: 'Text Placeholder' },
  text: { ph: '<p:ph type="body" idx="1"/>', name: 'Text Placeholder' },
  caption: { ph: '<p:ph type="body" sz="half" idx="2"/>', name: 'Text Placeholder' },
  date: { ph: '<p:ph type="dt" sz="half" idx="10"/>', name: 'Date Placeholder' },
  footer: { ph: '<p:ph type="ftr" sz="quarter" idx="11"/>', name: 'Footer Placeholder' },
  slideNumber: { ph: '<p:ph type="sldNum" sz="quarter" idx="12"/>', name: 'Slide Number Placeholder' },
};
