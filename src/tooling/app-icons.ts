/**
 * The Teams app icons, drawn in code so they can be regenerated (`npm run icons`)
 * and checked: a 192×192 colour icon (a signpost on the accent colour) and a
 * 32×32 outline icon (the same signpost, white on a fully transparent
 * background, every pixel either fully transparent or opaque white).
 *
 * The signpost is designed on a 32×32 grid, its straight edges on whole grid
 * lines and its arrow tips at 45°, so the outline icon is crisp at one pixel a
 * unit without anti-aliasing (a pixel is on when the shape covers at least half
 * of it); the colour icon draws it at 4 pixels a unit, centred, with 4×4
 * supersampling for smooth arrow tips.
 */
import { PNG } from 'pngjs';

/** The app's accent colour: also the manifest's accentColor and the colour icon's background. */
export const ACCENT_COLOR = '#2F6F73';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

type Point = readonly [number, number];
type Polygon = readonly Point[];
type Rgb = readonly [number, number, number];

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

/** The post, its cap and its base, in 32-grid units. */
const POST: Polygon[] = [rect(15, 3, 17, 27), rect(10, 27, 22, 29)];
/** Two direction signs: the upper one points right, the lower one points left. */
const SIGNS: Polygon[] = [
  [
    [6, 6],
    [23, 6],
    [26, 9],
    [23, 12],
    [6, 12],
  ],
  [
    [26, 15],
    [9, 15],
    [6, 18],
    [9, 21],
    [26, 21],
  ],
];

function inside(polygon: Polygon, x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as Point;
    const [xj, yj] = polygon[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** The share (0..1) of pixel (px, py) covered by any of the shapes, drawn at `scale` pixels a unit from `offset`. */
function coverage(shapes: Polygon[], px: number, py: number, scale: number, offset: number, samples: number): number {
  let covered = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples - offset) / scale;
      const y = (py + (sy + 0.5) / samples - offset) / scale;
      if (shapes.some((shape) => inside(shape, x, y))) covered++;
    }
  }
  return covered / (samples * samples);
}

function hexToRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1] as string, 16), parseInt(match[2] as string, 16), parseInt(match[3] as string, 16)];
}

const mix = (under: Rgb, over: Rgb, amount: number): Rgb =>
  [0, 1, 2].map((i) => Math.round((under[i] as number) * (1 - amount) + (over[i] as number) * amount)) as unknown as Rgb;

/** 192×192, opaque: the accent colour, a pale post and white signs. */
export function drawColorIcon(): Buffer {
  const size = COLOR_ICON_SIZE;
  const scale = 4;
  const offset = (size - 32 * scale) / 2;
  const background = hexToRgb(ACCENT_COLOR);
  const postColour: Rgb = [0xd6, 0xe8, 0xe6];
  const signColour: Rgb = [0xff, 0xff, 0xff];
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let colour = background;
      colour = mix(colour, postColour, coverage(POST, x, y, scale, offset, 4));
      colour = mix(colour, signColour, coverage(SIGNS, x, y, scale, offset, 4));
      const at = (y * size + x) * 4;
      png.data[at] = colour[0];
      png.data[at + 1] = colour[1];
      png.data[at + 2] = colour[2];
      png.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** 32×32: opaque white where the signpost covers at least half a pixel, fully transparent elsewhere. */
export function drawOutlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = coverage([...POST, ...SIGNS], x, y, 1, 0, 4) >= 0.5;
      const at = (y * size + x) * 4;
      png.data[at] = on ? 255 : 0;
      png.data[at + 1] = on ? 255 : 0;
      png.data[at + 2] = on ? 255 : 0;
      png.data[at + 3] = on ? 255 : 0;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}
