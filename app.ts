import { BaseApp } from '@zeppos/zml/base-app';

App(
  BaseApp({
    // ZML's app plugin replaces this with its messaging instance in onCreate.
    globalData: { messaging: null },
  }),
);
