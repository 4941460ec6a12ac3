// The curated device list zeus reads instead of its CDN: every watch that API 3.6 keeps.
// Where each field comes from:
// - name, deviceSource list, shape, screen size, API level: the community device list
//   melianmiko/ZeppOS-DevicesList (not cross-checked against Zepp's own `.zeus_devices`);
// - chip (zeus row `chip.manufacturer`): Zepp's official device list and the package names a
//   real zeus build prints for these watches (e.g. `round_480-NXP-480x480.zpk`). zpm writes it into the .zab manifest as
//   `cpuPlatform`, groups the zpks by it, and picks the PNG image format by it
//   (NXP → GCNANOLITE, Apollo → MHS002SNEMAP, MHS/ZPS → MHS003VGLITE);
// - `code`: our own short name (zeus only needs it to be unique).
// Still unknown (not published anywhere we could read): productId and productVersion (zpm parses
// but does not use them; deviceSource and 256 stand in), pixelDensity (1), and iconSize, where
// 248 is the size seen on round 480 watches (0 would break zeus's icon resizing). Check them
// against a real `.zeus_devices` before publishing a package to the Zepp store.
export const DEVICES = [
  { name: 'Amazfit Balance', code: 'balance', api: '3.7', shape: 'round', screen: '480*480', chip: 'NXP', sources: [8519936, 8519937, 8519939] },
  { name: 'Amazfit Cheetah Pro', code: 'cheetahpro', api: '3.6', shape: 'round', screen: '480*480', chip: 'NXP', sources: [8126720, 8126721] },
  { name: 'Amazfit Cheetah (Round)', code: 'cheetahround', api: '3.6', shape: 'round', screen: '454*454', chip: 'NXP', sources: [8192256, 8192257] },
  { name: 'Amazfit Cheetah (Square)', code: 'cheetahsquare', api: '3.6', shape: 'square', screen: '390*450', chip: 'NXP', sources: [8257793] },
  { name: 'Amazfit GTR 4', code: 'gtr4', api: '3.6', shape: 'round', screen: '466*466', chip: 'NXP', sources: [7930112, 7930113, 7864577] },
  { name: 'Amazfit GTS 4', code: 'gts4', api: '3.6', shape: 'square', screen: '390*450', chip: 'NXP', sources: [7995648, 7995649] },
  { name: 'Amazfit Falcon', code: 'falcon', api: '3.6', shape: 'round', screen: '416*416', chip: 'NXP', sources: [414, 415] },
  { name: 'Amazfit T-Rex Ultra', code: 'trexultra', api: '3.6', shape: 'round', screen: '454*454', chip: 'NXP', sources: [6553856, 6553857] },
  { name: 'Amazfit Active', code: 'active', api: '3.6', shape: 'square', screen: '390*450', chip: 'Apollo', sources: [8323328, 8323329] },
  { name: 'Amazfit T-Rex 3', code: 'trex3', api: '4.0', shape: 'round', screen: '480*480', chip: 'MHS', sources: [8716544, 8716545, 8716547] },
  {
    name: 'Amazfit Active 2 (Round)',
    code: 'active2round',
    api: '4.2',
    shape: 'round',
    screen: '466*466',
    chip: 'MHS',
    sources: [8913152, 8913153, 8913155, 8913159, 10092800, 10092801, 10092803, 10092807],
  },
  { name: 'Amazfit Active 2 (Square)', code: 'active2square', api: '4.2', shape: 'square', screen: '390*450', chip: 'MHS', sources: [10223872, 10223873, 10223875] },
  { name: 'Amazfit Balance 2', code: 'balance2', api: '4.2', shape: 'round', screen: '480*480', chip: 'MHS', sources: [9568512, 9568513, 9568515] },
  { name: 'Amazfit Bip 6', code: 'bip6', api: '4.2', shape: 'square', screen: '390*450', chip: 'MHS', sources: [9765120, 9765121, 10158337] },
];

export const ZEUS_VERSION = '1.9.1';

/** One row per deviceSource, in the format of zeus's `.zeus_devices` cache. */
export function zeusDeviceRows(devices = DEVICES) {
  return devices.flatMap((device) =>
    device.sources.map((deviceSource) => ({
      productName: device.name,
      deviceSource,
      // zeus-cli reads `code` on the row, zpm inside `value`: both are set.
      code: device.code,
      value: {
        code: device.code,
        productId: deviceSource,
        productVersion: 256,
        shape: device.shape,
        chip: { manufacturer: device.chip },
        screen: { size: device.screen, iconSize: 248 },
        os: { version: device.api, apiLevel: device.api, apiLevelLimitMin: '1.0' },
        pixelDensity: 1,
      },
    })),
  );
}

export function zeusDeviceCache(now = Date.now()) {
  return {
    devices: zeusDeviceRows(),
    devices_beta: [],
    // A year ahead: zeus refetches from its CDN (unreachable offline) once this has passed.
    expiredTime: now + 365 * 24 * 3600 * 1000,
    version: ZEUS_VERSION,
  };
}
