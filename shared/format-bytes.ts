// Byte sizes for people: decimal units (KB, MB…) as file managers show them, or binary units
// (KiB, MiB…) where a limit was configured in powers of two.
const decimal = ['B', 'KB', 'MB', 'GB', 'TB'];
const binary = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number, options: { binary?: boolean } = {}): string {
  const units = options.binary ? binary : decimal;
  const step = options.binary ? 1024 : 1000;
  let value = bytes;
  let unit = 0;
  while (value >= step && unit < units.length - 1) {
    value /= step;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
