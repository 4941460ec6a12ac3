import { createWidget, widget, align, text_style, prop } from '@zos/ui';
import { px } from '@zos/utils';
import { colour, font, space } from '../theme';
import type { HomeLayout } from './home-layout';

const SCREEN_WIDTH = 480;
const TOP = 60;

let phoneStatus: ReturnType<typeof createWidget> | null = null;

export const layout: HomeLayout = {
  renderTitle(title) {
    createWidget(widget.TEXT, {
      x: px(space.edge),
      y: px(TOP),
      w: px(SCREEN_WIDTH - 2 * space.edge),
      h: px(font.title + space.gap * 2),
      text: title,
      text_size: px(font.title),
      color: colour.text,
      align_h: align.CENTER_H,
      align_v: align.CENTER_V,
      text_style: text_style.NONE,
    });
  },
  renderRoutines(names, onPick) {
    names.forEach((name, index) => {
      createWidget(widget.BUTTON, {
        x: px(space.edge * 2),
        y: px(TOP + font.title + space.gap * 3 + index * (space.rowHeight + space.gap)),
        w: px(SCREEN_WIDTH - 4 * space.edge),
        h: px(space.rowHeight),
        radius: px(space.radius),
        normal_color: colour.surface,
        press_color: colour.surfacePressed,
        text: name,
        text_size: px(font.body),
        color: colour.text,
        click_func: () => onPick(index),
      });
    });
  },
  showPhoneStatus(text) {
    if (phoneStatus === null) {
      phoneStatus = createWidget(widget.TEXT, {
        x: px(space.edge * 2),
        y: px(360),
        w: px(SCREEN_WIDTH - 4 * space.edge),
        h: px(font.small * 2),
        text,
        text_size: px(font.small),
        color: colour.textDim,
        align_h: align.CENTER_H,
        align_v: align.CENTER_V,
        text_style: text_style.WRAP,
      });
      return;
    }
    phoneStatus.setProperty(prop.MORE, { text });
  },
};
