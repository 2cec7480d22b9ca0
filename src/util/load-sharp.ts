/**
 * sharp, loaded on first use: it opens a native library (about 100 ms of a
 * cold command), and most builds have no image, no logo and no thumbnails.
 */
export const loadSharp = async () => (await import('sharp')).default;
