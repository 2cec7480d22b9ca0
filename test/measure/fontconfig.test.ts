import { describe, expect, it } from 'vitest';
import { fontconfig, systemFonts } from '../../src/measure/fontconfig.js';
import { haveTools } from '../helpers/tools.js';

describe.runIf(haveTools('fc-list', 'fc-match'))('fontconfig', () => {
  it('lists the files of exactly the family asked for, and none for a family it would only fall back for', () => {
    expect(systemFonts.familyFiles('DejaVu Sans').map((r) => r.file)).toContain(
      '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    );
    expect(systemFonts.familyFiles('Source Sans Pro')).toEqual([]);
    expect(systemFonts.substitute('Source Sans Pro')).toBe('DejaVu Sans');
  });

  it('passes a face name as a family, never as pattern syntax or an option', () => {
    // Unescaped, `DejaVu Sans:weight=bold` would be a bold DejaVu Sans, `-h` an option.
    for (const face of [
      'DejaVu Sans:weight=bold',
      'DejaVu Sans,Carlito',
      'DejaVu-Sans',
      '-h',
      'DejaVu Sans\\',
      'bad\u0000name',
      '   ',
    ]) {
      expect(systemFonts.familyFiles(face), face).toEqual([]);
    }
  });
});

describe('fontconfig missing', () => {
  it('answers nothing instead of failing', () => {
    const none = fontconfig({ fcList: '/nonexistent/fc-list', fcMatch: '/nonexistent/fc-match' });
    expect(none.familyFiles('DejaVu Sans')).toEqual([]);
    expect(none.substitute('DejaVu Sans')).toBeUndefined();
  });
});
