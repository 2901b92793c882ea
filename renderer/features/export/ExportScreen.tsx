// Replaced by the export screen under construction.
export function ExportScreen() {
  return null;
}
