/**
 * `send` describes the deck it attaches, from the build that made it: a deck
 * whose sources changed since is refused (unless --allow-stale, which sends
 * and describes it as built), and the inline contact sheet outlines the
 * slides that changed for each group of recipients.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { contactSheet } from '../../src/export/contact-sheet.js';
import { pptxSlideCount } from '../../src/export/pptx-info.js';
import { readHistory } from '../../src/history/version-store.js';
import { formatUtc } from '../../src/util/time.js';
import { runCliAsync } from '../helpers/cli.js';
import { PDF, removeTemps, writeExport } from './deck-fixture.js';
import { TREATY, editRowAndBullet, treatyProject } from './treaty-project.js';

afterAll(removeTemps);

const OLD_HEADING = 'Future Outlook: Potential Scenarios for East Asia Post-Treaty';
const NEW_HEADING = 'Future Outlook: Scenarios for East Asia after the Treaty';

describe('send describes what it attaches', () => {
  it('refuses a deck whose sources changed since it was built; --allow-stale sends it, described as built', {
    timeout: 60_000,
  }, async () => {
    const p = await treatyProject('outbox');
    await p.build();
    await p.edit('07-future-outlook.md', `# ${OLD_HEADING}`, `# ${NEW_HEADING}`);
    const args = ['send', '--content', p.opts.contentDir, '--themes', p.opts.themesDir, '--out', p.opts.outDir];
    const env = { BRIEFDECK_SMTP_URL: '' };
    const refused = await runCliAsync(args, { env });
    expect(refused.status).toBe(1);
    const pptx = path.join(p.opts.outDir, `${TREATY}.pptx`);
    expect(refused.stdout).toContain(
      `✗ ${TREATY}  not sent: Stale \`${pptx}\`: \`07-future-outlook.md\` changed since it was built on 2026-11-20 09:00 UTC; run \`briefdeck build ${TREATY}\` first, or pass \`--allow-stale\` to send the built file as it is`,
    );
    expect(await readdir(path.join(p.opts.outDir, 'outbox')).catch(() => [])).toEqual([]);

    const allowed = await runCliAsync([...args, '--allow-stale'], { env });
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stdout).toContain(
      `✓ ${TREATY}  written to ${path.join(p.opts.outDir, 'outbox')}/ for 2 recipients (no mail server configured)`,
    );
    const [name] = await readdir(path.join(p.opts.outDir, 'outbox'));
    const mail = await simpleParser(await readFile(path.join(p.opts.outDir, 'outbox', name)));
    // The agenda is the attached deck's (its version record), not the edited sources'.
    expect(mail.text).toContain(`  7. ${OLD_HEADING}\n`);
    expect(mail.text).not.toContain(NEW_HEADING);
    const { history } = await readHistory(p.opts.outDir, TREATY);
    expect(mail.text).toContain(`Built: ${formatUtc(history.versions[0].builtAt)}\n`);
  });

  it('leaves out a PDF or contact sheet exported from an earlier build, and says so', { timeout: 60_000 }, async () => {
    const p = await treatyProject('outbox');
    await p.build();
    await writeExport(p.opts.outDir, TREATY);
    await editRowAndBullet(p);
    await p.build(); // a new .pptx; the export is of the old one
    const r = await p.send();
    expect(r.status).toBe('sent');
    expect(r.attachments.map((a) => a.filename)).toEqual([`${TREATY}.pptx`]);
    expect(r.notes).toEqual([
      `not attached: \`${TREATY}.pdf\` (exported from an earlier build of \`${TREATY}.pptx\`: run \`briefdeck export ${TREATY}\`)`,
      `not attached: \`${TREATY}/contact-sheet.png\` (exported from an earlier build of \`${TREATY}.pptx\`: run \`briefdeck export ${TREATY}\`)`,
    ]);
    const [m] = await p.received();
    expect(m.mail.attachments.map((a) => a.filename)).toEqual([`${TREATY}.pptx`]);
    expect(m.mail.html).not.toContain('cid:');
  });
});

describe('the contact sheet in the mail', () => {
  it('outlines the slides that changed for each group; a first version gets the sheet as exported', {
    timeout: 60_000,
  }, async () => {
    const p = await treatyProject('outbox');
    const exportSlides = async () => {
      // Stand-ins for the exported slide images, one per slide of the built deck, recorded as made from it.
      const count = await pptxSlideCount(await readFile(path.join(p.opts.outDir, `${TREATY}.pptx`)), TREATY);
      const slides = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          sharp({ create: { width: 320, height: 180, channels: 3, background: { r: 255, g: 255 - i * 5, b: 255 } } })
            .png()
            .toBuffer(),
        ),
      );
      await writeExport(p.opts.outDir, TREATY, { pdf: PDF, slides });
      const files = slides.map((_, i) =>
        path.join(p.opts.outDir, TREATY, 'slides', `${String(i + 1).padStart(2, '0')}.png`),
      );
      await writeFile(path.join(p.opts.outDir, TREATY, 'contact-sheet.png'), await contactSheet(files));
      return files;
    };
    await p.build();
    await exportSlides();
    await p.send();
    await p.received();
    await editRowAndBullet(p);
    await p.recipients(['briefing-list@example.org', 'new-reader@example.org'], ['analysts@example.org']);
    await p.build();
    const files = await exportSlides();
    const r = await p.send();
    expect(r.groups.map((g) => g.summary)).toEqual(['updated: 1 bullet · 1 table row', 'first version']);
    const got = await p.received();
    const sheetOf = (who: string) =>
      got.find((m) => m.to.includes(who))!.mail.attachments.find((a) => a.filename === `${TREATY}-contact-sheet.png`)!;
    const updated = sheetOf('briefing-list@example.org');
    expect(updated.contentDisposition).toBe('inline');
    expect(updated.content.equals(await contactSheet(files, { outline: [4, 5] }))).toBe(true);
    const exported = await readFile(path.join(p.opts.outDir, TREATY, 'contact-sheet.png'));
    expect(updated.content.equals(exported)).toBe(false);
    expect(sheetOf('new-reader@example.org').content.equals(exported)).toBe(true);
    const html = got.find((m) => m.to.includes('briefing-list@example.org'))!.mail.html;
    expect(html).toContain('Outlined: the slides that changed since the version you received.');
    expect(html).toContain('the 2 slides outlined changed');
  });
});
