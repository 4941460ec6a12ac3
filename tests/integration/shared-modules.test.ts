// The pages read the modules they share from app.js's registry (scripts/shared.mjs). These tests
// run the built bundles with app.js from a build that does not match the pages: the page must fail
// with an error naming the module, never run with half its code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distGroupDir } from '../../sim/node/index';
import { bootWatch } from '../fixtures/sim';

const APP = 'device/app.js';
const appJs = (): string => readFileSync(join(distGroupDir('balance-3.7'), APP), 'utf8');

/** app.js of a ZML app that shares nothing (what the pages would meet after a partial update). */
const BARE_APP = `try { (() => { const __$$G$$__ = __$$hmAppManager$$__.currentApp.__globals__.__$$G$$__;
  !function (context) { with (context) { App({ globalData: { messaging: null } }); } }.bind(__$$G$$__)(__$$G$$__);
})(); } catch (e) { console.log('Mini Program Error', e); }`;

function pageErrors(sim: Awaited<ReturnType<typeof bootWatch>>): string[] {
  return sim.errors.all.filter((e) => e.realm === 'device').map((e) => e.message);
}

describe('shared modules', () => {
  it('shared modules - a page whose shared module app.js did not register fails naming that module', async () => {
    // core/kernel/store: Home reads it (storage keys and reads), so the first page fails on it.
    const registered = /(["'])core\/kernel\/store\1(\s*:)/;
    expect(appJs()).toMatch(registered);
    const app = appJs().replace(registered, '$1core/kernel/store-from-another-build$1$2');
    const sim = await bootWatch({ sideService: false, overrideFiles: { [APP]: app } });
    const errors = pageErrors(sim);
    expect(errors.join('\n')).toContain('shared module "core/kernel/store" is not registered by app.js');
    expect(sim.device.texts()).toEqual([]);
    sim.expectErrors(() => true);
  });

  it('shared modules - a page opened under an app.js that shares nothing fails naming a shared module', async () => {
    const sim = await bootWatch({ sideService: false, overrideFiles: { [APP]: BARE_APP } });
    expect(pageErrors(sim).join('\n')).toMatch(/shared module "(core|page)\/[a-z/-]+" is not registered by app\.js/);
    expect(sim.device.texts()).toEqual([]);
    sim.expectErrors(() => true);
  });

  it('shared modules - an export missing from a registered module is named with its module', async () => {
    // The module registered, one export gone: app.js from an older build of the same module.
    const app = appJs().replace(/((["'])core\/kernel\/store\2\s*:\s*Object\.freeze\(\{\s*)(\w+)\s*:/, '$1$3_renamed:');
    expect(app).not.toBe(appJs());
    const sim = await bootWatch({ sideService: false, overrideFiles: { [APP]: app } });
    expect(pageErrors(sim).join('\n')).toMatch(/shared module "core\/kernel\/store" registered by app\.js has no export "\w+"/);
    sim.expectErrors(() => true);
  });
});
