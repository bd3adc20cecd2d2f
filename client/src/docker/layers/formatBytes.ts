// Sizes the way `docker images` and `docker history` print them (decimal units, 3 digits), so the
// numbers users compare look alike.
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toPrecision(3).replace(/\.0+$|(\.\d*?)0+$/, '$1')} ${units[unit]}`;
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
