/**
 * A partner's accent colour made safe for Aula's interface: buttons put white text on the accent and
 * links put the accent on the light page, so the colour is darkened (never lightened or re-hued)
 * until both reach WCAG AA contrast (4.5:1). A partner's light brand colour still reads as theirs.
 */
const AA_CONTRAST = 4.5;
const WHITE = '#ffffff';
/** The page background (tokens.css `--color-bg`), the lightest surface links sit on besides white. */
const PAGE_BACKGROUND = '#f7f5f0';

type Rgb = [number, number, number];

function parseHex(colour: string): Rgb {
  const value = Number.parseInt(colour.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

function relativeLuminance(colour: string): number {
  const [r, g, b] = parseHex(colour).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function darken(colour: string, amount: number): string {
  return toHex(parseHex(colour).map((channel) => channel * (1 - amount)) as Rgb);
}

/** The accent to use for `colour`, and a stronger shade of it for hover and pressed states. */
export function accentShades(colour: string): { accent: string; strong: string } {
  let accent = colour.toLowerCase();
  // 5 % steps from the partner's colour; black (step 20) always passes, so the loop ends.
  for (let step = 1; contrastRatio(accent, WHITE) < AA_CONTRAST || contrastRatio(accent, PAGE_BACKGROUND) < AA_CONTRAST; step++) {
    accent = darken(colour.toLowerCase(), step * 0.05);
  }
  return { accent, strong: darken(accent, 0.3) };
}
