/** An image read and normalised (PNG or JPEG, at most 2400 px) for the planner. */
export interface ImageAsset {
  data: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
  /** Pixel size after normalising. */
  width: number;
  height: number;
  /**
   * The original bytes when the source was an SVG fit to embed (`data` is its PNG rendering): the deck carries it as
   * vector with `data` as the fallback.
   */
  svg?: Uint8Array;
}

/** Images by their `src` as written in the Markdown. */
export type ImageAssets = ReadonlyMap<string, ImageAsset>;
