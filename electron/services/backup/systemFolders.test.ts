import { describe, expect, it } from 'vitest';
import { isSystemFolder, type SystemFolderContext } from './systemFolders';

const windows: SystemFolderContext = {
  platform: 'win32',
  env: {
    SystemDrive: 'C:',
    SystemRoot: 'C:\\Windows',
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    ProgramData: 'C:\\ProgramData',
    PUBLIC: 'C:\\Users\\Public',
  },
};
const mac: SystemFolderContext = { platform: 'darwin', env: {} };
const linux: SystemFolderContext = { platform: 'linux', env: {} };

const refused = (context: SystemFolderContext, folders: string[]) => {
  for (const folder of folders) expect([folder, isSystemFolder(folder, context)]).toEqual([folder, true]);
};
const allowed = (context: SystemFolderContext, folders: string[]) => {
  for (const folder of folders) expect([folder, isSystemFolder(folder, context)]).toEqual([folder, false]);
};

describe('isSystemFolder on Windows', () => {
  it('refuses the system folders and everything inside them', () => {
    refused(windows, [
      'C:\\Windows',
      'C:\\Windows\\System32',
      'C:\\Windows\\System32\\drivers\\etc',
      'C:\\Program Files',
      'C:\\Program Files\\Regulars',
      'C:\\Program Files (x86)\\Common Files',
      'C:\\ProgramData',
      'C:\\ProgramData\\Microsoft',
      'C:\\$Recycle.Bin',
      'C:\\System Volume Information',
      'C:\\Users',
      'C:\\Users\\Public',
    ]);
  });

  it('refuses the top of any drive or share', () => {
    refused(windows, ['C:\\', 'C:/', 'D:\\', 'e:\\', 'E:\\.', 'E:\\backups\\..', '\\\\server\\share', '\\\\server\\share\\', '\\\\?\\UNC\\server\\share\\']);
  });

  it('sees through case, "..", forward slashes, trailing separators, dots and spaces, and \\\\?\\ prefixes', () => {
    refused(windows, [
      'c:\\windows',
      'C:\\WINDOWS\\system32',
      'C:/Windows/System32/',
      'C:\\Windows\\',
      'C:\\Windows\\\\\\',
      'C:\\Users\\Li\\Documents\\..\\..\\..\\Windows',
      'C:\\Temp\\..\\Program Files',
      'C:\\Windows.',
      'C:\\Windows. . ',
      'C:\\Program Files \\Regulars',
      '\\\\?\\C:\\Windows\\System32',
      '\\\\?\\c:\\program files',
    ]);
  });

  it('refuses device paths, relative paths and what it cannot read', () => {
    refused(windows, ['\\\\.\\PhysicalDrive0', '\\\\.\\C:\\Backups', '\\\\?\\GLOBALROOT\\Device', 'Backups', '.\\Backups', 'C:Backups', '\\Backups', 'C:\\Back\u0000ups']);
  });

  it('follows where the system says its folders are (a system on D:)', () => {
    const onD: SystemFolderContext = { platform: 'win32', env: { SystemDrive: 'D:', SystemRoot: 'D:\\WINNT', ProgramFiles: 'D:\\Apps' } };
    refused(onD, ['D:\\WINNT\\System32', 'd:\\apps\\Regulars', 'D:\\Windows', 'D:\\Program Files']);
    allowed(onD, ['C:\\Apps\\Backups', 'C:\\WINNT2']);
  });

  it('allows ordinary folders, on the system drive or a USB drive', () => {
    allowed(windows, [
      'C:\\Users\\Li\\Documents\\Regulars backups',
      'C:\\Users\\Li\\AppData\\Roaming\\Regulars\\backups',
      'C:\\Backups',
      'C:\\Windows backups',
      'C:\\WindowsBackups',
      'C:\\Program Files backups',
      'E:\\Regulars',
      'E:\\店铺备份',
      '\\\\nas\\store\\backups',
      '\\\\?\\E:\\Regulars',
    ]);
  });
});

describe('isSystemFolder on macOS', () => {
  it('refuses the system folders, the root and the top of a drive, whatever the case', () => {
    refused(mac, [
      '/',
      '/System',
      '/System/Library',
      '/system/library/',
      '/Library',
      '/Library/Application Support',
      '/LIBRARY',
      '/usr',
      '/usr/local/bin',
      '/bin',
      '/sbin',
      '/etc',
      '/private/etc',
      '/private/var',
      '/var',
      '/Applications',
      '/Applications/Regulars.app/Contents',
      '/Users',
      '/Volumes',
      '/Volumes/USB',
      '/Volumes/USB/',
      '/Users/li/../../System',
      '/Users/li/./../../usr//lib',
      'Users/li/Backups',
      '~/Backups',
    ]);
  });

  it('allows the app data folder, home folders and folders on a drive', () => {
    allowed(mac, [
      '/Users/li/Library/Application Support/Regulars/backups',
      '/Users/li/Documents/Regulars',
      '/Volumes/USB/Regulars',
      '/var/folders/xy/abc/T/regulars-test',
      '/Users/li/System',
      '/Users/li/Library',
    ]);
  });
});

describe('isSystemFolder on Linux', () => {
  it('refuses the system folders, the root and the top of a drive; case matters there', () => {
    refused(linux, ['/', '/etc', '/etc/', '/usr/share', '/var', '/var/backups', '/boot', '/proc/self', '/home', '/media/li/USB', '/media/USB', '/mnt/usb', '/run/media/li/USB', '/home/li/../../etc', 'home/li']);
    allowed(linux, ['/home/li/Regulars', '/home/li/.local/share/regulars/backups', '/media/li/USB/Regulars', '/mnt/usb/Regulars', '/ETC', '/tmp/regulars-e2e-1/backups', '/opt/regulars-backups']);
  });
});
