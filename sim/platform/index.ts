// Public surface of the host-agnostic simulated Zepp OS platform.
export { FakeClock, ClockBudgetError, DEFAULT_START, type Lateness, type TimerInfo, type TimerKind } from './clock';
export { createSimulationCore, type Simulation, type SimulationOptions, type SimulationInputs, type WidgetView } from './simulation';
export type { ScriptHost, Realm, BuildFiles, LogEntry } from './host';
export { FakeLink, readHeader, buildFrame, type LinkOptions, type LinkFrame, type LinkVerdict, type LinkStats } from './link';
export { PROFILES, getProfile, type DeviceProfile } from './profiles';
export { ErrorLog, type SimError, type SimErrorKind } from './errors';
export { parseBtxt, Translations } from './i18n';
export { VIBRATOR_SCENES, VIBRATOR_TYPES, type VibrationCall } from './sensor';
export { renderText, type SettingsNode } from './settings-ui';
