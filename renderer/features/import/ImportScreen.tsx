// Replaced by the import screen under construction.
export function ImportScreen() {
  return null;
}
