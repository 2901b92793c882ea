// The name the clerk last signed a complaint with on this PC, offered again (the app has roles, not named users).
const KEY = 'regulars.complaints.by';

export function lastClerk(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberClerk(name: string): void {
  try {
    localStorage.setItem(KEY, name.trim());
  } catch {
    // A full or refused storage only loses the suggestion.
  }
}
