/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** WCAG AA for normal text: the brand colour is used for white button text and for links on white. */
export const AA_CONTRAST = 4.5;

/** The same hue darkened step by step until it keeps AA against white: what to suggest instead. */
export function darkenedForContrast(hex: string, against = '#ffffff', minimum = AA_CONTRAST): string {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  for (let factor = 1; factor > 0; factor -= 0.02) {
    const candidate = `#${channels.map((c) => Math.round(c * factor).toString(16).padStart(2, '0')).join('')}`;
    if (contrastRatio(candidate, against) >= minimum) return candidate;
  }
  return '#000000';
}
