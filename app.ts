import { BaseApp } from '@zeppos/zml/base-app';
// The modules two or more pages use, carried once by app.js; each page reads them from globalData
// through a shim the build puts in its place (scripts/shared.mjs, docs/watch.md "Size").
import { SHARED_KEY, sharedModules } from 'knead:shared-modules';

App(
  BaseApp({
    // ZML's app plugin replaces messaging with its messaging instance in onCreate.
    globalData: { messaging: null, [SHARED_KEY]: sharedModules },
  }),
);
