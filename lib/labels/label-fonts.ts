import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Pretendard (SIL Open Font License) from the `pretendard` npm package: Latin and all 11,172 modern
 * Hangul syllables. The TrueType ("alternative") cuts, because Zebra printers take TrueType and
 * fontkit subsets glyf outlines reliably. Read from node_modules at run time (never bundled): the
 * package is ~98 MB installed, a PDF embeds only the glyphs it uses.
 */
const fontDir = ["node_modules", "pretendard", "dist", "public", "static", "alternative"];

export type LabelFontWeight = "regular" | "bold";

const files: Record<LabelFontWeight, string> = {
  regular: "Pretendard-Regular.ttf",
  bold: "Pretendard-Bold.ttf",
};

const cache = new Map<LabelFontWeight, Buffer>();

export function labelFont(weight: LabelFontWeight): Buffer {
  let font = cache.get(weight);
  if (!font) {
    // Not a module path: the ignore comment keeps Next's file tracer from taking it for one (it traced the whole project).
    const file = path.join(/* turbopackIgnore: true */ process.cwd(), ...fontDir, files[weight]);
    try {
      font = readFileSync(file);
    } catch (error) {
      throw new Error(`label font missing at ${file} (is the pretendard package installed?)`, { cause: error });
    }
    cache.set(weight, font);
  }
  return font;
}
