// What the Home page can show; index.r.layout.ts and index.s.layout.ts implement it per shape.
export interface HomeLayout {
  renderTitle(title: string): void;
  renderRoutines(names: readonly string[], onPick: (index: number) => void): void;
  showPhoneStatus(text: string): void;
}
