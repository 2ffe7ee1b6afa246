import sharp from 'sharp';

/** Rasterises an SVG string to PNG bytes (librsvg inside sharp; fonts come from fontconfig). */
export async function svgToPng(svg: string, density = 144): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density }).png().toBuffer();
}
