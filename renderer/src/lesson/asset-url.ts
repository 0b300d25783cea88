/** Relative paths in a lesson (`../assets/x.png`, `assets/x.png`, `x.png`) point into the course's assets. */
export function resolveAssetUrl(src: string, assetBaseUrl: string): string {
  if (/^(?:[a-z]+:|\/)/i.test(src)) return src;
  const relative = src.replace(/^(?:\.\.\/)*(?:\.\/)?(?:assets\/)?/, '');
  return `${assetBaseUrl}${relative}`;
}
