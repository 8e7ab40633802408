// Which parts of a recorded answer a parsed value lost or changed: every key at every depth must
// survive with the same value; extra keys in the parsed value are fine.

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths of `input` that `output` lost or changed. Extra keys in `output` are fine. */
export function lostPaths(input: unknown, output: unknown, at = '$'): string[] {
  if (Array.isArray(input)) {
    if (!Array.isArray(output)) return [`${at} (array became ${JSON.stringify(output)?.slice(0, 40)})`];
    const lost = input.flatMap((v, i) => lostPaths(v, output[i], `${at}[${i}]`));
    return output.length === input.length ? lost : [...lost, `${at} (length ${input.length} → ${output.length})`];
  }
  if (isObject(input)) {
    if (!isObject(output)) return [`${at} (object became ${JSON.stringify(output)?.slice(0, 40)})`];
    return Object.keys(input).flatMap((key) => (key in output ? lostPaths(input[key], output[key], `${at}.${key}`) : [`${at}.${key}`]));
  }
  return Object.is(input, output) ? [] : [`${at} (${JSON.stringify(input)} → ${JSON.stringify(output)})`];
}
