// Reads a .zab (zip of manifest.json + one .zpk per screen group; each .zpk holds device.zip
// and app-side.zip) so tests and the preview can use exactly what a watch would install.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

function unzip(bytes, what) {
  try {
    return unzipSync(bytes);
  } catch (error) {
    throw new Error(`${what} is not a readable zip: ${error.message}`);
  }
}

/**
 * @returns {{ manifest: object, groups: Array<{ name: string, screen: string, shape: string, cpuPlatform: string,
 *   appJson: object, device: Record<string, Uint8Array>, side: Record<string, Uint8Array> }> }}
 */
export function readZab(file) {
  const outer = unzip(readFileSync(file), file);
  const manifestBytes = outer['manifest.json'];
  if (!manifestBytes) throw new Error(`${file} has no manifest.json`);
  const manifest = JSON.parse(strFromU8(manifestBytes));
  const groups = manifest.zpks.map((zpk) => {
    const bytes = outer[zpk.name];
    if (!bytes) throw new Error(`${file}: manifest lists ${zpk.name}, which the archive lacks`);
    const inner = unzip(bytes, zpk.name);
    if (!inner['device.zip'] || !inner['app-side.zip']) throw new Error(`${zpk.name} lacks device.zip or app-side.zip`);
    const device = unzip(inner['device.zip'], `${zpk.name}/device.zip`);
    const side = unzip(inner['app-side.zip'], `${zpk.name}/app-side.zip`);
    const platform = zpk.platforms[0];
    return {
      name: zpk.name,
      shape: platform.screenType,
      screen: platform.screenResolution,
      // zpm's spelling of the chip: upper case, MHS written as ZPS.
      cpuPlatform: platform.cpuPlatform,
      appJson: JSON.parse(strFromU8(device['app.json'])),
      device,
      side,
    };
  });
  return { manifest, groups };
}
