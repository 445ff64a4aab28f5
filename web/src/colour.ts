/** WCAG 2.x contrast ratio between two `#rrggbb` colours. */
export function contrastRatio(hexA: string, hexB: string): number {
  const luminance = (hex: string): number => {
    const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const a = luminance(hexA);
  const b = luminance(hexB);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** A tenant accent colour is used as the header background behind white text, so it must reach 4.5:1. */
export function usableAccent(colour: string | null | undefined): string | null {
  if (!colour || !/^#[0-9a-fA-F]{6}$/.test(colour)) return null;
  return contrastRatio(colour, "#ffffff") >= 4.5 ? colour : null;
}
