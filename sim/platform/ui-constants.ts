// @zos/ui constants: the names of @zeppos/device-types; the numbers are the simulator's own
// (apps must only use the names).

const WIDGET_NAMES = [
  'GROUP', 'IMG', 'IMG_GROUP', 'TEXT', 'ARC', 'FILL_RECT', 'STROKE_RECT', 'TEXT_IMG', 'ARC_PROGRESS',
  'IMG_PROGRESS', 'IMG_ARC_PROGRESS', 'IMG_LEVEL', 'IMG_ANIM', 'BUTTON', 'KEYBOARD', 'LINE_PROGRESS',
  'BUTTON_GROUP', 'VARIANT_BUTTON', 'CIRCLE', 'DIALOG', 'SCROLL_LIST', 'SLIDE_SWITCH', 'CYCLE_LIST',
  'CYCLE_IMAGE_TEXT_LIST', 'IMG_POINTER', 'CHECKBOX_GROUP', 'STATE_BUTTON', 'RADIO_GROUP',
  'WIDGET_DELEGATE', 'HISTOGRAM', 'PICK_DATE', 'TIME_PICKER', 'SPORT_DATA', 'VIEW_CONTAINER',
  'GROUP_VIEW', 'VIRTUAL_CONTAINER', 'WIDGET_PICKER', 'QRCODE', 'POLYLINE', 'CANVAS', 'PAGE_INDICATOR',
  'PAGE_SCROLLBAR',
] as const;

/** Property names and the createWidget option key each one reads/writes. */
const PROP_KEYS = {
  MORE: '*',
  X: 'x',
  Y: 'y',
  W: 'w',
  H: 'h',
  POS_X: 'pos_x',
  POS_Y: 'pos_y',
  ANGLE: 'angle',
  CENTER_X: 'center_x',
  CENTER_Y: 'center_y',
  SRC: 'src',
  TEXT: 'text',
  TEXT_SIZE: 'text_size',
  COLOR: 'color',
  START_ANGLE: 'start_angle',
  END_ANGLE: 'end_angle',
  LINE_WIDTH: 'line_width',
  LINE_PROGRESS_START_X: 'start_x',
  LINE_PROGRESS_START_Y: 'start_y',
  LINE_PROGRESS_END_X: 'end_x',
  LINE_PROGRESS_END_Y: 'end_y',
  LINE_PROGRESS_PROGRESS: 'progress',
  LINE_PROGRESS_SRC_BG: 'src_bg',
  LINE_PROGRESS_SRC_PROGRESS: 'src_progress',
  LINE_PROGRESS_SRC_INDICATOR: 'src_indicator',
  WORD_WRAP: 'word_wrap',
  ID: 'id',
  DATASET: 'dataset',
  VISIBLE: 'visible',
} as const;

function numbered<K extends string>(names: readonly K[], start: number): Record<K, number> {
  const out = {} as Record<K, number>;
  names.forEach((name, index) => {
    out[name] = start + index;
  });
  return out;
}

export const widget = numbered(WIDGET_NAMES, 1);
export type WidgetTypeName = (typeof WIDGET_NAMES)[number];
export const prop = numbered(Object.keys(PROP_KEYS) as Array<keyof typeof PROP_KEYS>, 100);
export const align = { LEFT: 0, RIGHT: 1, CENTER_H: 2, TOP: 3, BOTTOM: 4, CENTER_V: 5 };
export const text_style = { CHAR_WRAP: 0, WRAP: 1, ELLIPSIS: 2, NONE: 3 };
export const event = { CLICK_UP: 1, CLICK_DOWN: 2, MOVE_IN: 3, MOVE_OUT: 4, MOVE: 5, SELECT: 6 };

const widgetNameById = new Map<number, WidgetTypeName>(WIDGET_NAMES.map((name) => [widget[name], name]));
const propKeyById = new Map<number, string>(
  (Object.keys(PROP_KEYS) as Array<keyof typeof PROP_KEYS>).map((name) => [prop[name], PROP_KEYS[name]]),
);

export function widgetName(type: unknown): WidgetTypeName | null {
  return typeof type === 'number' ? (widgetNameById.get(type) ?? null) : null;
}

/** Option key for a prop constant ('*' for prop.MORE), or null when unknown. */
export function propKey(id: unknown): string | null {
  return typeof id === 'number' ? (propKeyById.get(id) ?? null) : null;
}
