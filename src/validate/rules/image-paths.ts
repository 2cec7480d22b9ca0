import path from 'node:path';
import type { ImageBlock } from '../../model/article.js';
import { diagnostic } from '../../model/diagnostic.js';
import { safeDecodeUri } from '../../util/text.js';
import { blocksOf, type Rule } from '../rule.js';

/** Images must come from inside the deck folder: a deck is mailed and archived as one unit. */
export const imagePaths: Rule = (article) =>
  blocksOf(article)
    .filter((b): b is ImageBlock => b.type === 'image')
    .flatMap((img) => {
      const why = outsideReason(img.src);
      return why
        ? [
            diagnostic(
              'error',
              'image-outside-deck',
              img.position,
              `Unexpected image path \`${img.src}\` (${why}), expected a path inside the deck folder such as \`images/map.png\``,
              'copy the image into the deck folder and link it relatively',
            ),
          ]
        : [];
    });

function outsideReason(src: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return 'a URL';
  if (src.startsWith('/') || src.startsWith('\\') || path.isAbsolute(src)) return 'an absolute path';
  const norm = path.posix.normalize(safeDecodeUri(src).replace(/\\/g, '/'));
  if (norm === '..' || norm.startsWith('../')) return 'it leaves the deck folder';
  return undefined;
}
