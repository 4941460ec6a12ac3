// @zos/utils EventBus (ZML's transport extends it).
type Handler = (...args: unknown[]) => void;

export class EventBus {
  private readonly map = new Map<string, Handler[]>();

  on(name: string, handler: Handler): void {
    const list = this.map.get(name) ?? [];
    list.push(handler);
    this.map.set(name, list);
  }

  once(name: string, handler: Handler): void {
    const wrapped: Handler = (...args) => {
      this.off(name, wrapped);
      handler(...args);
    };
    this.on(name, wrapped);
  }

  off(name: string, handler?: Handler): void {
    if (handler === undefined) {
      this.map.delete(name);
      return;
    }
    this.map.set(name, (this.map.get(name) ?? []).filter((h) => h !== handler));
  }

  emit(name: string, ...args: unknown[]): void {
    for (const handler of [...(this.map.get(name) ?? [])]) handler(...args);
  }

  count(name: string): number {
    return (this.map.get(name) ?? []).length;
  }

  clear(): void {
    this.map.clear();
  }
}
