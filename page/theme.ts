// Named design tokens for every watch layout. Sizes are in design pixels (480-wide round,
// 390-wide square); layouts wrap them in px() so they scale to the real screen.

export const colour = {
  background: 0x000000,
  text: 0xffffff,
  textDim: 0xa8a8a8,
  accent: 0x3fd0a6,
  accentPressed: 0x2a9c7c,
  surface: 0x222222,
  surfacePressed: 0x3a3a3a,
  warning: 0xffb020,
  danger: 0xe5484d,
  dangerPressed: 0xa8282c,
  ok: 0x46c26a,
} as const;

export const font = {
  huge: 64,
  title: 40,
  body: 30,
  small: 24,
} as const;

export const space = {
  edge: 24,
  gap: 12,
  rowHeight: 88,
  buttonHeight: 96,
  radius: 44,
} as const;
