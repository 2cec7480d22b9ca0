/** An image read and normalised (PNG or JPEG, at most 2400 px) for the planner. */
export interface ImageAsset {
  data: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
  /** Pixel size after normalising. */
  width: number;
  height: number;
}

/** Images by their `src` as written in the Markdown. */
export type ImageAssets = ReadonlyMap<string, ImageAsset>;
