// Replaced by the duplicates screen under construction.
export function DuplicatesScreen() {
  return null;
}
