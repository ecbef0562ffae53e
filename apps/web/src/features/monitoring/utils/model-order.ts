// Which models the monitoring picker lists first, and which one /monitoring opens.

export interface PickerModel {
  id: number;
  name: string;
  windows: number;
  openAlerts: number;
}

const watched = (m: PickerModel) => m.windows > 0 || m.openAlerts > 0;

/** Watched models (windows or open alerts) by name, then the rest by name. */
export function pickerOrder<M extends PickerModel>(models: readonly M[]): M[] {
  return [...models].sort((a, b) => Number(watched(b)) - Number(watched(a)) || a.name.localeCompare(b.name));
}

/** The model to open: the first in picker order with an open alert, else the first with windows, else the first. */
export function defaultModel<M extends PickerModel>(models: readonly M[]): M | undefined {
  const ordered = pickerOrder(models);
  return ordered.find((m) => m.openAlerts > 0) ?? ordered.find((m) => m.windows > 0) ?? ordered[0];
}
