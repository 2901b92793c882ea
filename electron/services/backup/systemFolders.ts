// Folders the backup folder may not be: the system's own and the top of a drive. Backups there could break
// the system or be lost with it (an update replaces C:\Windows; retention deletes files in the folder), and
// "show the backup folder" would open the system's insides to a clerk. Judged on the path as the owner's OS
// reads it, with each OS's spellings of one folder (case, "..", trailing separators and dots, \\?\ prefixes).
import path from 'node:path';

export interface SystemFolderContext {
  /** process.platform: 'win32' and 'darwin' have rules of their own; every other is judged as Linux. */
  platform: string;
  /** process.env: where Windows says its folders are (SystemRoot, ProgramFiles, ...). */
  env: Readonly<Record<string, string | undefined>>;
}

interface Rules {
  /** Refused, and everything inside them. */
  trees: string[];
  /** Refused themselves; a folder inside them is fine (C:\Users\Li\Backups, /Volumes/USB/Backups). */
  exact: string[];
  /** Refused when the folder is directly inside one of these (a drive's top: /Volumes/USB, /mnt/usb). */
  childrenOf: string[];
  /** Refused when the folder is two levels inside one of these (a drive's top: /media/li/USB). */
  grandchildrenOf: string[];
}

const MAC: Rules = {
  trees: ['/system', '/library', '/usr', '/bin', '/sbin', '/etc', '/private/etc', '/applications', '/cores', '/dev', '/opt', '/network'],
  exact: ['/', '/users', '/volumes', '/private', '/private/var', '/var', '/tmp', '/private/tmp'],
  childrenOf: ['/volumes'],
  grandchildrenOf: [],
};

const LINUX: Rules = {
  trees: ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/libx32', '/proc', '/sbin', '/sys', '/usr', '/var', '/snap', '/lost+found'],
  exact: ['/', '/home', '/media', '/mnt', '/run', '/run/media', '/opt', '/root', '/srv', '/tmp'],
  childrenOf: ['/media', '/mnt', '/run/media'],
  grandchildrenOf: ['/media', '/run/media'],
};

function windowsRules(env: SystemFolderContext['env']): Rules {
  const drive = /^[a-z]:$/i.test(env.SystemDrive ?? '') ? env.SystemDrive! : 'C:';
  const fromEnv = (name: string, fallback: string) => {
    const value = env[name];
    return value && path.win32.isAbsolute(value) ? value : fallback;
  };
  const trees = [
    fromEnv('SystemRoot', `${drive}\\Windows`),
    fromEnv('windir', `${drive}\\Windows`),
    fromEnv('ProgramFiles', `${drive}\\Program Files`),
    fromEnv('ProgramFiles(x86)', `${drive}\\Program Files (x86)`),
    fromEnv('ProgramW6432', `${drive}\\Program Files`),
    fromEnv('ProgramData', `${drive}\\ProgramData`),
    `${drive}\\Windows`,
    `${drive}\\Program Files`,
    `${drive}\\Program Files (x86)`,
    `${drive}\\ProgramData`,
    `${drive}\\$Recycle.Bin`,
    `${drive}\\System Volume Information`,
    `${drive}\\Recovery`,
    `${drive}\\Boot`,
    `${drive}\\PerfLogs`,
  ];
  return { trees, exact: [`${drive}\\Users`, fromEnv('PUBLIC', `${drive}\\Users\\Public`)], childrenOf: [], grandchildrenOf: [] };
}

/**
 * The folder as Windows reads it: "\\?\C:\x" and "C:/x/" are C:\x, ".." is applied, a segment's trailing dots
 * and spaces are dropped ("C:\Windows. " is C:\Windows), and case does not matter. null for a path Windows
 * would not read as a folder on a drive or a share (a device path such as \\.\PhysicalDrive0, or a relative one).
 */
function windowsKey(folder: string): string | null {
  let text = folder;
  if (/^[\\/]{2}[.?][\\/]/.test(text)) {
    const rest = text.slice(4);
    if (text[2] === '.') return null;
    if (/^unc[\\/]/i.test(rest)) text = `\\\\${rest.slice(4)}`;
    else if (/^[a-z]:([\\/]|$)/i.test(rest)) text = rest;
    else return null;
  }
  if (!/^([a-z]:[\\/]|[\\/]{2}[^\\/]+[\\/][^\\/]+)/i.test(text)) return null;
  const resolved = path.win32.resolve(text);
  const { root } = path.win32.parse(resolved);
  const segments = resolved
    .slice(root.length)
    .split('\\')
    .map((segment) => segment.replace(/[. ]+$/, ''))
    .filter((segment) => segment !== '');
  return (root.endsWith('\\') ? root : `${root}\\`).toLowerCase() + segments.join('\\').toLowerCase();
}

/** The folder as a POSIX system reads it; macOS's usual file system ignores case. */
function posixKey(folder: string, ignoreCase: boolean): string | null {
  if (!folder.startsWith('/')) return null;
  const resolved = path.posix.resolve(folder);
  return ignoreCase ? resolved.toLowerCase() : resolved;
}

function isWithin(key: string, tree: string, separator: string): boolean {
  return key === tree || key.startsWith(tree.endsWith(separator) ? tree : `${tree}${separator}`);
}

/**
 * Whether `folder` is a system folder, inside one, or the top of a drive, for the OS in `context`. A path that
 * OS would not read as an absolute folder counts as one (refused): the check never lets through what it cannot read.
 */
export function isSystemFolder(folder: string, context: SystemFolderContext): boolean {
  if (folder.includes('\u0000')) return true;
  if (context.platform === 'win32') {
    const key = windowsKey(folder);
    if (key === null) return true;
    const { root } = path.win32.parse(key);
    // A drive's top (C:\, E:\) or a share's (\\server\share\): the folder must be one of its own.
    if (key === root || `${key}\\` === root) return true;
    const rules = windowsRules(context.env);
    const keys = (list: string[]) => list.map(windowsKey).filter((k): k is string => k !== null);
    return keys(rules.exact).includes(key) || keys(rules.trees).some((tree) => isWithin(key, tree, '\\'));
  }
  const mac = context.platform === 'darwin';
  const key = posixKey(folder, mac);
  if (key === null) return true;
  const rules = mac ? MAC : LINUX;
  if (rules.exact.includes(key)) return true;
  const parent = path.posix.dirname(key);
  if (rules.childrenOf.includes(parent) || rules.grandchildrenOf.includes(path.posix.dirname(parent))) return true;
  return rules.trees.some((tree) => isWithin(key, tree, '/'));
}
