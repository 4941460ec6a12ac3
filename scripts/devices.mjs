// The curated device list zeus reads instead of its CDN (PLATFORM.md §3): every watch that
// API 3.6 keeps, with its real deviceSources, shape, screen and API level. iconSize 248 is the
// size seen on these watches (0 would break zeus's icon resizing).
// Not verified against Zepp's own list: productId, productVersion and chip.manufacturer below are
// placeholders (zpm writes the manufacturer into the .zab manifest as `cpuPlatform`); check them
// against a real `.zeus_devices` before publishing a package to the Zepp store.
export const DEVICES = [
  { name: 'Amazfit Balance', code: 'balance', api: '3.7', shape: 'round', screen: '480*480', sources: [8519936, 8519937, 8519939] },
  { name: 'Amazfit Cheetah Pro', code: 'cheetahpro', api: '3.6', shape: 'round', screen: '480*480', sources: [8126720, 8126721] },
  { name: 'Amazfit Cheetah (Round)', code: 'cheetahround', api: '3.6', shape: 'round', screen: '454*454', sources: [8192256, 8192257] },
  { name: 'Amazfit Cheetah (Square)', code: 'cheetahsquare', api: '3.6', shape: 'square', screen: '390*450', sources: [8257793] },
  { name: 'Amazfit GTR 4', code: 'gtr4', api: '3.6', shape: 'round', screen: '466*466', sources: [7930112, 7930113, 7864577] },
  { name: 'Amazfit GTS 4', code: 'gts4', api: '3.6', shape: 'square', screen: '390*450', sources: [7995648, 7995649] },
  { name: 'Amazfit Falcon', code: 'falcon', api: '3.6', shape: 'round', screen: '416*416', sources: [414, 415] },
  { name: 'Amazfit T-Rex Ultra', code: 'trexultra', api: '3.6', shape: 'round', screen: '454*454', sources: [6553856, 6553857] },
  { name: 'Amazfit Active', code: 'active', api: '3.6', shape: 'square', screen: '390*450', sources: [8323328, 8323329] },
  { name: 'Amazfit T-Rex 3', code: 'trex3', api: '4.0', shape: 'round', screen: '480*480', sources: [8716544, 8716545, 8716547] },
  {
    name: 'Amazfit Active 2 (Round)',
    code: 'active2round',
    api: '4.2',
    shape: 'round',
    screen: '466*466',
    sources: [8913152, 8913153, 8913155, 8913159, 10092800, 10092801, 10092803, 10092807],
  },
  { name: 'Amazfit Active 2 (Square)', code: 'active2square', api: '4.2', shape: 'square', screen: '390*450', sources: [10223872, 10223873, 10223875] },
  { name: 'Amazfit Balance 2', code: 'balance2', api: '4.2', shape: 'round', screen: '480*480', sources: [9568512, 9568513, 9568515] },
  { name: 'Amazfit Bip 6', code: 'bip6', api: '4.2', shape: 'square', screen: '390*450', sources: [9765120, 9765121, 10158337] },
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
        chip: { manufacturer: 'ZEPP' },
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
