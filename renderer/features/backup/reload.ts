// After a restore moved the database pointer, the page starts again on the restored database: every
// connection, live query and worker of today's database goes away with the old page.
export function reloadAfterRestore(): void {
  window.location.reload();
}
