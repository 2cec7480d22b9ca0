import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { contactSheet, OUTLINE, SHEET, sheetSize } from '../../src/export/contact-sheet.js';

const dir = mkdtempSync(path.join(tmpdir(), 'briefdeck-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function slides(n: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = path.join(dir, `${String(i + 1).padStart(2, '0')}.png`);
    await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#ffffff' } })
      .png()
      .toFile(f);
    files.push(f);
  }
  return files;
}

describe('contactSheet outlines', () => {
  it('draws the outline around the given slides only', async () => {
    const pngs = await slides(4);
    const { data, info } = await sharp(await contactSheet(pngs, { outline: [2, 4, 99] }))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const size = sheetSize(4, 1280, 720);
    const pixel = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels;
      return `#${[data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    };
    // Just outside each thumbnail's top edge, half-way along it.
    const edge = (k: number) => {
      const left = SHEET.gap + (k % SHEET.columns) * (size.thumbWidth + SHEET.gap);
      const top = SHEET.gap + Math.floor(k / SHEET.columns) * (size.thumbHeight + SHEET.label + SHEET.gap);
      return pixel(left + Math.round(size.thumbWidth / 2), top - 2);
    };
    expect([0, 1, 2, 3].map(edge)).toEqual(['#eeeeee', OUTLINE.color, '#eeeeee', OUTLINE.color]);
    // As in the gallery, an outlined slide's number is written in the outline's colour (`2 · changed`); the others in
    // grey.
    const labelColours = (k: number) => {
      const left = SHEET.gap + (k % SHEET.columns) * (size.thumbWidth + SHEET.gap);
      const top =
        SHEET.gap +
        Math.floor(k / SHEET.columns) * (size.thumbHeight + SHEET.label + SHEET.gap) +
        size.thumbHeight +
        OUTLINE.width;
      const seen = new Set<string>();
      for (let y = top; y < top + SHEET.label - OUTLINE.width; y++)
        for (let x = left; x < left + size.thumbWidth; x++) seen.add(pixel(x, y));
      return seen.has(OUTLINE.color);
    };
    expect([0, 1, 2, 3].map(labelColours)).toEqual([false, true, false, true]);
  });
});
