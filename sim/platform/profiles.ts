// Simulated watches. `group` names the dist/device-js/<group> folder holding the build for the shape.

export interface DeviceProfile {
  readonly id: string;
  readonly name: string;
  readonly shape: 'round' | 'square';
  readonly width: number;
  readonly height: number;
  /** OS API level as a number (3.6, 4.0, 4.2). */
  readonly apiLevel: number;
  readonly deviceSource: number;
  /** Physical keys ("physical-keys number" of the docs' device list). 4 = SELECT, BACK, UP, DOWN. */
  readonly keys: number;
  readonly group: string;
}

function p(id: string, name: string, shape: 'round' | 'square', width: number, height: number, apiLevel: number, deviceSource: number, keys: number): DeviceProfile {
  return { id, name, shape, width, height, apiLevel, deviceSource, keys, group: `${shape}-${width}x${height}` };
}

export const PROFILES: readonly DeviceProfile[] = [
  p('balance-3.7', 'Amazfit Balance', 'round', 480, 480, 3.7, 8519936, 2),
  p('cheetah-pro-3.6', 'Amazfit Cheetah Pro', 'round', 480, 480, 3.6, 8126720, 2),
  p('trex3-4.0', 'Amazfit T-Rex 3', 'round', 480, 480, 4.0, 8716544, 4),
  p('balance2-4.2', 'Amazfit Balance 2', 'round', 480, 480, 4.2, 9568512, 2),
  p('gtr4-3.6', 'Amazfit GTR 4', 'round', 466, 466, 3.6, 7930112, 2),
  p('active2-round-4.2', 'Amazfit Active 2 (Round)', 'round', 466, 466, 4.2, 8913152, 2),
  p('cheetah-round-3.6', 'Amazfit Cheetah (Round)', 'round', 454, 454, 3.6, 8192256, 2),
  p('trex-ultra-3.6', 'Amazfit T-Rex Ultra', 'round', 454, 454, 3.6, 6553856, 4),
  p('falcon-3.6', 'Amazfit Falcon', 'round', 416, 416, 3.6, 414, 4),
  p('gts4-3.6', 'Amazfit GTS 4', 'square', 390, 450, 3.6, 7995648, 1),
  p('active-square-3.6', 'Amazfit Active', 'square', 390, 450, 3.6, 8323328, 1),
  p('active2-square-4.2', 'Amazfit Active 2 (Square)', 'square', 390, 450, 4.2, 10223872, 2),
  p('bip6-4.2', 'Amazfit Bip 6', 'square', 390, 450, 4.2, 9765120, 2),
];

export type ProfileId = string;

export function getProfile(id: ProfileId): DeviceProfile {
  const profile = PROFILES.find((x) => x.id === id);
  if (profile === undefined) throw new Error(`unknown device profile "${id}"; known: ${PROFILES.map((x) => x.id).join(', ')}`);
  return profile;
}
