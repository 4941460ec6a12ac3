// The watch's KeyValueStore (core/kernel/store) over @zos/storage localStorage; the adapter's
// logic is platform/store-over.ts, which app.js carries once for every page.

import { localStorage } from '@zos/storage';
import type { KeyValueStore } from '../core/kernel/store';
import { storeOver } from './store-over';

export const watchStore: KeyValueStore = storeOver(localStorage);
