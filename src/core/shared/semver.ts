// Library versions (MAJOR.MINOR.PATCH, with an optional pre-release or build tail): read by the
// library's layer checks and by the diff's bump classification.
export type Semver = [number, number, number];

export function parseSemver(v: string | null): Semver | null {
  const m = v ? /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(v) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}
