// Runs npm scripts side by side (the CI machine has two cores; typecheck and lint each use one), each one's output
// printed whole when it ends, and fails when any fails.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/run-together.mjs <npm script> [<npm script> ...]');
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = await Promise.all(
  scripts.map(
    (name) =>
      new Promise((resolve) => {
        const chunks = [];
        const child = spawn(npm, ['run', '--silent', name], { shell: process.platform === 'win32', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
        child.stdout.on('data', (c) => chunks.push(c));
        child.stderr.on('data', (c) => chunks.push(c));
        child.on('error', (error) => resolve({ name, code: 1, output: String(error) }));
        child.on('close', (code) => {
          const output = Buffer.concat(chunks).toString();
          process.stdout.write(`\n> ${name} (exit ${code})\n${output}`);
          resolve({ name, code: code ?? 1, output });
        });
      }),
  ),
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
