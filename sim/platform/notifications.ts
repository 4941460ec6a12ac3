// @zos/notification (API 3.0, permission device:os.notification) as documented:
// notify({title, content, actions: [{text, file, param}], vibrate}) → id (0 = not delivered),
// cancel(id | id[]), getAllNotifications() → ids still in the notification centre.
// Tapping an action (`tap`) removes the notification and hands `file` and `param` to the device
// runtime: an App Service runs once and gets `param` in onEvent, a page opens the app there.
//
// Stricter where the docs are silent (docs/simulator.md): title, content and actions are all
// required (an empty actions array is allowed), every action needs text and file, `param` must be
// a string, `vibrate` an integer 0-5; anything else is refused with 0 and a reason in `refusals`.

export interface NotificationAction {
  readonly text: string;
  readonly file: string;
  readonly param: string | undefined;
}

export interface SimNotification {
  readonly id: number;
  readonly time: number;
  readonly title: string;
  readonly content: string;
  readonly actions: readonly NotificationAction[];
  readonly vibrate: number;
}

type Dispatch = (file: string, param: string | undefined) => void;

export class NotificationCenter {
  private nextId = 1;
  private readonly active = new Map<number, SimNotification>();
  /** Every notification delivered, in order (including ones since cancelled or tapped). */
  readonly delivered: SimNotification[] = [];
  readonly refusals: string[] = [];
  /** Set by the device runtime: where a tapped action goes. */
  dispatch: Dispatch = () => undefined;

  constructor(private readonly now: () => number) {}

  list(): SimNotification[] {
    return [...this.active.values()];
  }

  ids(): number[] {
    return [...this.active.keys()];
  }

  notify(option: unknown): number {
    const refuse = (why: string): number => {
      this.refusals.push(why);
      return 0;
    };
    if (typeof option !== 'object' || option === null) return refuse('notify() needs an option object');
    const o = option as Record<string, unknown>;
    if (typeof o.title !== 'string') return refuse('title is required');
    if (typeof o.content !== 'string') return refuse('content is required');
    if (!Array.isArray(o.actions)) return refuse('actions is required (an array)');
    const actions: NotificationAction[] = [];
    for (const raw of o.actions as unknown[]) {
      const a = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      if (typeof a.text !== 'string' || typeof a.file !== 'string' || a.file === '') return refuse('every action needs text and file');
      if (a.param !== undefined && typeof a.param !== 'string') return refuse('an action param must be a string');
      actions.push({ text: a.text, file: a.file, param: a.param });
    }
    const vibrate = o.vibrate ?? 0;
    if (typeof vibrate !== 'number' || !Number.isInteger(vibrate) || vibrate < 0 || vibrate > 5) return refuse('vibrate must be 0-5');
    const notification: SimNotification = { id: this.nextId++, time: this.now(), title: o.title, content: o.content, actions, vibrate };
    this.active.set(notification.id, notification);
    this.delivered.push(notification);
    return notification.id;
  }

  cancel(ids: unknown): void {
    for (const id of Array.isArray(ids) ? ids : [ids]) if (typeof id === 'number') this.active.delete(id);
  }

  /** The person taps the action whose text contains `actionText` on notification `id` (default: the newest). */
  tap(actionText: string, id?: number): NotificationAction {
    const target = id === undefined ? this.list().pop() : this.active.get(id);
    if (target === undefined) throw new Error('no notification to tap');
    const action = target.actions.find((a) => a.text.includes(actionText));
    if (action === undefined) throw new Error(`no action "${actionText}" on "${target.title}"; actions: ${JSON.stringify(target.actions.map((a) => a.text))}`);
    this.active.delete(target.id);
    this.dispatch(action.file, action.param);
    return action;
  }

  /** The person swipes it away. */
  dismiss(id?: number): void {
    const target = id === undefined ? this.list().pop() : this.active.get(id);
    if (target !== undefined) this.active.delete(target.id);
  }
}

export function notificationModule(center: NotificationCenter, declared: readonly string[]): Record<string, unknown> {
  const check = (): void => {
    if (declared.indexOf('device:os.notification') < 0) throw new Error('permission denied: device:os.notification is not declared in app.json');
  };
  return {
    notify: (option: unknown) => {
      check();
      return center.notify(option);
    },
    cancel: (ids: unknown) => {
      check();
      center.cancel(ids);
    },
    getAllNotifications: () => {
      check();
      return center.ids();
    },
  };
}
