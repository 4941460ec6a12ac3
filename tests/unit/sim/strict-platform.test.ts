// The simulator is as strict as the documented platform: widget properties from @zeppos/device-types,
// a vibrator whose patterns have lengths (a stop() that ends one early is a cut cue).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderWidgetProps, widgetProps } from '../../../scripts/widget-props.mjs';
import { checkWidgetProps } from '../../../sim/platform/ui';
import { VibratorLog, type CutCue } from '../../../sim/platform/sensor';

describe('widget properties', () => {
  it('widget-props - the committed table is what device-types says today', () => {
    const committed = readFileSync(new URL('../../../sim/platform/widget-props.ts', import.meta.url), 'utf8');
    expect(committed).toBe((renderWidgetProps as (t: unknown) => string)((widgetProps as () => unknown)()));
  });

  it('widget-props - ARC takes a bounding box; center_x / radius belong to ARC_PROGRESS', () => {
    expect(() => checkWidgetProps('ARC', ['x', 'y', 'w', 'h', 'start_angle', 'end_angle', 'color', 'line_width'], 'createWidget')).not.toThrow();
    expect(() => checkWidgetProps('ARC', ['center_x', 'center_y', 'radius'], 'createWidget')).toThrow(/ARC has no property center_x, center_y, radius/);
    expect(() => checkWidgetProps('ARC_PROGRESS', ['center_x', 'center_y', 'radius'], 'createWidget')).not.toThrow();
  });

  it('widget-props - an unknown property names the widget and the property', () => {
    expect(() => checkWidgetProps('BUTTON', ['text', 'colour'], 'setProperty(prop.MORE)')).toThrow('setProperty(prop.MORE): BUTTON has no property colour');
  });
});

function motor(): { log: VibratorLog; cuts: CutCue[]; clock: { t: number } } {
  const clock = { t: 1000 };
  const cuts: CutCue[] = [];
  const log = new VibratorLog(
    () => clock.t,
    (cut) => {
      cuts.push(cut);
      return () => cuts.splice(cuts.indexOf(cut), 1);
    },
  );
  return { log, cuts, clock };
}

describe('vibrator', () => {
  const sequence = [{ type: 1, duration: 200 }, { type: 9, duration: 150 }, { type: 1, duration: 400 }];

  it('vibrator - stop() before a 750 ms sequence has ended is a cut cue', () => {
    const { log, cuts, clock } = motor();
    const v = new (log.vibratorClass('device'))() as { start(o?: unknown): void; stop(): void };
    v.start(sequence);
    clock.t += 749;
    v.stop();
    expect(cuts).toEqual([{ startedAt: 1000, cutAt: 1749, lengthMs: 750, realm: 'device' }]);
  });

  it('vibrator - stop() after the pattern ended cuts nothing', () => {
    const { log, cuts, clock } = motor();
    const v = new (log.vibratorClass('device'))() as { start(o?: unknown): void; stop(): void };
    v.start(sequence);
    clock.t += 750;
    v.stop();
    expect(cuts).toEqual([]);
  });

  it('vibrator - stop(); start() in one instant is a newer cue replacing the old one, not a cut', () => {
    const { log, cuts, clock } = motor();
    const v = new (log.vibratorClass('device'))() as { start(o?: unknown): void; stop(): void };
    v.start(sequence);
    clock.t += 100;
    v.stop();
    v.start(sequence);
    expect(cuts).toEqual([]);
    expect(log.cuts).toEqual([]);
  });

  it('vibrator - one motor: a stop() from another instance (another realm) cuts the cue too', () => {
    const { log, cuts, clock } = motor();
    const service = new (log.vibratorClass('service'))() as { start(o?: unknown): void };
    const page = new (log.vibratorClass('device'))() as { stop(): void };
    service.start(sequence);
    clock.t += 10;
    page.stop();
    expect(cuts.map((c) => c.cutAt - c.startedAt)).toEqual([10]);
  });
});
