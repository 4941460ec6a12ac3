import { BasePage } from '@zeppos/zml/base-page';
import { getText } from '@zos/i18n';
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { HomeLayout } from './home-layout';

const view = layout as HomeLayout;

interface PhoneStatus {
  readonly sessions: number;
}

function isPhoneStatus(value: unknown): value is PhoneStatus {
  return typeof value === 'object' && value !== null && typeof (value as { sessions?: unknown }).sessions === 'number';
}

function errorCode(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number') {
    return (error as { code: number }).code;
  }
  return null;
}

Page(
  BasePage({
    state: {},
    build() {
      view.renderTitle(getText('app.name'));
      view.renderRoutines([], () => undefined);
      view.showPhoneStatus(getText('phone.checking'));
      this.request({ method: 'phone.status', params: {} }).then(
        (reply: unknown) => {
          view.showPhoneStatus(isPhoneStatus(reply) ? getText('phone.connected') : getText('phone.bad-reply'));
        },
        (error: unknown) => {
          const code = errorCode(error);
          view.showPhoneStatus(`${getText('phone.unreachable')} (${code === null ? '?' : String(code)})`);
        },
      );
    },
  }),
);
